using DevEx.Store;

namespace DevEx.TestSupport;

/// <summary>A DuckDB file of its own in a fresh temporary folder, deleted with the folder on Dispose.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));

    private TemporaryDatabase(bool migrate)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "t.duckdb");
        Database = migrate ? DuckDbDatabase.OpenAndMigrate(path) : new DuckDbDatabase(path);
    }

    public DuckDbDatabase Database { get; }

    /// <summary>A database with every embedded migration applied.</summary>
    public static TemporaryDatabase Migrated() => new(migrate: true);

    /// <summary>An empty database file: no schema yet.</summary>
    public static TemporaryDatabase Empty() => new(migrate: false);

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
