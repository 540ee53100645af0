using System.ComponentModel;
using System.Security.Claims;
using DevEx.Analytics.Metrics;
using DevEx.Server.Access;
using DevEx.Server.Api;
using DevEx.Server.Api.Contracts;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using static DevEx.Server.Mcp.McpArguments;

namespace DevEx.Server.Mcp;

/// <summary>
/// The metric tools: each one the REST endpoint it names, with the same arguments, permissions and numbers
/// (<see cref="McpCalls"/>). Arguments: from (inclusive) and to (exclusive) as yyyy-MM-dd in the organisation's zone,
/// default the last 12 full ISO weeks; team, service or repo to narrow the scope.
/// </summary>
[McpServerToolType]
internal sealed class MetricTools(McpCalls calls, DoraMetricsService dora, PullRequestFlowService flow, WaitStatesService waits,
    TicketMetricsService tickets, MeetingMetricsService meetings, MetricRequestResolver resolver, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    [McpServerTool(Name = "get_dora_metrics", Title = "DORA metrics", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("The DORA metrics over a window: deployment frequency, change lead time, change fail rate, failed deployment recovery time and "
        + "deployment rework rate, plus incident time to restore; each with its sample size and level. The same numbers as GET /api/v1/metrics/dora.")]
    public Task<McpAnswer<DoraMetrics>> GetDoraMetrics(ClaimsPrincipal? user = null, [Description(From)] string? from = null, [Description(To)] string? to = null,
        [Description(Team)] string? team = null, [Description(Service)] string? service = null, [Description(Repo)] string? repo = null,
        CancellationToken cancellationToken = default) =>
        calls.AnswerAsync(user, new MetricRequest(from, to, team, service, repo, null), Surface.Figures, "dora", "GET /api/v1/metrics/dora", "dora-metrics",
            (r, ct) => dora.Get(r.Window, r.Scope, ct), cancellationToken);

    [McpServerTool(Name = "get_dora_series", Title = "DORA metrics per period", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("The DORA metrics per day, ISO week or month over a window, each period marked partial when the window cuts it. "
        + "The same numbers as GET /api/v1/metrics/dora/series.")]
    public Task<McpAnswer<Series<DoraMetrics>>> GetDoraSeries(ClaimsPrincipal? user = null, [Description(From)] string? from = null,
        [Description(To)] string? to = null, [Description(Team)] string? team = null, [Description(Service)] string? service = null,
        [Description(Repo)] string? repo = null, [Description("day, week (default) or month.")] string? interval = null,
        CancellationToken cancellationToken = default) =>
        calls.AnswerAsync(user, new MetricRequest(from, to, team, service, repo, interval), Surface.Figures, "dora/series", "GET /api/v1/metrics/dora/series",
            "dora-metrics", (r, ct) => Series<DoraMetrics>.Of(r, dora.Series(r.Window, r.Scope, r.Interval, ct), json.Value.SerializerOptions), cancellationToken);

    [McpServerTool(Name = "get_pr_flow", Title = "Pull-request flow", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("Pull-request flow of the pull requests merged in the window: coding, pickup, review, merge wait and deploy wait, medians in wall "
        + "clock and working hours, with sample sizes. The same numbers as GET /api/v1/metrics/pr-flow.")]
    public Task<McpAnswer<PullRequestFlow>> GetPrFlow(ClaimsPrincipal? user = null, [Description(From)] string? from = null, [Description(To)] string? to = null,
        [Description(Team)] string? team = null, [Description(Service)] string? service = null, [Description(Repo)] string? repo = null,
        CancellationToken cancellationToken = default) =>
        calls.AnswerAsync(user, new MetricRequest(from, to, team, service, repo, null), Surface.Figures, "pr-flow", "GET /api/v1/metrics/pr-flow",
            "pull-request-flow", (r, ct) => flow.Get(r.Window, r.Scope, ct), cancellationToken);

    [McpServerTool(Name = "get_wait_states", Title = "Where time is lost", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("Where time is lost: every wait (pull-request pickup, review, merge wait, CI queue and run, deploy wait, ticket wait and blocked) "
        + "with its median and the total working hours it accounts for, most hours first. The same numbers as GET /api/v1/metrics/wait-states.")]
    public Task<McpAnswer<WaitStates>> GetWaitStates(ClaimsPrincipal? user = null, [Description(From)] string? from = null, [Description(To)] string? to = null,
        [Description(Team)] string? team = null, [Description(Service)] string? service = null, [Description(Repo)] string? repo = null,
        [Description("Ticket project key, for the ticket waits only.")] string? project = null, CancellationToken cancellationToken = default)
    {
        ThrowIfUnknownProject(project);
        return calls.AnswerAsync(user, new MetricRequest(from, to, team, service, repo, null), Surface.Figures, $"wait-states/{project}",
            "GET /api/v1/metrics/wait-states", "wait-states", (r, ct) => waits.Get(r.Window, r.Scope, project, ct), cancellationToken);
    }

    [McpServerTool(Name = "get_ticket_flow", Title = "Ticket flow", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("Ticket flow of the tickets done in the window: cycle, active, wait and blocked time, flow efficiency, throughput, work in "
        + "progress and time by status. The same numbers as GET /api/v1/metrics/tickets.")]
    public Task<McpAnswer<TicketMetrics>> GetTicketFlow(ClaimsPrincipal? user = null, [Description(From)] string? from = null, [Description(To)] string? to = null,
        [Description(Team)] string? team = null, [Description("Ticket project key. Omit for every project.")] string? project = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfUnknownProject(project);
        return calls.AnswerAsync(user, new MetricRequest(from, to, team, null, null, null), Surface.Figures, $"tickets/{project}",
            "GET /api/v1/metrics/tickets", "tickets", (r, ct) => tickets.Get(r.Window, r.Scope, project, ct), cancellationToken);
    }

    [McpServerTool(Name = "get_meeting_load", Title = "Meeting load and focus time", ReadOnly = true, Destructive = false, Idempotent = true,
        OpenWorld = false, UseStructuredContent = true)]
    [Description("Median and 75th percentile per person per week of meeting hours, meeting load, focus and fragmented time, for a team or the "
        + "organisation; withheld (with the reason) below the minimum cohort of people with calendars, never per person. "
        + "The same numbers as GET /api/v1/metrics/meetings.")]
    public Task<McpAnswer<MeetingMetrics>> GetMeetingLoad(ClaimsPrincipal? user = null, [Description(From)] string? from = null,
        [Description(To)] string? to = null, [Description(Team)] string? team = null, CancellationToken cancellationToken = default) =>
        calls.AnswerAsync(user, new MetricRequest(from, to, team, null, null, null), Surface.TeamMeetings, "meetings", "GET /api/v1/metrics/meetings",
            "meetings-and-focus", (r, ct) => meetings.Get(r.Window, r.Scope, ct), cancellationToken);

    private void ThrowIfUnknownProject(string? project)
    {
        if (resolver.UnknownProject(project) is { } problem)
        {
            throw McpCalls.Refused(problem);
        }
    }
}
