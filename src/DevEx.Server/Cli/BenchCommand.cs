using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using DevEx.Analytics;
using DevEx.Analytics.Derivations;
using DevEx.Analytics.Metrics;
using DevEx.Collectors.Import;
using DevEx.Collectors.Sample;
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
        var teams = new Option<int>("--teams") { DefaultValueFactory = _ => 50 };
        var weeks = new Option<int>("--weeks") { DefaultValueFactory = _ => 52 };
        var engineers = new Option<int>("--engineers-per-team") { DefaultValueFactory = _ => 20 };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed runs per query (after 3 warm-up runs)", DefaultValueFactory = _ => 20 };
        var work = new Option<string?>("--work") { Description = "Working folder (default: a folder under the system temp folder)" };
        var command = new Command("bench", "Measure import, derivation and metric latency on a generated organisation")
            { teams, weeks, engineers, repetitions, work, TicketBenchCommand.Create(), CalendarBenchCommand.Create(), DashboardBenchCommand.Create(), ReportBenchCommand.Create() };
        command.SetAction(parse => Run(parse.GetValue(teams), parse.GetValue(weeks), parse.GetValue(engineers), parse.GetValue(repetitions), parse.GetValue(work)));
        return command;
    }

    private static int Run(int teams, int weeks, int engineers, int repetitions, string? work)
    {
        work ??= Path.Combine(Path.GetTempPath(), $"devex-bench-{teams}x{weeks}x{engineers}");
        var data = Path.Combine(work, "org");
        var results = new List<(string Measure, string Value)>();
        var stopwatch = Stopwatch.StartNew();
        var options = new SampleOrganisationOptions(Teams: teams, Weeks: weeks, EngineersPerTeam: engineers);
        if (!File.Exists(Path.Combine(data, "generator.json")))
        {
            var generated = new SampleOrganisationGenerator().Write(data, options);
            results.Add(("generate", $"{stopwatch.Elapsed.TotalSeconds:0.0} s ({generated})"));
        }
        var dbPath = Path.Combine(work, "bench.duckdb");
        File.Delete(dbPath);
        File.Delete(dbPath + ".wal");
        var database = DuckDbDatabase.OpenAndMigrate(dbPath);

        stopwatch.Restart();
        var summary = new DirectoryImporter(database, SystemClock.Instance).Import(data);
        var importSeconds = stopwatch.Elapsed.TotalSeconds;
        var rows = CountSourceRows(database);
        results.Add(("import", $"{importSeconds:0.00} s: {summary.Imported:N0} records ({summary.Imported / importSeconds:N0}/s), {rows:N0} table rows ({rows / importSeconds:N0} rows/s), {summary.Rejected} rejected"));

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
        Console.WriteLine($"Org: {teams} teams x {weeks} weeks x {engineers} engineers per team (seed {options.Seed})");
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
