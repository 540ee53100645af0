using DevEx.Server.Access;
using DevEx.Analytics.Metrics;
using DevEx.Server.Api.Contracts;
using static DevEx.Server.Api.Contracts.Answer;

namespace DevEx.Server.Api;

/// <summary>The rows behind every metric: deployments, changes, pull requests, incidents and data-quality findings.</summary>
internal static class ExplainEndpoints
{
    public static RouteGroupBuilder MapExplain(this RouteGroupBuilder api)
    {
        var explain = api.MapGroup("").WithTags("Explain");
        // failed and rework are read as text, so that a bad value is a problem naming it rather than the binder's bare 400.
        explain.MapGet("/deployments", (ExplainService service, MetricRequestResolver resolver, [AsParameters] MetricRequest request, string? failed, string? rework,
                CancellationToken ct) =>
            {
                var failedProblem = BooleanParameter.TryParse(failed, "failed", out var isFailed);
                var reworkProblem = BooleanParameter.TryParse(rework, "rework", out var isRework);
                var windowProblem = resolver.TryResolve(request, out var r);
                return OkUnless(failedProblem ?? reworkProblem ?? windowProblem, () => service.Deployments(r.Window, r.Scope, isFailed, isRework, ct));
            })
            .ProducesParameterProblems()
            .Shows(Surface.Listing)
            .WithSummary("Production deployments in the window: change set, failure method and evidence, rework, recovery (?failed=true, ?rework=true)");
        explain.MapGet("/changes", (ExplainService service, MetricRequestResolver resolver, [AsParameters] MetricRequest request, string? deployment, CancellationToken ct) =>
            OkUnless(resolver.TryResolve(request, out var r), () => service.Changes(r.Window, r.Scope, deployment, ct)))
            .ProducesParameterProblems()
            .Shows(Surface.Listing)
            .WithSummary("Changes (PRs and direct commits) deployed in the window, with their lead time");
        explain.MapGet("/pull-requests", (ExplainService service, MetricRequestResolver resolver, [AsParameters] MetricRequest request, CancellationToken ct) =>
            OkUnless(resolver.TryResolve(request, out var r), () => service.PullRequests(r.Window, r.Scope, ct)))
            .ProducesParameterProblems()
            .Shows(Surface.Listing)
            .WithSummary("Pull requests merged in the window, with their phases and CI runs");
        explain.MapGet("/incidents", (ExplainService service, MetricRequestResolver resolver, [AsParameters] MetricRequest request, CancellationToken ct) =>
            OkUnless(resolver.TryResolve(request, out var r), () => service.Incidents(r.Window, r.Scope, ct)))
            .ProducesParameterProblems()
            .Shows(Surface.Listing)
            .WithSummary("Incidents resolved in the window, with their time to restore and the cause they name");
        explain.MapGet("/data-quality/findings", (ExplainService service, string? category, string? kind, CancellationToken ct) =>
            OkUnless(!string.IsNullOrWhiteSpace(category) && !ExplainService.DataQualityCategories.Contains(category.Trim())
                    ? Problems.BadRequest("category", $"'category' must be {string.Join(" or ", ExplainService.DataQualityCategories)}, not '{category}'.")
                    : null,
                () => service.DataQualityFindings(Blank(category), Blank(kind), ct)))
            .ProducesBadRequest()
            .Shows(Surface.OrgRows)
            .WithSummary("The rows behind the data-quality counts: derivation findings (clamped spans, ...) and rejected import lines");
        explain.MapGet("/data-quality/identity-occurrences", (ExplainService service, string? identity, CancellationToken ct) =>
            TypedResults.Ok(service.IdentityOccurrences(identity, ct)))
            .ProducesBadRequest()
            .Shows(Surface.OrgRows)
            .WithSummary("The commits, pull requests and reviews of identities no catalog User claims (?identity=)");
        return explain;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
