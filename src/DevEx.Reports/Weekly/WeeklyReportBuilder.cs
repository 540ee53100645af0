using DevEx.Analytics;
using DevEx.Analytics.Metrics;
using DevEx.Analytics.Time;
using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Reports.Weekly;

/// <summary>
/// Assembles a team's weekly report from the metric services the API uses, over the team's week in the team's zone
/// (Monday 00:00 to the next Monday 00:00), plus the report's own lists (queries/report_*.sql).
/// </summary>
public sealed class WeeklyReportBuilder(
    QueryRunner queries, DoraMetricsService dora, WaitStatesService waits, CiMetricsService ci, MeetingMetricsService meetings,
    ExplainService explain, OpenPullRequestService openPullRequests, DataStartService dataStarts, PlatformSectionBuilder platform,
    MetricOptions metricOptions, IClock clock)
{
    /// <summary>Rows per list (waiting and slowest pull requests, CI hot spots, blocked tickets): the page stays one to two pages long.</summary>
    public const int ListLength = 5;

    /// <summary>Where the metric definitions are served (made absolute with the public URL).</summary>
    private const string DefinitionsPath = "/docs/metrics";

    public WeeklyReport Build(TeamSummary team, IsoWeek week, string? publicUrl = null, CancellationToken cancellationToken = default)
    {
        var zone = TeamZone.Resolve(team.TimeZone);
        var window = week.Window(zone);
        var previousWindow = week.Previous.Window(zone);
        var scope = new MetricScope(Team: team.Id);
        var trendWindow = new MetricWindow(window.From.PlusWeeks(-3), window.To, zone);
        var trend = dora.Series(trendWindow, scope, MetricInterval.Week, cancellationToken);
        var current = dora.Get(window, scope, cancellationToken);
        var previous = dora.Get(previousWindow, scope, cancellationToken);
        var meetingsNow = meetings.Get(window, scope, cancellationToken);
        var meetingsBefore = meetings.Get(previousWindow, scope, cancellationToken);
        var ciNow = ci.Get(window, scope, cancellationToken);
        var ciBefore = ci.PerChange(previousWindow, scope, cancellationToken);
        // The API lists every wait (0 samples when nothing waited); the report keeps those that happened this week.
        var waitsNow = waits.Get(window, scope, cancellationToken: cancellationToken).Waits.Where(w => w.SampleSize > 0).ToList();
        var waitsBefore = waits.Get(previousWindow, scope, cancellationToken: cancellationToken).Waits;
        // A previous week that began before a figure's data started has no figure: no change against it (docs/metrics.md).
        var starts = dataStarts.For(scope, cancellationToken);
        var platformNow = platform.Build(week, zone, scope, cancellationToken);
        bool Covered(DataKind kind) => starts.Covers(kind, previousWindow);
        var trendFigures = trend.Select(w => starts.Covers(DataKind.Deployments, new MetricWindow(w.From, w.To, zone)) ? w : null).ToList();
        var figures = ReportFigures.Dora(current, Covered(DataKind.Deployments) ? previous : null, trendFigures)
            .Concat(ReportFigures.Meetings(meetingsNow, Covered(DataKind.Calendars) ? meetingsBefore : null))
            .Concat(ReportFigures.CiWaitPerChange(ciNow.PerChange, Covered(DataKind.PullRequests) ? ciBefore : null))
            .Concat(ReportFigures.Waits(waitsNow, waitsBefore.Where(w => Covered(DataStarts.OfWait(w.Wait))).ToList()))
            .Concat(ReportFigures.Platform(platformNow))
            .ToList();
        var baseUrl = publicUrl?.TrimEnd('/');
        var now = clock.GetCurrentInstant();
        return new WeeklyReport(team.Id, team.DisplayName, week.ToString(), window.From, window.To, zone.Id, now, now < window.End,
            figures,
            trend.Select(p => IsoWeek.Containing(p.From).ToString()).ToList(),
            waitsNow,
            WaitingPullRequests(window, scope, cancellationToken),
            SlowestMerged(window, scope, cancellationToken),
            ciNow.Workflows.OrderByDescending(w => (w.MedianQueueHours ?? 0) + (w.MedianRunHours ?? 0)).ThenBy(w => w.Repo).ThenBy(w => w.Workflow)
                .Take(ListLength).ToList(),
            ciNow.Workflows.Where(w => w.Reruns > 0 || w.Failures > 0)
                .OrderByDescending(w => w.RerunRate ?? 0).ThenByDescending(w => w.FailureRate ?? 0).ThenBy(w => w.Repo).ThenBy(w => w.Workflow)
                .Take(ListLength).ToList(),
            BlockedTickets(team, window, scope, cancellationToken),
            meetingsNow,
            platformNow,
            queries.Run<FreshnessRow>("report_data_freshness", new { }, cancellationToken).Select(r => r.ToRecord()).ToList(),
            $"{baseUrl}{DefinitionsPath}",
            baseUrl is null ? null : $"{baseUrl}/api/v1/reports/weekly?team={Uri.EscapeDataString(team.Id)}&week={week}&format=html");
    }

    /// <summary>Open at the week's end, as the dashboards' "Waiting for review now" would have listed them then (plus those waiting for merge).</summary>
    private List<WaitingPullRequest> WaitingPullRequests(MetricWindow window, MetricScope scope, CancellationToken cancellationToken) =>
        openPullRequests.Waiting(window.End, scope, ListLength, cancellationToken)
            .Select(p => new WaitingPullRequest(p.Repo, p.Number, p.Title, p.Url, p.Author, p.ReadyAt, p.WaitingHours, p.WaitingFor))
            .ToList();

    /// <summary>Blocked hours in wall clock and in working hours of the team's calendar, as the ticket derivation counts them.</summary>
    private List<BlockedTicket> BlockedTickets(TeamSummary team, MetricWindow window, MetricScope scope, CancellationToken cancellationToken)
    {
        var calendar = WorkingHoursCalendar.ForTeam(team.TimeZone, team.WorkingHours, metricOptions.HolidayDates());
        return queries.Run<BlockedTicketRow>("report_blocked_tickets", new
        {
            from = window.Start.ToDateTimeUtc(),
            to = window.End.ToDateTimeUtc(),
            team = scope.Team,
            limit = ListLength,
        }, cancellationToken).Select(r => r.ToRecord(calendar, window.End)).ToList();
    }

    private List<SlowPullRequest> SlowestMerged(MetricWindow window, MetricScope scope, CancellationToken cancellationToken) =>
        explain.SlowestPullRequests(window, scope, ListLength, cancellationToken)
            .Select(p => new SlowPullRequest(p.Repo, p.Number, p.Title, p.Url, p.MergedAt, p.ReadyToMergedHours, p.PickupHours, p.ReviewHours))
            .ToList();
}
