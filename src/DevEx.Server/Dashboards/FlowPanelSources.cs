using DevEx.Server.Access;
using DevEx.Analytics.Metrics;
using NodaTime;

namespace DevEx.Server.Dashboards;

/// <summary>
/// The pull-request page's one built-in source: open pull requests waiting longest for a first review now, whatever the
/// window (wall-clock hours since ready). The page's other panels are queries/panel_pr_flow.sql, panel_ci_wait.sql,
/// panel_pr_flow_series.sql, panel_slowest_pull_requests.sql and panel_ci_workflows.sql.
/// </summary>
internal sealed class FlowPanelSources(OpenPullRequestService open, IClock clock)
    : IPanelSourceGroup
{
    public IEnumerable<PanelSource> Sources() =>
    [
        new("open-pull-requests", "Open pull requests waiting longest for a first review, now", OpenPullRequests, Shows: Surface.Listing),
    ];

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
