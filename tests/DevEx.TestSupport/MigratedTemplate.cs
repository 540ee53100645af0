using DevEx.Store;

namespace DevEx.TestSupport;

/// <summary>
/// A database file with every embedded migration applied, made once per test process; each test copies it instead
/// of running the migrations again (the copy takes a millisecond, the migrations tens of them).
/// </summary>
internal static class MigratedTemplate
{
    private static readonly Lazy<string> TemplatePath = new(Create);

    /// <summary>Copies the migrated template to <paramref name="path"/> and opens it; no migration is left to apply.</summary>
    public static DuckDbDatabase OpenCopy(string path)
    {
        File.Copy(TemplatePath.Value, path);
        return DuckDbDatabase.OpenAndMigrate(path);
    }

    private static string Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "devex-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "template.duckdb");
        using (var database = DuckDbDatabase.OpenAndMigrate(path))
        {
            // Everything into the file itself: the copy must not depend on a write-ahead log left beside it.
            database.Checkpoint();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
        return path;
    }
}
