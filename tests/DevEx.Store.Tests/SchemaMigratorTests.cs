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

    [Fact]
    public void A_migration_numbered_below_an_applied_one_is_applied_too()
    {
        // Two branches each added a migration; the one merged second got the lower number (2) after 3 had been applied.
        var addAuditTable = new SchemaMigrator.Migration(3, "audit table", "CREATE TABLE audit (id INTEGER)");
        using var connection = temporary.Database.Open();
        Assert.Equal([1, 3], SchemaMigrator.Migrate(connection, [Initial, addAuditTable]));

        Assert.Equal([2], SchemaMigrator.Migrate(connection, [Initial, AddNoteColumn, addAuditTable]));

        Assert.Equal([1, 2, 3], connection.Query<int>("SELECT version FROM schema_version ORDER BY version"));
        Assert.Equal(1, ColumnCount(connection, "deployments", "note"));
    }

    [Fact]
    public void A_database_with_a_version_this_binary_does_not_know_is_refused()
    {
        using var connection = temporary.Database.Open();
        SchemaMigrator.Migrate(connection, [Initial, AddNoteColumn]);

        var error = Assert.Throws<DatabaseOpenException>(() => SchemaMigrator.Migrate(connection, [Initial]));

        Assert.Equal("it has schema version 2, which this DevEx does not know (it knows 1 to 1): a newer DevEx wrote it. "
            + "Run that version, or a copy of the database from before the upgrade.", error.Reason);
    }

    [Fact]
    public void Opening_a_file_of_a_newer_schema_fails_in_one_line_naming_it_and_leaves_the_file_free()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("devex-newer-").FullName, "devex.duckdb");
        using (var database = DuckDbDatabase.OpenAndMigrate(path))
        using (var connection = database.Open())
        {
            connection.Execute("INSERT INTO schema_version VALUES (999, 'from the future', now())");
        }

        var error = Assert.Throws<DatabaseOpenException>(() => DuckDbDatabase.OpenAndMigrate(path));

        Assert.Equal(path, error.Path);
        Assert.StartsWith($"Cannot open the database {path}: it has schema version 999, which this DevEx does not know", error.Message, StringComparison.Ordinal);
        using var reopened = new DuckDbDatabase(path); // the failed open released the file
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    private static long ColumnCount(DuckDBConnection connection, string table, string column) =>
        connection.ExecuteScalar<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = $table AND column_name = $column",
            new { table, column });

    private static long TableCount(DuckDBConnection connection, string table) =>
        connection.ExecuteScalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = $table", new { table });
}
