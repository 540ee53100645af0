using System.CommandLine;
using System.Globalization;
using DevEx.Collectors.Calendar;
using DevEx.Collectors.Import;
using DevEx.Server.Hosting;
using DevEx.Server.Import;
using Microsoft.Extensions.Options;
using NodaTime;

namespace DevEx.Server.Cli;

/// <summary>
/// <c>devex import DIR [--db PATH] [--calendar-weeks-back N]</c>: imports a folder in the import format and re-derives.
/// Exit codes: 0 when everything in it was imported; 1 when a line was rejected (the rest is imported and the rejects
/// are kept in import_rejects) or a file that looks like a misspelt import file was not read; 2 with one line when the
/// folder is missing, is a file, holds nothing the import reads, or the database cannot be opened (the service holds it
/// while it runs). Calendars are expanded over DevEx:Calendar's window (WeeksBack, WeeksAhead), like the service's.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "Folder in the import format (docs/import-format.md)" };
        var database = new Option<string?>("--db") { Description = "DuckDB file (default: DevEx:Database, data/devex.duckdb)" };
        var weeksBack = new Option<int?>("--calendar-weeks-back")
        {
            Description = "Expand calendars/*.ics from this many weeks before now (default: DevEx:Calendar:WeeksBack, 26): for a calendar of a past period",
        };
        var command = new Command("import", "Import a folder of NDJSON files, calendars and catalog YAML. Exit codes: 0 imported; "
            + "1 some lines rejected or a misspelt import file not read (the rest is imported); 2 nothing imported (no such folder, a file, nothing to import, the database is held)")
        {
            directory, database, weeksBack,
        };
        command.SetAction(parse => Run(parse.GetValue(directory)!, parse.GetValue(database), Console.Out, Console.Error, parse.GetValue(weeksBack)));
        return command;
    }

    /// <summary>Runs the import; the writers are parameters so tests can read what a person would see.</summary>
    /// <param name="settings">Configuration switches as on the service's command line (--DevEx:Calendar:WeeksBack 60), for tests.</param>
    internal static int Run(string directory, string? databasePath, TextWriter output, TextWriter error, int? calendarWeeksBack = null,
        IReadOnlyList<string>? settings = null, IClock? clock = null)
    {
        if (File.Exists(directory))
        {
            var parent = Path.GetDirectoryName(Path.GetFullPath(directory));
            error.WriteLine($"'{directory}' is a file; import reads a folder in the import format: give the folder that holds it ({parent}), "
                + "or post the one file: POST /api/v1/import/{kind} (docs/import-format.md).");
            return 2;
        }
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"Import folder '{directory}' does not exist.");
            return 2;
        }
        if (!ImportFolderListing.HasImportable(directory))
        {
            var notRead = ImportFolderListing.NotRead(directory);
            error.WriteLine($"Nothing to import in '{directory}': it holds none of "
                + $"{string.Join(", ", ImportKinds.All.Select(k => k.FileName()))}, catalog/*.yaml, calendars/<email>.ics (docs/import-format.md).");
            foreach (var file in notRead)
            {
                error.WriteLine($"not read: {file}");
            }
            return 2;
        }
        if (calendarWeeksBack is < 0)
        {
            error.WriteLine($"--calendar-weeks-back must be 0 or more weeks, not {calendarWeeksBack}.");
            return 2;
        }
        // --calendar-weeks-back is DevEx:Calendar:WeeksBack for this run, after the configured value.
        string[] switches = [.. CommandServices.Database(databasePath), .. settings ?? [],
            .. calendarWeeksBack is { } weeks ? new[] { $"--{CalendarOptions.Section}:WeeksBack", weeks.ToString(CultureInfo.InvariantCulture) } : []];
        using var provider = CommandServices.Build(switches, services =>
        {
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
        var service = DatabaseOpenFailure.ResolveOrExplain<ImportService>(provider,
            "import through it: POST /api/v1/import/{kind} with each file as the body (docs/import-format.md)", error);
        if (service is null)
        {
            return 2;
        }
        var (summary, derivation) = service.ImportDirectory(directory);
        Print(summary, provider.GetRequiredService<IOptions<DevExOptions>>().Value.Database, output, error);
        output.WriteLine($"derived: {derivation.ProductionDeployments} production deployments, {derivation.Changes} changes, "
            + $"{derivation.FailedDeployments} failed, {derivation.PullRequests} merged pull requests in {derivation.Elapsed.TotalSeconds:0.0} s");
        return summary.HasRejects || summary.NotRead.Any(f => f.Suggestion is not null) ? 1 : 0;
    }

    private static void Print(ImportSummary summary, string database, TextWriter output, TextWriter error)
    {
        output.WriteLine($"imported into {database}");
        // The file column is as wide as the longest name (calendars/<email>.ics runs past 32), so the counts line up.
        var width = summary.Files.Select(f => f.File.Length).Append("file".Length).Max();
        output.WriteLine($"{"file".PadRight(width)} {"imported",10} {"rejected",10}");
        foreach (var file in summary.Files)
        {
            output.WriteLine($"{file.File.PadRight(width)} {file.Imported,10} {file.Rejected,10}");
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
        foreach (var file in summary.NotRead)
        {
            error.WriteLine($"not read: {file}");
        }
        foreach (var note in summary.Notes)
        {
            output.WriteLine(note);
        }
    }
}
