using DevEx.Analytics.Metrics;
using NodaTime;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Pull-request panels: the phases per period and the pull requests waiting for review now (the page's other panels are
/// queries/panel_pr_flow.sql, panel_ci_wait.sql, panel_slowest_pull_requests.sql and panel_ci_workflows.sql).
/// Phases are working hours, as everywhere on the pages; a figure in wall-clock hours (time since ready, ready to
/// merged, CI runners that work at night too) says so in its label.
/// </summary>
internal sealed class FlowPanelSources(PullRequestFlowService flow, OpenPullRequestService open, IClock clock)
    : IPanelSourceGroup
{
    public IEnumerable<PanelSource> Sources() =>
    [
        new("pr-flow-series", "Median of each pull-request phase per period, in working hours", FlowSeries),
        new("open-pull-requests", "Open pull requests waiting longest for a first review, now", OpenPullRequests),
    ];

    private static PanelDataBuilder PhaseColumns(PanelDataBuilder builder)
    {
        foreach (var (name, label) in new[] { ("coding", "Coding"), ("pickup", "Pickup"), ("review", "Review"), ("merge_wait", "Merge wait"), ("deploy_wait", "Deploy wait") })
        {
            builder.Column(name, label, "hours");
        }
        return builder;
    }

    private static double?[] Phases(PullRequestFlow f) =>
        [f.Coding.MedianWorkingHours, f.Pickup.MedianWorkingHours, f.Review.MedianWorkingHours, f.MergeWait.MedianWorkingHours, f.DeployWait.MedianWorkingHours];

    private PanelData FlowSeries(DashboardFilter filter, CancellationToken ct)
    {
        var builder = PhaseColumns(new PanelDataBuilder().Column("period", "Period", "date"));
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
}
