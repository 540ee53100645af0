namespace DevEx.Store.Tests;

/// <summary>A migration marked devex:rederive flags an upgraded database for a rebuild of its derived tables; a new one is not flagged.</summary>
public sealed class DerivedTablesOutdatedTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));

    private string File => Path.Combine(directory, "t.duckdb");

    public DerivedTablesOutdatedTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Upgrading_past_a_rederive_migration_flags_the_database_once()
    {
        var rederive = SchemaMigrator.Embedded.First(m => m.Rederives);
        using (var older = new DuckDbDatabase(File))
        using (var connection = older.Open())
        {
            SchemaMigrator.Migrate(connection, SchemaMigrator.Embedded.Where(m => m.Version < rederive.Version).ToList());
        }

        using (var upgraded = DuckDbDatabase.OpenAndMigrate(File))
        {
            Assert.True(upgraded.DerivedTablesOutdated);
        }
        using var reopened = DuckDbDatabase.OpenAndMigrate(File);
        Assert.False(reopened.DerivedTablesOutdated);
    }

    [Fact]
    public void A_new_database_has_nothing_to_rebuild()
    {
        using var created = DuckDbDatabase.OpenAndMigrate(File);
        Assert.False(created.DerivedTablesOutdated);
    }

    [Fact]
    public void The_ci_working_hours_migration_asks_for_a_rebuild()
    {
        Assert.Contains(SchemaMigrator.Embedded, m => m.Version == 8 && m.Rederives);
        Assert.DoesNotContain(SchemaMigrator.Embedded, m => m.Version == 1 && m.Rederives);
    }
}
