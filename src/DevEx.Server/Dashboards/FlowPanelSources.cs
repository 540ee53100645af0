using DevEx.Analytics.Metrics;
using NodaTime;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Pull-request and CI panels: phase breakdown, PRs waiting for review now and CI waits (the slowest pull requests and the
/// flaky workflows: queries/panel_slowest_pull_requests.sql, queries/panel_ci_workflows.sql).
/// Phases are working hours, as everywhere on the pages; a figure in wall-clock hours (time since ready, ready to
/// merged, CI runners that work at night too) says so in its label.
/// </summary>
internal sealed class FlowPanelSources(PullRequestFlowService flow, CiMetricsService ci, OpenPullRequestService open, IClock clock)
    : IPanelSourceGroup
{
    public IEnumerable<PanelSource> Sources() =>
    [
        new("pr-flow", "Median of each pull-request phase in working hours, now and in the previous period", Flow),
        new("pr-flow-series", "Median of each pull-request phase per period, in working hours", FlowSeries),
        new("open-pull-requests", "Open pull requests waiting longest for a first review, now", OpenPullRequests),
        new("ci-wait", "CI queue and run time per change, now and in the previous period", CiWait),
    ];

    private static PanelDataBuilder PhaseColumns(PanelDataBuilder builder, bool previous)
    {
        foreach (var (name, label) in new[] { ("coding", "Coding"), ("pickup", "Pickup"), ("review", "Review"), ("merge_wait", "Merge wait"), ("deploy_wait", "Deploy wait") })
        {
            builder.Column(name, label, "hours");
            if (previous)
            {
                builder.Column(name + PanelData.PreviousSuffix, label + " (previous period)", "hours");
            }
        }
        return builder;
    }

    private static double?[] Phases(PullRequestFlow f) =>
        [f.Coding.MedianWorkingHours, f.Pickup.MedianWorkingHours, f.Review.MedianWorkingHours, f.MergeWait.MedianWorkingHours, f.DeployWait.MedianWorkingHours];

    private PanelData Flow(DashboardFilter filter, CancellationToken ct)
    {
        var now = flow.Get(filter.Window, filter.Scope, ct);
        var before = flow.Get(filter.Previous, filter.Scope, ct);
        var builder = PhaseColumns(new PanelDataBuilder().Column("pull_requests", "Pull requests merged", "count")
            .Column("pull_requests" + PanelData.LinkSuffix, "", "text"), previous: true);
        var values = new List<object?> { now.SampleSize, Links.Explain("pull-requests", filter) };
        foreach (var (a, b) in Phases(now).Zip(Phases(before)))
        {
            values.Add(a);
            values.Add(b);
        }
        return builder.Row([.. values]).Build();
    }

    private PanelData FlowSeries(DashboardFilter filter, CancellationToken ct)
    {
        var builder = PhaseColumns(new PanelDataBuilder().Column("period", "Period", "date"), previous: false);
        foreach (var f in flow.Series(filter.Window, filter.Scope, filter.Interval, ct))
        {
            builder.Row([f.From, .. Phases(f)]);
        }
        return builder.Build() with { SeriesColours = WaitColours.PullRequestPhases };
    }

    private PanelData OpenPullRequests(DashboardFilter filter, CancellationToken ct)
    {
        var builder = new PanelDataBuilder()
            .Column("pull_request", "Pull request", "text").Column("pull_request" + PanelData.LinkSuffix, "", "text")
            .Column("title", "Title", "text").Column("team", "Team", "text").Column("ready_at", "Ready since", "instant")
            .Column("waiting_hours", "Waiting (wall-clock hours)", "hours");
        foreach (var p in open.AwaitingReview(clock.GetCurrentInstant(), filter.Scope, 10, ct))
        {
            builder.Row($"{p.Repo}#{p.Number}", p.Url, p.Title, p.OwnerTeam, p.ReadyAt, p.WaitingHours);
        }
        return builder.Build("The state now, whatever the window.");
    }

    private PanelData CiWait(DashboardFilter filter, CancellationToken ct)
    {
        var now = ci.PerChange(filter.Window, filter.Scope, ct);
        var before = ci.PerChange(filter.Previous, filter.Scope, ct);
        return new PanelDataBuilder()
            .Column("median_hours", "CI time per change (median, wall clock)", "hours").Column("median_hours" + PanelData.PreviousSuffix, "Previous period", "hours")
            .Column("median_hours" + PanelData.LinkSuffix, "", "text")
            .Column("median_queue_hours", "Queue (median, wall clock)", "hours").Column("median_queue_hours" + PanelData.PreviousSuffix, "Previous period", "hours")
            .Column("median_run_hours", "Run (median, wall clock)", "hours").Column("median_run_hours" + PanelData.PreviousSuffix, "Previous period", "hours")
            .Column("median_working_hours", "CI time per change, working hours (median)", "hours")
            .Column("median_working_hours" + PanelData.PreviousSuffix, "Previous period", "hours")
            .Column("sample_size", "Changes", "count")
            .Row(now.MedianHours, before.MedianHours, Links.Explain("pull-requests", filter), now.MedianQueueHours, before.MedianQueueHours,
                now.MedianRunHours, before.MedianRunHours, now.MedianWorkingHours, before.MedianWorkingHours, now.SampleSize)
            .Build();
    }
}
