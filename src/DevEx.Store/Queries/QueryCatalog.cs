namespace DevEx.Store.Queries;

/// <summary>
/// The metric SQL of queries/*.sql, embedded at build time. A query is named by its file name without extension;
/// parameters are DuckDB <c>$name</c> parameters bound by Dapper, never interpolated.
/// </summary>
public static class QueryCatalog
{
    private const string Prefix = "queries/";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Embedded = new(Load);

    public static IReadOnlyCollection<string> Names => Embedded.Value.Keys.ToList();

    public static string Get(string name) =>
        Embedded.Value.TryGetValue(name, out var sql) ? sql : throw new KeyNotFoundException($"No query named '{name}' in queries/.");

    private static Dictionary<string, string> Load()
    {
        var assembly = typeof(QueryCatalog).Assembly;
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            queries[Path.GetFileNameWithoutExtension(resource[Prefix.Length..])] = reader.ReadToEnd();
        }
        return queries;
    }
}
