using System.CommandLine;
using DevEx.Collectors.Sync;
using DevEx.Server.Hosting;
using DevEx.Server.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace DevEx.Server.Cli;

/// <summary>
/// <c>devex sync SOURCE [--db PATH]</c>: one sync of a configured source (github, ...) from the command line, printing
/// progress as it goes; the same runner as the schedule and POST /api/v1/sync/{source}. Exit 1 when it failed, 2 with one
/// line when the source is unknown or not configured or the database cannot be opened (the service holds it while it runs).
/// </summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "The source to sync, e.g. github" };
        var database = new Option<string?>("--db") { Description = "DuckDB file (default: DevEx:Database, data/devex.duckdb)" };
        var command = new Command("sync", "Run one sync of a configured source now") { source, database };
        command.SetAction((parse, cancellationToken) => Run(parse.GetValue(source)!, parse.GetValue(database), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Runs the sync; the writers are parameters so tests can read what a person would see.</summary>
    /// <param name="switches">More configuration switches (<c>--DevEx:Catalog:Backstage:BaseUrl URL</c>), as tests set a source's settings.</param>
    internal static async Task<int> Run(string sourceName, string? databasePath, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        IReadOnlyList<string>? switches = null)
    {
        await using var provider = CommandServices.Build([.. CommandServices.Database(databasePath), .. switches ?? []]);
        if (DatabaseOpenFailure.ResolveOrExplain<SyncRunner>(provider, $"start the sync in it: POST /api/v1/sync/{sourceName}", error) is not { } runner)
        {
            return 2;
        }
        var source = runner.Find(sourceName);
        if (source is null)
        {
            error.WriteLine($"No sync source '{sourceName}'. Sources: {string.Join(", ", runner.Sources.Select(s => s.Name))}.");
            return 2;
        }
        if (!source.IsConfigured)
        {
            error.WriteLine($"Source '{source.Name}' is not configured (see docs/configuration.md).");
            return 2;
        }
        var time = provider.GetRequiredService<TimeProvider>();
        var progress = new LineProgress(line => output.WriteLine($"{time.GetLocalNow():HH:mm:ss} {line}"));
        var report = await runner.RunAsync(source.Name, progress, cancellationToken);
        output.WriteLine(report.Outcome is { } outcome
            ? $"{report.Status}: {outcome.RowsWritten} rows written, {outcome.Requests} requests ({outcome.NotModified} answered 304)"
            : $"{report.Status}: {report.Error}");
        return report.Status == "succeeded" ? 0 : 1;
    }
}
