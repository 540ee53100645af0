using System.Text.RegularExpressions;
using DevEx.Server.Hosting;
using DevEx.Store.Queries;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Dashboards;

/// <summary>
/// The SQL a dashboard panel may name: the built-in queries/ (embedded, as the API runs them), else a file of the
/// queries folder on disk, so a new panel over a new query needs no recompiling. Names are file names without
/// .sql: lower-case letters, digits and underscores, so a name can never leave the folder.
/// </summary>
internal sealed partial class QueryFiles(IOptions<DevExOptions> options)
{
    private readonly Lazy<string?> folder = new(() => RepositoryFolder.Find(options.Value.Queries, Directory.Exists));

    public string? Folder => folder.Value;

    public bool IsValidName(string name) => ValidName().IsMatch(name);

    public bool IsBuiltIn(string name) => QueryCatalog.Names.Contains(name);

    public bool Exists(string name) => IsValidName(name) && (IsBuiltIn(name) || (Folder is { } f && File.Exists(Path.Combine(f, name + ".sql"))));

    /// <summary>The SQL of a query that is not built in, read at each call so an edited file counts at once.</summary>
    public string ReadFromDisk(string name) => IsValidName(name) && Folder is { } f
        ? File.ReadAllText(Path.Combine(f, name + ".sql"))
        : throw new FileNotFoundException($"No query '{name}' in {options.Value.Queries}/.");

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex ValidName();
}
