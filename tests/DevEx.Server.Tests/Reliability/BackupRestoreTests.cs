using System.Net;
using System.Text.Json;
using Dapper;
using DevEx.Server.Cli;
using DevEx.Server.Tests.Api;
using DevEx.Store;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Server.Tests.Reliability;

/// <summary>
/// <c>devex backup</c> then <c>devex restore</c> into a new file gives back every row and the same metric figures; a
/// restore refuses, in one line and without touching the target, a backup of a newer schema, a target the service holds,
/// an existing target without --force, and a backup it cannot load. The scenario is the worked example of
/// docs/metrics.md (WorkedExampleImport) plus a repository, two pipeline runs and a ticket, imported by <c>devex import</c>.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", "backup-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private readonly string original;
    private readonly string backup;
    private readonly string restored;

    public BackupRestoreTests()
    {
        Directory.CreateDirectory(directory);
        original = Path.Combine(directory, "original.duckdb");
        backup = Path.Combine(directory, "backup");
        restored = Path.Combine(directory, "restored", "devex.duckdb");
    }

    private const string Repositories = """{"repo":"acme/api","defaultBranch":"main","url":"https://github.com/acme/api"}""";

    private const string PipelineRuns = """
        {"repo":"acme/api","id":"run-1","workflow":"ci","sha":"k1","branch":"main","event":"push","createdAt":"2026-02-02T08:10:00Z","startedAt":"2026-02-02T08:11:00Z","completedAt":"2026-02-02T08:20:00Z","conclusion":"success","attempt":1}
        {"repo":"acme/api","id":"run-2","workflow":"ci","sha":"s7","branch":"main","event":"push","createdAt":"2026-02-03T09:05:00Z","startedAt":"2026-02-03T09:06:00Z","completedAt":"2026-02-03T09:30:00Z","conclusion":"failure","attempt":1}
        """;

    private const string Tickets = """{"key":"PAY-1","project":"PAY","type":"Bug","createdAt":"2026-02-02T09:00:00Z","resolvedAt":"2026-02-04T09:00:00Z","title":"Fix","transitions":[{"at":"2026-02-04T09:00:00Z","from":"To Do","to":"Done"}]}""";

    private void ImportScenario()
    {
        var folder = Directory.CreateDirectory(Path.Combine(directory, "scenario")).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "catalog"));
        File.WriteAllText(Path.Combine(folder, "catalog", "org.yaml"), WorkedExampleImport.Catalog);
        File.WriteAllText(Path.Combine(folder, "repositories.ndjson"), Repositories);
        File.WriteAllText(Path.Combine(folder, "commits.ndjson"), WorkedExampleImport.Commits);
        File.WriteAllText(Path.Combine(folder, "pull_requests.ndjson"), WorkedExampleImport.PullRequests);
        File.WriteAllText(Path.Combine(folder, "pipeline_runs.ndjson"), PipelineRuns);
        File.WriteAllText(Path.Combine(folder, "deployments.ndjson"), WorkedExampleImport.Deployments);
        File.WriteAllText(Path.Combine(folder, "incidents.ndjson"), WorkedExampleImport.Incidents);
        File.WriteAllText(Path.Combine(folder, "tickets.ndjson"), Tickets);
        Assert.Equal(0, ImportCommand.Run(folder, original, output, error, clock: new FakeClock(Instant.FromUtc(2026, 2, 11, 12, 0))));
    }

    private static Dictionary<string, long> RowCounts(string path)
    {
        using var database = new DuckDbDatabase(path);
        using var connection = database.Open();
        var tables = connection.Query<string>("SELECT table_name FROM duckdb_tables() ORDER BY table_name").AsList();
        return tables.ToDictionary(t => t, t => connection.ExecuteScalar<long>($"SELECT count(*) FROM \"{t}\""));
    }

    private static long NextRawPayloadId(string path)
    {
        using var database = new DuckDbDatabase(path);
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT nextval('raw_payload_ids')");
    }

    [Fact]
    public async Task A_restored_backup_holds_the_same_rows_and_gives_the_same_dora_figures()
    {
        ImportScenario();
        // Three ids drawn before the backup (1, 2, 3): the restored sequence must go on at 4, not collide with them.
        foreach (var _ in Enumerable.Range(0, 3))
        {
            NextRawPayloadId(original);
        }
        var before = RowCounts(original);

        Assert.Equal(0, BackupCommand.Run(backup, original, output, error));
        Assert.Equal(0, RestoreCommand.Run(backup, restored, force: false, output, error));

        Assert.Equal("", error.ToString());
        Assert.Equal(before, RowCounts(restored));
        Assert.Equal((6, 1, 2, 4, 1, 1, 1), (before["commits"], before["pull_requests"], before["pipeline_runs"], before["deployments"],
            before["incidents"], before["tickets"], before["repositories"]));
        Assert.Equal(SchemaMigrator.LatestVersion, before["schema_version"]);
        Assert.Equal(4, NextRawPayloadId(restored));

        // The worked example's figures (docs/metrics.md): 4 production deployments in the week, lead time median 23 h,
        // 1 of 4 failed, recovered in 1 h.
        using var factory = new DevExAppFactory(Instant.FromUtc(2026, 2, 11, 12, 0));
        factory.Settings["DevEx:Database"] = restored;
        var response = await factory.CreateClient().GetAsync("/api/v1/metrics/dora?from=2026-02-02&to=2026-02-09");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dora = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(4, dora.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32());
        Assert.Equal(23.0, dora.GetProperty("changeLeadTime").GetProperty("medianHours").GetDouble());
        Assert.Equal(0.25, dora.GetProperty("changeFailRate").GetProperty("rate").GetDouble());
        Assert.Equal(1.0, dora.GetProperty("failedDeploymentRecoveryTime").GetProperty("medianHours").GetDouble());
    }

    [Fact]
    public void A_backup_of_an_older_schema_is_migrated_on_restore()
    {
        var older = SchemaMigrator.Embedded.Take(SchemaMigrator.Embedded.Count - 1).ToList();
        using (var database = new DuckDbDatabase(original))
        {
            using var connection = database.Open();
            SchemaMigrator.Migrate(connection, older);
            DatabaseBackup.Export(database, backup, Instant.FromUtc(2026, 2, 11, 12, 0));
        }
        Assert.Equal(older[^1].Version, DatabaseBackup.ReadManifest(backup).SchemaVersion);

        Assert.Equal(0, RestoreCommand.Run(backup, restored, force: false, output, error));

        Assert.EndsWith($"schema version {older[^1].Version}, migrated to {SchemaMigrator.LatestVersion})", output.ToString().TrimEnd());
        using var restoredDatabase = new DuckDbDatabase(restored);
        using var restoredConnection = restoredDatabase.Open();
        Assert.Equal(SchemaMigrator.LatestVersion, SchemaMigrator.CurrentVersion(restoredConnection));
    }

    [Fact]
    public void A_backup_of_a_newer_schema_is_refused_in_one_line_and_nothing_is_written()
    {
        DuckDbDatabase.OpenAndMigrate(original).Dispose();
        Assert.Equal(0, BackupCommand.Run(backup, original, output, error));
        var manifest = Path.Combine(backup, BackupManifest.FileName);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"\"schemaVersion\": {SchemaMigrator.LatestVersion}",
            $"\"schemaVersion\": {SchemaMigrator.LatestVersion + 1}", StringComparison.Ordinal));

        Assert.Equal(2, RestoreCommand.Run(backup, restored, force: false, output, error));

        Assert.Equal($"The backup has schema version {SchemaMigrator.LatestVersion + 1}, newer than this DevEx's {SchemaMigrator.LatestVersion}: "
            + "restore it with the DevEx version that made it.", error.ToString().TrimEnd());
        Assert.False(Directory.Exists(Path.GetDirectoryName(restored)));
    }

    [Fact]
    public void A_database_the_service_holds_is_not_overwritten()
    {
        ImportScenario();
        Assert.Equal(0, BackupCommand.Run(backup, original, output, error));
        var before = File.ReadAllBytes(original);

        using (new ForeignFileLock(original))
        {
            Assert.Equal(2, RestoreCommand.Run(backup, original, force: true, output, error));
            Assert.Equal(before, File.ReadAllBytes(original));
        }

        var line = Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith($"Cannot restore into {original}: ", line);
        Assert.EndsWith("holds it, most likely the DevEx service. Stop the service and run the command again.", line);
        Assert.Equal(["original.duckdb"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void An_existing_database_is_replaced_only_with_force()
    {
        ImportScenario();
        Assert.Equal(0, BackupCommand.Run(backup, original, output, error));
        DuckDbDatabase.OpenAndMigrate(restored).Dispose();

        Assert.Equal(2, RestoreCommand.Run(backup, restored, force: false, output, error));
        Assert.Equal($"The database {restored} exists: give --force to replace it with the backup, or --db PATH for a new file.", error.ToString().TrimEnd());
        Assert.Equal(0, RowCounts(restored)["deployments"]);

        Assert.Equal(0, RestoreCommand.Run(backup, restored, force: true, output, error));
        Assert.Equal(4, RowCounts(restored)["deployments"]);
    }

    [Fact]
    public void A_damaged_database_is_replaced_with_force()
    {
        ImportScenario();
        Assert.Equal(0, BackupCommand.Run(backup, original, output, error));
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        File.WriteAllText(restored, "not a database");
        File.WriteAllText(restored + ".wal", "not a log");

        Assert.Equal(0, RestoreCommand.Run(backup, restored, force: true, output, error));

        Assert.Equal("", error.ToString());
        Assert.Equal(4, RowCounts(restored)["deployments"]);
        Assert.False(File.Exists(restored + ".wal"));
    }

    [Fact]
    public void A_backup_that_cannot_be_loaded_leaves_the_old_database_and_no_temporary_file()
    {
        ImportScenario();
        Assert.Equal(0, BackupCommand.Run(backup, original, output, error));
        File.Delete(Directory.GetFiles(backup, "deployments.parquet").Single());
        var target = Path.Combine(directory, "target.duckdb");
        File.Copy(original, target);

        Assert.Equal(2, RestoreCommand.Run(backup, target, force: true, output, error));

        Assert.StartsWith($"The backup in {backup} cannot be loaded: ", error.ToString());
        Assert.Equal(4, RowCounts(target)["deployments"]);
        Assert.Equal(["original.duckdb", "target.duckdb"], Directory.GetFiles(directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_backup_refuses_a_folder_that_is_not_empty_and_a_held_database()
    {
        DuckDbDatabase.OpenAndMigrate(original).Dispose();
        Directory.CreateDirectory(backup);
        File.WriteAllText(Path.Combine(backup, "notes.txt"), "mine");

        Assert.Equal(2, BackupCommand.Run(backup, original, output, error));
        Assert.Equal($"The backup folder {backup} is not empty: give a new or empty folder.", error.ToString().TrimEnd());

        using var held = new ForeignFileLock(original);
        var fresh = new StringWriter();
        Assert.Equal(2, BackupCommand.Run(Path.Combine(directory, "other"), original, output, fresh));
        Assert.EndsWith("holds it, most likely the DevEx service. Stop the service and run the command again.", fresh.ToString().TrimEnd());
    }

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
