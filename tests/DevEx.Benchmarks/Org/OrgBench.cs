using System.CommandLine;
using System.Diagnostics;
using DevEx.Analytics;
using DevEx.Analytics.Derivations;
using DevEx.Analytics.Metrics;
using DevEx.Collectors.Calendar;
using DevEx.Collectors.Import;
using DevEx.SampleOrg;
using DevEx.Store;
using DevEx.Store.Queries;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Benchmarks.Org;

/// <summary>
/// <c>org</c>: the benchmark of docs/benchmarks.md. Generates an org (default 50 teams x 52 weeks x 20 engineers),
/// imports it into a fresh database, derives (one synchronous full run), and times the DORA API's work warm, then
/// prints a Markdown table with the machine it ran on.
/// </summary>
internal static class OrgBench
{
    public static Command Create()
    {
        var organisation = new BenchOrganisation();
        var repetitions = new Option<int>("--repetitions") { Description = "Timed runs per query (after 3 warm-up runs)", DefaultValueFactory = _ => 20 };
        var command = organisation.AddTo(new Command("org", "Measure import, derivation and metric latency on a generated organisation") { repetitions });
        command.SetAction(parse =>
        {
            var generation = Stopwatch.StartNew();
            var resolved = organisation.Resolve(parse);
            return Run(resolved, generation.Elapsed, parse.GetValue(repetitions));
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
        using var services = BenchDatabase.Fresh(Path.Combine(work, "bench.duckdb"));
        var database = services.GetRequiredService<DuckDbDatabase>();
        var queries = services.GetRequiredService<QueryRunner>();

        var stopwatch = Stopwatch.StartNew();
        var summary = new DirectoryImporter(database, services.GetRequiredService<IClock>(), services.GetRequiredService<CalendarOptions>()).Import(data);
        var importSeconds = stopwatch.Elapsed.TotalSeconds;
        var rows = CountSourceRows(queries);
        results.Add(("import (every NDJSON file, the catalog and the calendars)", $"{importSeconds:0.00} s: {summary.Imported:N0} records ({summary.Imported / importSeconds:N0}/s), {rows:N0} table rows ({rows / importSeconds:N0} rows/s), {summary.Rejected} rejected"));

        stopwatch.Restart();
        var derivation = services.GetRequiredService<DerivationRunner>().Run();
        results.Add(("derivation", $"{stopwatch.Elapsed.TotalSeconds:0.00} s: {derivation.ProductionDeployments:N0} production deployments, {derivation.Changes:N0} changes, {derivation.PullRequests:N0} pull requests"));

        var dora = services.GetRequiredService<DoraMetricsService>();
        var flow = services.GetRequiredService<PullRequestFlowService>();
        var until = options.EffectiveUntil;
        var utc = DateTimeZone.Utc;
        var year = new MetricWindow(until.PlusWeeks(-52), until, utc);
        var month = new MetricWindow(until.PlusWeeks(-4), until, utc);
        var quarter = new MetricWindow(until.PlusWeeks(-12), until, utc);
        var team = BenchReport.FirstTeam(services.GetRequiredService<OrgService>());
        results.Add(($"DORA org-wide, 52 weeks", BenchTiming.Warm(() => dora.Get(year, MetricScope.Org), repetitions)));
        results.Add(($"DORA one team ({team}), 4 weeks", BenchTiming.Warm(() => dora.Get(month, new MetricScope(Team: team)), repetitions)));
        results.Add(("DORA series org-wide, 52 weekly periods", BenchTiming.Warm(() => dora.Series(year, MetricScope.Org, MetricInterval.Week), repetitions)));
        results.Add(("PR flow org-wide, 52 weeks", BenchTiming.Warm(() => flow.Get(year, MetricScope.Org), repetitions)));
        results.Add(("DORA per team (grouped), 12 weeks", BenchTiming.Warm(() => dora.ByGroup(quarter, MetricScope.Org, MetricGrouping.Team), repetitions)));
        results.Add(("DORA per service (grouped), 12 weeks", BenchTiming.Warm(() => dora.ByGroup(quarter, MetricScope.Org, MetricGrouping.Service), repetitions)));
        results.Add(("peak RSS", $"{BenchTiming.PeakRssMegabytes():N0} MB"));

        var report = new BenchReport(Console.Out);
        report.Machine(services.GetRequiredService<IClock>());
        report.Line($"Org: {options.Teams} teams x {options.Weeks} weeks x {options.EngineersPerTeam} engineers per team (seed {options.Seed})");
        report.Table(results);
        return 0;
    }

    private static long CountSourceRows(QueryRunner queries) => queries.RunSql<long>("""
        SELECT (SELECT count(*) FROM repositories) + (SELECT count(*) FROM commits) + (SELECT count(*) FROM pull_requests)
             + (SELECT count(*) FROM pull_request_commits) + (SELECT count(*) FROM reviews) + (SELECT count(*) FROM review_requests)
             + (SELECT count(*) FROM pipeline_runs) + (SELECT count(*) FROM deployments) + (SELECT count(*) FROM incidents)
             + (SELECT count(*) FROM tickets) + (SELECT count(*) FROM ticket_transitions)
             + (SELECT count(*) FROM calendar_occurrences)
        """, new { }).Single();
}
