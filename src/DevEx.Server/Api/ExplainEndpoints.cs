using DevEx.Analytics.Metrics;

namespace DevEx.Server.Api;

/// <summary>The rows behind every metric: deployments, changes and pull requests.</summary>
internal static class ExplainEndpoints
{
    public static RouteGroupBuilder MapExplain(this RouteGroupBuilder api)
    {
        var explain = api.MapGroup("").WithTags("Explain");
        explain.MapGet("/deployments", (ExplainService service, MetricRequestResolver resolver, [AsParameters] MetricRequest request, bool? failed, CancellationToken ct) =>
            resolver.TryResolve(request, out var r) ?? TypedResults.Ok(service.Deployments(r.Window, r.Scope, failed, ct)))
            .WithSummary("Production deployments in the window: change set, failure method and evidence, rework, recovery");
        explain.MapGet("/changes", (ExplainService service, MetricRequestResolver resolver, [AsParameters] MetricRequest request, string? deployment, CancellationToken ct) =>
            resolver.TryResolve(request, out var r) ?? TypedResults.Ok(service.Changes(r.Window, r.Scope, deployment, ct)))
            .WithSummary("Changes (PRs and direct commits) deployed in the window, with their lead time");
        explain.MapGet("/pull-requests", (ExplainService service, MetricRequestResolver resolver, [AsParameters] MetricRequest request, CancellationToken ct) =>
            resolver.TryResolve(request, out var r) ?? TypedResults.Ok(service.PullRequests(r.Window, r.Scope, ct)))
            .WithSummary("Pull requests merged in the window, with their phases");
        return explain;
    }
}
