using System.Text.Json;
using System.Text.Json.Nodes;
using DevEx.Analytics.Metrics;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Api;

/// <summary>/api/v1/metrics: DORA, pull-request flow and CI, as one figure or a series.</summary>
internal static class MetricEndpoints
{
    public static RouteGroupBuilder MapMetrics(this RouteGroupBuilder api)
    {
        var metrics = api.MapGroup("/metrics").WithTags("Metrics");
        metrics.MapGet("/dora", (DoraMetricsService dora, MetricRequestResolver resolver, [AsParameters] MetricRequest request, CancellationToken ct) =>
            resolver.TryResolve(request, out var r) ?? TypedResults.Ok(dora.Get(r.Window, r.Scope, ct)))
            .WithSummary("The five DORA metrics and incident time to restore, with levels");
        metrics.MapGet("/dora/series", (DoraMetricsService dora, MetricRequestResolver resolver, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
                [AsParameters] MetricRequest request, CancellationToken ct) =>
            resolver.TryResolve(request, out var r) ?? TypedResults.Ok(Series(r, dora.Series(r.Window, r.Scope, r.Interval, ct), json.Value.SerializerOptions)))
            .WithSummary("DORA metrics per day, ISO week or month");
        metrics.MapGet("/dora/by-team", (DoraMetricsService dora, MetricRequestResolver resolver, [AsParameters] MetricRequest request, CancellationToken ct) =>
            resolver.TryResolve(request, out var r) ?? TypedResults.Ok(DoraByTeam.Of(r, dora.ByGroup(r.Window, r.Scope, MetricGrouping.Team, ct))))
            .WithSummary("The DORA metrics of each team with deployments, changes or incidents, and of what no team owns (team 'unowned'): the rows sum to the org");
        metrics.MapGet("/pr-flow", (PullRequestFlowService flow, MetricRequestResolver resolver, [AsParameters] MetricRequest request, CancellationToken ct) =>
            resolver.TryResolve(request, out var r) ?? TypedResults.Ok(flow.Get(r.Window, r.Scope, ct)))
            .WithSummary("Pull-request flow: coding, pickup, review, merge wait and deploy wait");
        metrics.MapGet("/pr-flow/series", (PullRequestFlowService flow, MetricRequestResolver resolver, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
                [AsParameters] MetricRequest request, CancellationToken ct) =>
            resolver.TryResolve(request, out var r) ?? TypedResults.Ok(Series(r, flow.Series(r.Window, r.Scope, r.Interval, ct), json.Value.SerializerOptions)))
            .WithSummary("Pull-request flow per period");
        metrics.MapGet("/ci", (CiMetricsService ci, MetricRequestResolver resolver, [AsParameters] MetricRequest request, CancellationToken ct) =>
            resolver.TryResolve(request, out var r) ?? TypedResults.Ok(ci.Get(r.Window, r.Scope, ct)))
            .WithSummary("CI queue and run time per change; re-run and failure rates per workflow");
        return metrics;
    }

    /// <summary>
    /// The series, each period with its coverage: <c>days</c> inside the window, <c>periodDays</c> of its calendar period
    /// and <c>partial</c> when the window's edge cuts it (docs/metrics.md#partial-periods).
    /// </summary>
    private static object Series<T>(ResolvedRequest request, IReadOnlyList<T> periods, JsonSerializerOptions json) => new
    {
        interval = request.Interval.ToString().ToLowerInvariant(),
        from = request.Window.From,
        to = request.Window.To,
        periods = periods.Zip(request.Window.Periods(request.Interval), (figures, period) =>
        {
            var node = JsonSerializer.SerializeToNode(figures, json)!.AsObject();
            var coverage = period.Coverage(request.Interval);
            node["partial"] = coverage.Partial;
            node["days"] = coverage.Days;
            node["periodDays"] = coverage.PeriodDays;
            return node;
        }).ToList(),
    };
}
