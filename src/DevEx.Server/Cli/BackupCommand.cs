using System.CommandLine;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Cli;

/// <summary>
/// <c>devex backup DIR [--db PATH]</c>: exports the database into a new folder (DuckDB's EXPORT DATABASE, Parquet, with
/// a manifest naming the schema version), for <c>devex restore</c>. Exit 0 when written; 2 with one line when the folder
/// is not empty or the database cannot be opened: DuckDB lets one process own the file, so stop the service first.
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "A new or empty folder to write the backup into" };
        var database = new Option<string?>("--db") { Description = "DuckDB file (default: DevEx:Database, data/devex.duckdb)" };
        var command = new Command("backup", "Write a consistent copy of the database into a folder, for devex restore. Exit codes: 0 written; "
            + "2 not written (the folder is not empty, the database is held by the service)")
        {
            directory, database,
        };
        command.SetAction(parse => Run(parse.GetValue(directory)!, parse.GetValue(database), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the backup; the writers are parameters so tests can read what a person would see.</summary>
    internal static int Run(string directory, string? databasePath, TextWriter output, TextWriter error)
    {
        using var provider = CommandServices.Build(CommandServices.Database(databasePath));
        if (DatabaseOpenFailure.ResolveOrExplain<DuckDbDatabase>(provider, null, error) is not { } database)
        {
            return 2;
        }
        try
        {
            var manifest = DatabaseBackup.Export(database, directory, provider.GetRequiredService<IClock>().GetCurrentInstant());
            output.WriteLine($"backed up {database.Path} (schema version {manifest.SchemaVersion}) into {Path.GetFullPath(directory)}");
            return 0;
        }
        catch (BackupException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
    }
}
