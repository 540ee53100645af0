using System.ComponentModel;
using System.Security.Claims;
using DevEx.Analytics.Metrics;
using DevEx.Server.Access;
using DevEx.Server.Api;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using static DevEx.Server.Mcp.McpArguments;

namespace DevEx.Server.Mcp;

/// <summary>What moved a number: the rows behind a metric (the explain listings, capped) and where time is lost against the previous period.</summary>
[McpServerToolType]
internal sealed class ExplainTools(McpCalls calls, ExplainService explain, WaitStatesService waits)
{
    /// <summary>The metrics explain_metric knows, each with its listing endpoint and the order of its rows.</summary>
    public static readonly IReadOnlyList<string> Metrics =
        ["change_lead_time", "deployment_frequency", "change_fail_rate", "failed_deployment_recovery_time", "incident_time_to_restore", "pull_request_flow"];

    [McpServerTool(Name = "explain_metric", Title = "The rows behind a metric", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("The rows behind a number, largest first, with their links: change_lead_time (changes by lead time), deployment_frequency "
        + "(deployments, newest first), change_fail_rate and failed_deployment_recovery_time (the failed deployments, longest recovery first), "
        + "incident_time_to_restore (incidents by time to restore), pull_request_flow (merged pull requests by ready to merged). "
        + "Rows: a team's for who may see it, organisation-wide for platform and admin, as the API's listings.")]
    public Task<McpAnswer<McpList<object>>> ExplainMetric(ClaimsPrincipal? user = null,
        [Description("change_lead_time, deployment_frequency, change_fail_rate, failed_deployment_recovery_time, incident_time_to_restore or pull_request_flow.")] string? metric = null,
        [Description(From)] string? from = null,
        [Description(To)] string? to = null,
        [Description(Team + " Organisation-wide rows: platform and admin only.")] string? team = null,
        [Description(Service)] string? service = null, [Description(Repo)] string? repo = null,
        [Description("At most this many rows (1-200, default 20).")] int? limit = null, CancellationToken cancellationToken = default)
    {
        var name = metric?.Trim().ToLowerInvariant();
        if (name is null || !Metrics.Contains(name))
        {
            throw new McpException($"'metric' must be one of {string.Join(", ", Metrics)}, not '{metric}'.");
        }
        var (endpoint, rows) = name switch
        {
            "change_lead_time" => ("GET /api/v1/changes", (Func<ResolvedRequest, CancellationToken, IReadOnlyList<object>>)((r, ct) =>
                [.. explain.Changes(r.Window, r.Scope, cancellationToken: ct).OrderByDescending(c => c.LeadTimeHours)])),
            "deployment_frequency" => ("GET /api/v1/deployments", (r, ct) => [.. explain.Deployments(r.Window, r.Scope, cancellationToken: ct).OrderByDescending(d => d.FinishedAt)]),
            "change_fail_rate" or "failed_deployment_recovery_time" => ("GET /api/v1/deployments?failed=true", (r, ct) =>
                [.. explain.Deployments(r.Window, r.Scope, failed: true, cancellationToken: ct).OrderByDescending(d => d.RecoveryHours ?? double.MaxValue)]),
            "incident_time_to_restore" => ("GET /api/v1/incidents", (r, ct) => [.. explain.Incidents(r.Window, r.Scope, ct).OrderByDescending(i => i.RestoreHours)]),
            _ => ("GET /api/v1/pull-requests", (r, ct) => [.. explain.PullRequests(r.Window, r.Scope, ct).OrderByDescending(p => p.ReadyToMergedHours)]),
        };
        return calls.AnswerAsync(user, new MetricRequest(from, to, team, service, repo, null), Surface.Listing, $"mcp/explain/{name}/{limit}", endpoint,
            "explain-listings", (r, ct) => McpCalls.Limit(rows(r, ct), limit ?? 20, endpoint), cancellationToken);
    }

    [McpServerTool(Name = "where_is_time_lost", Title = "Where time is lost, and what changed", ReadOnly = true, Destructive = false, Idempotent = true,
        OpenWorld = false, UseStructuredContent = true)]
    [Description("The waits of the window ranked by the working hours they account for (pull-request pickup, review, merge wait, CI, deploy "
        + "wait, ticket waits), each against the previous period of the same length, and the wait whose hours changed most. "
        + "Start here for 'where do our developers lose time?'.")]
    public async Task<McpAnswer<TimeLost>> WhereIsTimeLost(ClaimsPrincipal? user = null,
        [Description(From)] string? from = null,
        [Description(To)] string? to = null,
        [Description(Team)] string? team = null,
        [Description(Service)] string? service = null, [Description(Repo)] string? repo = null,
        CancellationToken cancellationToken = default)
    {
        var request = new MetricRequest(from, to, team, service, repo, null);
        var window = calls.Resolve(request).Window;
        var days = NodaTime.Period.Between(window.From, window.To, NodaTime.PeriodUnits.Days).Days;
        var previous = request with { From = window.From.PlusDays(-days).ToString("yyyy-MM-dd", null), To = window.From.ToString("yyyy-MM-dd", null) };
        var before = await calls.AnswerAsync(user, previous, Surface.Figures, "wait-states/", "GET /api/v1/metrics/wait-states", "wait-states",
            (r, ct) => waits.Get(r.Window, r.Scope, null, ct), cancellationToken);
        var now = await calls.AnswerAsync(user, request, Surface.Figures, "wait-states/", "GET /api/v1/metrics/wait-states", "wait-states",
            (r, ct) => waits.Get(r.Window, r.Scope, null, ct), cancellationToken);
        var changes = now.Result.Waits.Select(w =>
            {
                var earlier = before.Result.Waits.FirstOrDefault(b => b.Wait == w.Wait);
                return new WaitChange(w.Wait, WaitStateNames.Label(w.Wait), w.HoursAccountedFor, earlier?.HoursAccountedFor, w.SampleSize, earlier?.SampleSize ?? 0);
            })
            .OrderByDescending(c => c.Hours ?? 0).ToList();
        var biggest = changes.Where(c => c.Change is not null).OrderByDescending(c => Math.Abs(c.Change!.Value)).FirstOrDefault();
        return new McpAnswer<TimeLost>(now.From, now.To, now.Zone, now.Team, now.Service, now.Repo, "GET /api/v1/metrics/wait-states (this period and the previous)",
            now.Definition, new TimeLost(before.From, before.To, changes, biggest));
    }
}

/// <summary>A wait's working hours this period and the previous one (null when it had no samples then), with the samples behind each.</summary>
internal sealed record WaitChange(string Wait, string Label, double? Hours, double? PreviousHours, long SampleSize, long PreviousSampleSize)
{
    public double? Change => Hours is { } now && PreviousHours is { } before ? now - before : null;
}

/// <summary>where_is_time_lost's result: the waits ranked by hours this period, the previous period's window, and the biggest change.</summary>
internal sealed record TimeLost(NodaTime.LocalDate PreviousFrom, NodaTime.LocalDate PreviousTo, IReadOnlyList<WaitChange> Waits, WaitChange? BiggestChange);
