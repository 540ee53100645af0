using System.CommandLine;
using DevEx.Server.Hosting;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Cli;

/// <summary>
/// <c>devex restore DIR [--db PATH] [--force]</c>: makes the database from a folder written by <c>devex backup</c>,
/// migrating a backup of an older schema. Exit 0 when restored; 2 with one line when nothing was changed: the folder
/// is not a backup, its schema is newer than this DevEx's, the database exists and --force was not given, or the
/// service holds it. The new file is built aside and renamed over the old one (<see cref="DatabaseBackup.Restore"/>).
/// </summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "A folder written by devex backup" };
        var database = new Option<string?>("--db") { Description = "DuckDB file to restore into (default: DevEx:Database, data/devex.duckdb)" };
        var force = new Option<bool>("--force") { Description = "Replace an existing database file" };
        var command = new Command("restore", "Replace the database with a backup made by devex backup. Exit codes: 0 restored; "
            + "2 nothing changed (not a backup, a newer schema, the database exists without --force, the database is held by the service)")
        {
            directory, database, force,
        };
        command.SetAction(parse => Run(parse.GetValue(directory)!, parse.GetValue(database), parse.GetValue(force), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the restore; the writers are parameters so tests can read what a person would see.</summary>
    internal static int Run(string directory, string? databasePath, bool force, TextWriter output, TextWriter error)
    {
        using var provider = CommandServices.Build(CommandServices.Database(databasePath));
        var target = provider.GetRequiredService<IOptions<DevExOptions>>().Value.Database;
        if (File.Exists(target) && !force)
        {
            error.WriteLine($"The database {target} exists: give --force to replace it with the backup, or --db PATH for a new file.");
            return 2;
        }
        try
        {
            var manifest = DatabaseBackup.ReadManifest(directory);
            var applied = DatabaseBackup.Restore(directory, target);
            output.WriteLine($"restored {target} from {Path.GetFullPath(directory)} (backup of {manifest.CreatedAt}, schema version {manifest.SchemaVersion}"
                + (applied.Count == 0 ? ")" : $", migrated to {SchemaMigrator.LatestVersion})"));
            return 0;
        }
        catch (BackupException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        catch (DatabaseInUseException e)
        {
            error.WriteLine($"Cannot restore into {target}: {e.Holder} holds it, most likely the DevEx service. Stop the service and run the command again.");
            return 2;
        }
    }
}
