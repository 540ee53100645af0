using System.CommandLine;
using DevEx.Analytics;
using DevEx.Analytics.Derivations;
using DevEx.Collectors.Import;
using DevEx.Server.Hosting;
using DevEx.Server.Import;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace DevEx.Server.Cli;

/// <summary>
/// <c>devex import DIR [--db PATH]</c>: imports a folder in the import format and re-derives. Exits 1 when any
/// line was rejected (the rest is imported and the rejects are kept in import_rejects), 2 with one line when the folder
/// is missing or the database cannot be opened (the service holds it while it runs).
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "Folder in the import format (docs/import-format.md)" };
        var database = new Option<string?>("--db") { Description = "DuckDB file (default: DevEx:Database, data/devex.duckdb)" };
        var command = new Command("import", "Import a folder of NDJSON files and catalog YAML") { directory, database };
        command.SetAction(parse => Run(parse.GetValue(directory)!, parse.GetValue(database), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the import; the writers are parameters so tests can read what a person would see.</summary>
    internal static int Run(string directory, string? databasePath, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"Import folder '{directory}' does not exist.");
            return 2;
        }
        var configuration = ConfigurationSwitches.ForCommand(databasePath is null ? [] : ["--db", databasePath]);
        var options = configuration.GetSection(DevExOptions.Section).Get<DevExOptions>() ?? new DevExOptions();
        var metrics = configuration.GetSection(MetricOptions.Section).Get<MetricOptions>() ?? new MetricOptions();
        using var db = DatabaseOpenFailure.OpenOrExplain(options.Database,
            "import through it: POST /api/v1/import/{kind} with each file as the body (docs/import-format.md)", error);
        if (db is null)
        {
            return 2;
        }
        var service = new ImportService(db, SystemClock.Instance, new DerivationRunner(db, metrics, configuration.GetSection(DevEx.Analytics.Tickets.TicketOptions.Section).Get<DevEx.Analytics.Tickets.TicketOptions>(),
            configuration.GetSection(DevEx.Analytics.Calendar.MeetingOptions.Section).Get<DevEx.Analytics.Calendar.MeetingOptions>()));
        var (summary, derivation) = service.ImportDirectory(directory);
        Print(summary, options.Database, output, error);
        output.WriteLine($"derived: {derivation.ProductionDeployments} production deployments, {derivation.Changes} changes, "
            + $"{derivation.FailedDeployments} failed, {derivation.PullRequests} merged pull requests in {derivation.Elapsed.TotalSeconds:0.0} s");
        return summary.HasRejects ? 1 : 0;
    }

    private static void Print(ImportSummary summary, string database, TextWriter output, TextWriter error)
    {
        output.WriteLine($"imported into {database}");
        output.WriteLine($"{"file",-32} {"imported",10} {"rejected",10}");
        foreach (var file in summary.Files)
        {
            output.WriteLine($"{file.File,-32} {file.Imported,10} {file.Rejected,10}");
        }
        foreach (var reject in summary.Files.SelectMany(f => f.Rejects))
        {
            error.WriteLine($"rejected {reject.File}:{reject.Line}: {reject.Reason}");
        }
        var hidden = summary.Rejected - summary.Files.Sum(f => f.Rejects.Count);
        if (hidden > 0)
        {
            error.WriteLine($"... and {hidden} more rejects (all are kept in table import_rejects; GET /api/v1/data-quality)");
        }
        foreach (var note in summary.Notes)
        {
            output.WriteLine(note);
        }
    }
}
