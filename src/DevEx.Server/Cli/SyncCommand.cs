using System.CommandLine;
using DevEx.Server.Hosting;
using DevEx.Server.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace DevEx.Server.Cli;

/// <summary>
/// <c>devex sync SOURCE [--db PATH]</c>: one sync of a configured source (github, ...) from the command line, printing
/// progress as it goes; the same runner as the schedule and POST /api/v1/sync/{source}. Exit 1 when it failed.
/// </summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "The source to sync, e.g. github" };
        var database = new Option<string?>("--db") { Description = "DuckDB file (default: DevEx:Database, data/devex.duckdb)" };
        var command = new Command("sync", "Run one sync of a configured source now") { source, database };
        command.SetAction((parse, cancellationToken) => Run(parse.GetValue(source)!, parse.GetValue(database), cancellationToken));
        return command;
    }

    private static async Task<int> Run(string sourceName, string? databasePath, CancellationToken cancellationToken)
    {
        var configuration = ConfigurationSwitches.ForCommand(databasePath is null ? [] : ["--db", databasePath]);
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging()
            .AddDevEx();
        await using var provider = services.BuildServiceProvider();
        var runner = provider.GetRequiredService<SyncRunner>();
        var source = runner.Find(sourceName);
        if (source is null)
        {
            Console.Error.WriteLine($"No sync source '{sourceName}'. Sources: {string.Join(", ", runner.Sources.Select(s => s.Name))}.");
            return 2;
        }
        if (!source.IsConfigured)
        {
            Console.Error.WriteLine($"Source '{source.Name}' is not configured (see docs/configuration.md).");
            return 2;
        }
        var progress = new Progress<string>(line => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}"));
        var report = await runner.RunAsync(source.Name, progress, cancellationToken);
        Console.WriteLine(report.Outcome is { } outcome
            ? $"{report.Status}: {outcome.RowsWritten} rows written, {outcome.Requests} requests ({outcome.NotModified} answered 304)"
            : $"{report.Status}: {report.Error}");
        return report.Status == "succeeded" ? 0 : 1;
    }
}
