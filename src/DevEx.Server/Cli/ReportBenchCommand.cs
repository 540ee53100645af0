using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DevEx.Analytics;
using DevEx.Analytics.Calendar;
using DevEx.Analytics.Derivations;
using DevEx.Analytics.Metrics;
using DevEx.Analytics.Time;
using DevEx.Collectors.Import;
using DevEx.SampleOrg;
using DevEx.Reports.Weekly;
using DevEx.Server.Reports;
using DevEx.Store;
using DevEx.Store.Queries;
using Microsoft.Extensions.Options;
using NodaTime;

namespace DevEx.Server.Cli;

/// <summary>
/// <c>devex bench reports</c>: the weekly-report benchmark of docs/benchmarks.md over the org of <c>devex bench</c>
/// (generated once into its work folder and reused): one team-week built and rendered as HTML (warm), and every team's
/// last full week written as files (HTML, Markdown with PNG charts, CSV, JSON), as the Monday job does.
/// </summary>
internal static class ReportBenchCommand
{
    public static Command Create()
    {
        var organisation = new BenchOrganisation();
        var command = organisation.AddTo(new Command("reports", "Measure weekly report building, rendering and writing"));
        command.SetAction(parse =>
        {
            var (options, work, data, _) = organisation.Resolve(parse);
            return Run(options, work, data);
        });
        return command;
    }

    private static int Run(SampleOrganisationOptions options, string work, string data)
    {
        var dbPath = Path.Combine(work, "reports.duckdb");
        File.Delete(dbPath);
        File.Delete(dbPath + ".wal");
        using var database = DuckDbDatabase.OpenAndMigrate(dbPath);
        var stopwatch = Stopwatch.StartNew();
        new DirectoryImporter(database, SystemClock.Instance).Import(data);
        new DerivationRunner(database, new MetricOptions()).Run();
        var prepare = stopwatch.Elapsed;

        var queries = new QueryRunner(database);
        var builder = new WeeklyReportBuilder(queries, new DoraMetricsService(queries, new DoraLevelThresholds()), new WaitStatesService(queries),
            new CiMetricsService(queries), new MeetingMetricsService(queries, new MeetingOptions()), new ExplainService(queries),
            new OpenPullRequestService(queries, new MetricOptions()), new DataStartService(queries), new MetricOptions(), SystemClock.Instance);
        var teams = new OrgService(queries, new MetricOptions()).Teams();
        var week = IsoWeek.Containing(options.EffectiveUntil.PlusWeeks(-1));
        var files = new ReportFileWriter(Options.Create(new ReportOptions { OutputDirectory = Path.Combine(work, "reports") }));

        var oneBuild = Time(() => builder.Build(teams[0], week));
        var parts = Parts(queries, teams[0], week);
        var oneHtml = Time(() => WeeklyReportRenderer.Render(builder.Build(teams[0], week), ReportFormat.Html));
        stopwatch.Restart();
        var written = teams.Sum(team => files.Write(builder.Build(team, week)).Count);
        var allTeams = stopwatch.Elapsed;

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine($"Org: {options.Teams} teams x {options.Weeks} weeks x {options.EngineersPerTeam} engineers per team; week {week}");
        Console.WriteLine();
        Console.WriteLine("| measure | result |");
        Console.WriteLine("| --- | --- |");
        Console.WriteLine($"| import + derivation (set-up) | {prepare.TotalSeconds:0.0} s |");
        Console.WriteLine($"| one team-week: report built ({teams[0].Id}) | {oneBuild} |");
        foreach (var (part, time) in parts)
        {
            Console.WriteLine($"| — of which {part} | {time} |");
        }
        Console.WriteLine($"| one team-week: built and rendered as HTML with inline SVG charts | {oneHtml} |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| all {teams.Count} teams: built and written (HTML, Markdown + PNG charts, CSV, JSON) | {allTeams.TotalSeconds:0.00} s, {written:N0} files |"));
        Console.WriteLine($"| peak RSS | {BenchCommand.PeakRssMegabytes():N0} MB |");
        return 0;
    }

    /// <summary>The report's parts timed alone, to show where a report's time goes.</summary>
    private static List<(string, string)> Parts(QueryRunner queries, TeamSummary team, IsoWeek week)
    {
        var window = week.Window(TeamZone.Resolve(team.TimeZone));
        var scope = new MetricScope(Team: team.Id);
        var trend = new MetricWindow(window.From.PlusWeeks(-3), window.To, window.Zone);
        var dora = new DoraMetricsService(queries, new DoraLevelThresholds());
        return
        [
            ("DORA, the week", Time(() => dora.Get(window, scope))),
            ("DORA, 4-week series", Time(() => dora.Series(trend, scope, MetricInterval.Week))),
            ("meetings", Time(() => new MeetingMetricsService(queries, new MeetingOptions()).Get(window, scope))),
            ("CI", Time(() => new CiMetricsService(queries).Get(window, scope))),
            ("wait states, one week (the report runs it for this week and the previous)", Time(() => new WaitStatesService(queries).Get(window, scope))),
            ("merged pull requests", Time(() => new ExplainService(queries).PullRequests(window, scope))),
            ("open_pull_requests", Time(() => new OpenPullRequestService(queries, new MetricOptions()).Waiting(window.End, scope, WeeklyReportBuilder.ListLength))),
            ("report_blocked_tickets", Time(() => queries.Run<object>("report_blocked_tickets", new
            {
                from = window.Start.ToDateTimeUtc(), to = window.End.ToDateTimeUtc(), team = team.Id, limit = 5,
            }))),
            ("report_data_freshness", Time(() => queries.Run<object>("report_data_freshness", new { }))),
        ];
    }

    private static string Time(Action action)
    {
        for (var i = 0; i < 3; i++)
        {
            action();
        }
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"median {times[10]:0.0} ms, p95 {times[18]:0.0} ms (warm, n=20)");
    }
}
