using Dapper;
using DevEx.Collectors.Catalog;
using DevEx.Collectors.Import;
using DevEx.Store;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Collectors.Tests.Import;

/// <summary>
/// A throw-away DuckDB file (deleted on Dispose) with the importers under test and terse ways to feed them
/// lines or YAML and to read rows back.
/// </summary>
internal sealed class ImportTestDatabase : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));

    public ImportTestDatabase()
    {
        Directory.CreateDirectory(directory);
        Database = DuckDbDatabase.OpenAndMigrate(Path.Combine(directory, "t.duckdb"));
    }

    public DuckDbDatabase Database { get; }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 3, 1, 12, 0));

    public ImportFileSummary Import(ImportKind kind, string ndjson, ImportTiming? timing = null) =>
        new NdjsonImporter(Database, Clock).Import(kind, new StringReader(ndjson), kind.FileName(), timing);

    public ImportFileSummary Import(ImportKind kind, params string[] lines) => Import(kind, string.Join('\n', lines));

    public ImportFileSummary ImportCatalog(string yaml, string fileName = "catalog.yaml") =>
        new CatalogImporter(Database, Clock).Import(new StringReader(yaml), fileName);

    public ImportFileSummary ImportCatalogFixture(string fileName)
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "backstage", fileName));
        return new CatalogImporter(Database, Clock).Import(reader, fileName);
    }

    public List<T> Query<T>(string sql)
    {
        using var connection = Database.Open();
        return connection.Query<T>(sql).ToList();
    }

    public T Scalar<T>(string sql)
    {
        using var connection = Database.Open();
        return connection.ExecuteScalar<T>(sql)!;
    }

    public long Count(string table) => Scalar<long>($"SELECT count(*) FROM {table}");

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
