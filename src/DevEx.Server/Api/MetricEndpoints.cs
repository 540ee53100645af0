using DevEx.Server.Access;
using DevEx.Analytics.Metrics;
using DevEx.Server.Api.Contracts;
using DevEx.Server.Caching;
using Microsoft.Extensions.Options;
using static DevEx.Server.Api.Contracts.Answer;

namespace DevEx.Server.Api;

/// <summary>
/// /api/v1/metrics: DORA, pull-request flow and CI, as one figure or a series; each answer kept until the next derivation
/// (<see cref="ResultCache"/>, shared with the dashboards), so a question asked again runs no query.
/// </summary>
internal static class MetricEndpoints
{
    public static RouteGroupBuilder MapMetrics(this RouteGroupBuilder api)
    {
        var metrics = api.MapGroup("/metrics").WithTags("Metrics").ProducesParameterProblems();
        metrics.MapGet("/dora", (DoraMetricsService dora, MetricRequestResolver resolver, ResultCache cache, Dashboards.PanelGate gate, [AsParameters] MetricRequest request, CancellationToken ct) =>
            OkUnlessAsync(resolver.TryResolve(request, out var r), () => cache.GetOrAddAsync(r.Key("dora"), () => dora.Get(r.Window, r.Scope, ct), gate, ct)))
            .WithSummary("The five DORA metrics and incident time to restore, with levels");
        metrics.MapGet("/dora/series", (DoraMetricsService dora, MetricRequestResolver resolver, ResultCache cache, Dashboards.PanelGate gate, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
                [AsParameters] MetricRequest request, CancellationToken ct) =>
            OkUnlessAsync(resolver.TryResolve(request, out var r), () => cache.GetOrAddAsync(r.Key("dora/series"),
                () => Series<DoraMetrics>.Of(r, dora.Series(r.Window, r.Scope, r.Interval, ct), json.Value.SerializerOptions), gate, ct)))
            .WithSummary("DORA metrics per day, ISO week or month");
        metrics.MapGet("/dora/by-team", (DoraMetricsService dora, MetricRequestResolver resolver, ResultCache cache, Dashboards.PanelGate gate, [AsParameters] MetricRequest request, CancellationToken ct) =>
            OkUnlessAsync(resolver.TryResolve(request, out var r), () => cache.GetOrAddAsync(r.Key("dora/by-team"), () => DoraByTeam.Of(r, dora.ByGroup(r.Window, r.Scope, MetricGrouping.Team, ct)), gate, ct)))
            .Shows(Surface.PerTeam)
            .WithSummary("The DORA metrics of each team with deployments, changes or incidents, and of what no team owns (team 'unowned'): the rows sum to the org");
        metrics.MapGet("/pr-flow", (PullRequestFlowService flow, MetricRequestResolver resolver, ResultCache cache, Dashboards.PanelGate gate, [AsParameters] MetricRequest request, CancellationToken ct) =>
            OkUnlessAsync(resolver.TryResolve(request, out var r), () => cache.GetOrAddAsync(r.Key("pr-flow"), () => flow.Get(r.Window, r.Scope, ct), gate, ct)))
            .WithSummary("Pull-request flow: coding, pickup, review, merge wait and deploy wait");
        metrics.MapGet("/pr-flow/series", (PullRequestFlowService flow, MetricRequestResolver resolver, ResultCache cache, Dashboards.PanelGate gate, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
                [AsParameters] MetricRequest request, CancellationToken ct) =>
            OkUnlessAsync(resolver.TryResolve(request, out var r), () => cache.GetOrAddAsync(r.Key("pr-flow/series"),
                () => Series<PullRequestFlow>.Of(r, flow.Series(r.Window, r.Scope, r.Interval, ct), json.Value.SerializerOptions), gate, ct)))
            .WithSummary("Pull-request flow per period");
        metrics.MapGet("/ci", (CiMetricsService ci, MetricRequestResolver resolver, ResultCache cache, Dashboards.PanelGate gate, [AsParameters] MetricRequest request, CancellationToken ct) =>
            OkUnlessAsync(resolver.TryResolve(request, out var r), () => cache.GetOrAddAsync(r.Key("ci"), () => ci.Get(r.Window, r.Scope, ct), gate, ct)))
            .WithSummary("CI queue and run time per change; re-run and failure rates per workflow");
        return metrics;
    }
}
