using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DevEx.Analytics;
using DevEx.Analytics.Derivations;
using DevEx.Analytics.Metrics;
using DevEx.Analytics.Time;
using DevEx.Collectors.Calendar;
using DevEx.Collectors.Import;
using DevEx.Reports.Weekly;
using DevEx.SampleOrg;
using DevEx.Server.Reports;
using DevEx.Store;
using DevEx.Store.Queries;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Benchmarks.Org;

/// <summary>
/// <c>reports</c>: the weekly-report benchmark of docs/benchmarks.md over the org of <c>org</c> (generated once into
/// its work folder and reused): one team-week built and rendered as HTML (warm), and every team's last full week
/// written as files (HTML, Markdown with PNG charts, CSV, JSON), as the Monday job does.
/// </summary>
internal static class ReportBench
{
    public static Command Create(IClock clock)
    {
        var organisation = new BenchOrganisation();
        var command = organisation.AddTo(new Command("reports", "Measure weekly report building, rendering and writing"));
        command.SetAction(parse =>
        {
            var (options, work, data, _) = organisation.Resolve(parse);
            return Run(options, work, data, clock);
        });
        return command;
    }

    private static int Run(SampleOrganisationOptions options, string work, string data, IClock clock)
    {
        using var services = BenchDatabase.Fresh(Path.Combine(work, "reports.duckdb"),
            [$"--{ReportOptions.Section}:OutputDirectory", Path.Combine(work, "reports")]);
        var stopwatch = Stopwatch.StartNew();
        new DirectoryImporter(services.GetRequiredService<DuckDbDatabase>(), clock, services.GetRequiredService<CalendarOptions>()).Import(data);
        services.GetRequiredService<DerivationRunner>().Run();
        var prepare = stopwatch.Elapsed;

        var builder = services.GetRequiredService<WeeklyReportBuilder>();
        var teams = services.GetRequiredService<OrgService>().Teams();
        var week = IsoWeek.Containing(options.EffectiveUntil.PlusWeeks(-1));
        var files = services.GetRequiredService<ReportFileWriter>();

        var oneBuild = BenchTiming.Warm(() => builder.Build(teams[0], week));
        var parts = Parts(services, teams[0], week);
        var oneHtml = BenchTiming.Warm(() => WeeklyReportRenderer.Render(builder.Build(teams[0], week), ReportFormat.Html));
        stopwatch.Restart();
        var written = teams.Sum(team => files.Write(builder.Build(team, week)).Count);
        var allTeams = stopwatch.Elapsed;

        var report = new BenchReport(Console.Out);
        report.Machine(clock);
        report.Line($"Org: {options.Teams} teams x {options.Weeks} weeks x {options.EngineersPerTeam} engineers per team; week {week}");
        report.Table(
        [
            ("import + derivation (set-up)", $"{prepare.TotalSeconds:0.0} s"),
            ($"one team-week: report built ({teams[0].Id})", oneBuild),
            .. parts.Select(p => ($"— of which {p.Part}", p.Time)),
            ("one team-week: built and rendered as HTML with inline SVG charts", oneHtml),
            ($"all {teams.Count} teams: built and written (HTML, Markdown + PNG charts, CSV, JSON)",
                string.Create(CultureInfo.InvariantCulture, $"{allTeams.TotalSeconds:0.00} s, {written:N0} files")),
            ("peak RSS", $"{BenchTiming.PeakRssMegabytes():N0} MB"),
        ]);
        return 0;
    }

    /// <summary>The report's parts timed alone, to show where a report's time goes.</summary>
    private static List<(string Part, string Time)> Parts(IServiceProvider services, TeamSummary team, IsoWeek week)
    {
        var window = week.Window(TeamZone.Resolve(team.TimeZone));
        var scope = new MetricScope(Team: team.Id);
        var trend = new MetricWindow(window.From.PlusWeeks(-3), window.To, window.Zone);
        var queries = services.GetRequiredService<QueryRunner>();
        var dora = services.GetRequiredService<DoraMetricsService>();
        var meetings = services.GetRequiredService<MeetingMetricsService>();
        var ci = services.GetRequiredService<CiMetricsService>();
        var waits = services.GetRequiredService<WaitStatesService>();
        var explain = services.GetRequiredService<ExplainService>();
        var open = services.GetRequiredService<OpenPullRequestService>();
        return
        [
            ("DORA, the week", BenchTiming.Warm(() => dora.Get(window, scope))),
            ("DORA, 4-week series", BenchTiming.Warm(() => dora.Series(trend, scope, MetricInterval.Week))),
            ("meetings", BenchTiming.Warm(() => meetings.Get(window, scope))),
            ("CI", BenchTiming.Warm(() => ci.Get(window, scope))),
            ("wait states, one week (the report runs it for this week and the previous)", BenchTiming.Warm(() => waits.Get(window, scope))),
            ("merged pull requests", BenchTiming.Warm(() => explain.PullRequests(window, scope))),
            ("open_pull_requests", BenchTiming.Warm(() => open.Waiting(window.End, scope, WeeklyReportBuilder.ListLength))),
            ("report_blocked_tickets", BenchTiming.Warm(() => queries.Run<object>("report_blocked_tickets", new
            {
                from = window.Start.ToDateTimeUtc(), to = window.End.ToDateTimeUtc(), team = team.Id, limit = 5,
            }))),
            ("report_data_freshness", BenchTiming.Warm(() => queries.Run<object>("report_data_freshness", new { }))),
        ];
    }
}
