using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using DevEx.Analytics;
using DevEx.Analytics.Derivations;
using DevEx.Analytics.Metrics;
using DevEx.Collectors.Import;
using DevEx.SampleOrg;
using DevEx.Store;
using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Server.Cli;

/// <summary>
/// <c>devex bench</c>: the benchmark of docs/benchmarks.md. Generates an org (default 50 teams x 52 weeks x 20
/// engineers), imports it into a fresh database, derives, and times the DORA API's work warm, then prints a
/// Markdown table with the machine it ran on.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var organisation = new BenchOrganisation();
        var repetitions = new Option<int>("--repetitions") { Description = "Timed runs per query (after 3 warm-up runs)", DefaultValueFactory = _ => 20 };
        var command = organisation.AddTo(new Command("bench", "Measure import, derivation and metric latency on a generated organisation")
            { repetitions, TicketBenchCommand.Create(), CalendarBenchCommand.Create(), DashboardBenchCommand.Create(), ReportBenchCommand.Create() });
        command.SetAction(parse =>
        {
            var generation = Stopwatch.StartNew();
            var organisationFolder = organisation.Resolve(parse);
            return Run(organisationFolder, generation.Elapsed, parse.GetValue(repetitions));
        });
        return command;
    }

    private static int Run((SampleOrganisationOptions Options, string Work, string Org, SampleOrganisationSummary? Generated) organisation,
        TimeSpan generation, int repetitions)
    {
        var (options, work, data, generated) = organisation;
        var results = new List<(string Measure, string Value)>();
        if (generated is not null)
        {
            results.Add(("generate", $"{generation.TotalSeconds:0.0} s ({generated})"));
        }
        var stopwatch = Stopwatch.StartNew();
        var dbPath = Path.Combine(work, "bench.duckdb");
        File.Delete(dbPath);
        File.Delete(dbPath + ".wal");
        var database = DuckDbDatabase.OpenAndMigrate(dbPath);

        stopwatch.Restart();
        var summary = new DirectoryImporter(database, SystemClock.Instance).Import(data);
        var importSeconds = stopwatch.Elapsed.TotalSeconds;
        var rows = CountSourceRows(database);
        results.Add(("import (every NDJSON file, the catalog and the calendars)", $"{importSeconds:0.00} s: {summary.Imported:N0} records ({summary.Imported / importSeconds:N0}/s), {rows:N0} table rows ({rows / importSeconds:N0} rows/s), {summary.Rejected} rejected"));

        stopwatch.Restart();
        var derivation = new DerivationRunner(database, new MetricOptions()).Run();
        results.Add(("derivation", $"{stopwatch.Elapsed.TotalSeconds:0.00} s: {derivation.ProductionDeployments:N0} production deployments, {derivation.Changes:N0} changes, {derivation.PullRequests:N0} pull requests"));

        var dora = new DoraMetricsService(new QueryRunner(database), new DoraLevelThresholds());
        var flow = new PullRequestFlowService(new QueryRunner(database));
        var until = options.EffectiveUntil;
        var utc = DateTimeZone.Utc;
        var year = new MetricWindow(until.PlusWeeks(-52), until, utc);
        var month = new MetricWindow(until.PlusWeeks(-4), until, utc);
        var team = FirstTeam(database);
        results.Add(Time("DORA org-wide, 52 weeks", repetitions, () => dora.Get(year, MetricScope.Org)));
        results.Add(Time($"DORA one team ({team}), 4 weeks", repetitions, () => dora.Get(month, new MetricScope(Team: team))));
        results.Add(Time("DORA series org-wide, 52 weekly periods", repetitions, () => dora.Series(year, MetricScope.Org, MetricInterval.Week)));
        results.Add(Time("PR flow org-wide, 52 weeks", repetitions, () => flow.Get(year, MetricScope.Org)));
        var quarter = new MetricWindow(until.PlusWeeks(-12), until, utc);
        results.Add(Time("DORA per team (grouped), 12 weeks", repetitions, () => dora.ByGroup(quarter, MetricScope.Org, MetricGrouping.Team)));
        results.Add(Time("DORA per service (grouped), 12 weeks", repetitions, () => dora.ByGroup(quarter, MetricScope.Org, MetricGrouping.Service)));
        results.Add(("peak RSS", $"{PeakRssMegabytes():N0} MB"));

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine($"Org: {options.Teams} teams x {options.Weeks} weeks x {options.EngineersPerTeam} engineers per team (seed {options.Seed})");
        Console.WriteLine();
        Console.WriteLine("| measure | result |");
        Console.WriteLine("| --- | --- |");
        foreach (var (measure, value) in results)
        {
            Console.WriteLine($"| {measure} | {value} |");
        }
        return 0;
    }

    internal static (string, string) Time(string name, int repetitions, Action action)
    {
        for (var i = 0; i < 3; i++)
        {
            action();
        }
        var times = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        var p95 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)];
        return (name, string.Create(CultureInfo.InvariantCulture, $"median {median:0.0} ms, p95 {p95:0.0} ms (warm, n={repetitions})"));
    }

    private static long CountSourceRows(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("""
            SELECT (SELECT count(*) FROM repositories) + (SELECT count(*) FROM commits) + (SELECT count(*) FROM pull_requests)
                 + (SELECT count(*) FROM pull_request_commits) + (SELECT count(*) FROM reviews) + (SELECT count(*) FROM review_requests)
                 + (SELECT count(*) FROM pipeline_runs) + (SELECT count(*) FROM deployments) + (SELECT count(*) FROM incidents)
                 + (SELECT count(*) FROM tickets) + (SELECT count(*) FROM ticket_transitions)
                 + (SELECT count(*) FROM calendar_occurrences)
            """);
    }

    internal static string? FirstTeam(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<string?>("SELECT min(id) FROM teams");
    }

    /// <summary>VmHWM of /proc/self/status: the process's peak resident set.</summary>
    internal static long PeakRssMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
