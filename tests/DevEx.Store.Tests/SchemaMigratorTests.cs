using Dapper;
using DuckDB.NET.Data;

namespace DevEx.Store.Tests;

public sealed class SchemaMigratorTests : IDisposable
{
    private static readonly SchemaMigrator.Migration AddNoteColumn =
        new(2, "add column", "ALTER TABLE deployments ADD COLUMN note VARCHAR DEFAULT 'none'");

    private readonly TemporaryDatabase temporary = TemporaryDatabase.Empty();

    private static SchemaMigrator.Migration Initial => SchemaMigrator.Embedded[0];

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void Every_migration_file_of_the_source_folder_is_embedded_in_version_order()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src", "DevEx.Store", "Migrations"), "*.sql")
            .Select(f => int.Parse(Path.GetFileName(f)[..3], System.Globalization.CultureInfo.InvariantCulture))
            .Order()
            .ToList();

        Assert.Equal(files, SchemaMigrator.Embedded.Select(m => m.Version));
        Assert.Equal(files[^1], SchemaMigrator.LatestVersion);
    }

    [Fact]
    public void A_fresh_database_ends_at_the_latest_version_with_one_row_per_migration()
    {
        using var migrated = TemporaryDatabase.Migrated();
        using var connection = migrated.Database.Open();

        Assert.Equal(SchemaMigrator.LatestVersion, SchemaMigrator.CurrentVersion(connection));
        var versions = connection.Query<int>("SELECT version FROM schema_version ORDER BY version").ToList();
        Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), versions);
    }

    [Fact]
    public void Opening_an_older_database_upgrades_it_and_keeps_its_data()
    {
        using (var connection = temporary.Database.Open())
        {
            Assert.Equal([1], SchemaMigrator.Migrate(connection, [Initial]));
            connection.Execute("""
                INSERT INTO deployments (id, service, environment, sha, finished_at, status, source)
                VALUES ('d1', 'api', 'production', 'abc123', TIMESTAMPTZ '2026-02-02 09:00:00+00', 'success', 'test')
                """);
        }

        using (var connection = temporary.Database.Open())
        {
            Assert.Equal([2], SchemaMigrator.Migrate(connection, [Initial, AddNoteColumn]));
            Assert.Equal(2, SchemaMigrator.CurrentVersion(connection));
            var row = connection.QuerySingle<(string Id, string Sha, string Note)>("SELECT id, sha, note FROM deployments");
            Assert.Equal(("d1", "abc123", "none"), row);
        }
    }

    [Fact]
    public void Migrating_twice_applies_nothing_the_second_time()
    {
        using var connection = temporary.Database.Open();

        Assert.Equal([1, 2], SchemaMigrator.Migrate(connection, [Initial, AddNoteColumn]));
        Assert.Empty(SchemaMigrator.Migrate(connection, [Initial, AddNoteColumn]));
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public void A_failing_migration_rolls_back_and_leaves_the_version_unchanged()
    {
        var broken = new SchemaMigrator.Migration(2, "half done",
            "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);");
        using (var connection = temporary.Database.Open())
        {
            SchemaMigrator.Migrate(connection, [Initial]);
            Assert.ThrowsAny<Exception>(() => SchemaMigrator.Migrate(connection, [Initial, broken]));
        }

        using var reopened = temporary.Database.Open();
        Assert.Equal(1, SchemaMigrator.CurrentVersion(reopened));
        Assert.Equal(0, TableCount(reopened, "half_done"));
    }

    private static long TableCount(DuckDBConnection connection, string table) =>
        connection.ExecuteScalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = $table", new { table });
}
