using System.Security.Claims;
using DevEx.Analytics.Adoption;
using DevEx.Analytics.Metrics;
using DevEx.Server.Access;
using DevEx.Server.Adoption;
using DevEx.Server.Api.Contracts;
using DevEx.Server.Caching;
using DevEx.Server.Dashboards;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DevEx.Server.Api;

/// <summary>
/// /api/v1/adoption: platform adoption (docs/adoption.md). Aggregates are <see cref="Surface.Figures"/>: the organisation's
/// for every role, a team's for who may see it; the per-team rows inside them (coverage series, heat map) keep only the
/// teams the caller may see. The Components of a scorecard are rows (<see cref="Surface.Listing"/>).
/// </summary>
internal static class AdoptionEndpoints
{
    public static RouteGroupBuilder MapAdoption(this RouteGroupBuilder api)
    {
        var adoption = api.MapGroup("/adoption").WithTags("Adoption");
        adoption.MapGet("/coverage", async Task<Results<Ok<AdoptionCoverageResponse>, FileContentHttpResult, ProblemHttpResult>> (AdoptionCoverageService service,
                MetricRequestResolver resolver, ResultCache cache, PanelGate gate, ScopeAccess access, ClaimsPrincipal user, [AsParameters] AdoptionRequest request,
                CancellationToken ct) =>
            {
                if (request.Problem(resolver, out var r) is { } problem)
                {
                    return problem;
                }
                var coverage = await cache.GetOrAddAsync(r.Key("adoption/coverage"), () => service.Get(r.Window, r.Scope, ct), gate, ct);
                coverage = coverage with { Teams = [.. coverage.Teams.Where(t => access.MaySeeTeam(user, Owner(t.Team)))] };
                return request.Csv ? AdoptionCsv.Coverage(coverage, r.Scope.Team)
                    : TypedResults.Ok(new AdoptionCoverageResponse(r.Window.From, r.Window.To, r.Scope.Team, coverage.Weeks, coverage.Teams));
            })
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .ProducesParameterProblems()
            .WithSummary("Catalog coverage of active repositories, owner coverage and metadata completeness, per ISO week and owning team");
        adoption.MapGet("/scorecards", async Task<Results<Ok<ScorecardsResponse>, FileContentHttpResult, ProblemHttpResult>> (ScorecardResultsService service,
                ScorecardCatalog catalog, MetricRequestResolver resolver, ResultCache cache, PanelGate gate, ScopeAccess access, ClaimsPrincipal user,
                [AsParameters] AdoptionRequest request, CancellationToken ct) =>
            {
                if (request.Problem(resolver, out var r) is { } problem)
                {
                    return problem;
                }
                var (set, version) = catalog.Versioned;
                var all = await cache.GetOrAddAsync(r.Key($"adoption/scorecards/{version}"), () => service.Summaries(set, r.Scope, cancellationToken: ct), gate, ct);
                var summaries = all
                    .Select(s => s with { HeatMap = [.. s.HeatMap.Where(h => access.MaySeeTeam(user, Owner(h.Team)))] }).ToList();
                return request.Csv ? AdoptionCsv.Scorecards(summaries)
                    : TypedResults.Ok(new ScorecardsResponse(r.Scope.Team, summaries, [.. set.Problems.Select(p => p.ToString())]));
            })
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .ProducesParameterProblems()
            .WithSummary("Every golden-path scorecard this week: levels, checks, each check's pass share and the heat map of teams × checks");
        adoption.MapGet("/scorecards/{id}/components", async Task<Results<Ok<ScorecardComponentsResponse>, FileContentHttpResult, ProblemHttpResult>> (string id,
                ScorecardResultsService service, ScorecardCatalog catalog, MetricRequestResolver resolver, ResultCache cache, PanelGate gate,
                [AsParameters] AdoptionRequest request, CancellationToken ct) =>
            {
                if (request.Problem(resolver, out var r) is { } problem)
                {
                    return problem;
                }
                var (set, version) = catalog.Versioned;
                if (set.Find(id) is not { } scorecard)
                {
                    return Problems.NotFound("id", $"No scorecard '{id}'. GET /api/v1/adoption/scorecards lists them.");
                }
                var scores = await cache.GetOrAddAsync(r.Key($"adoption/scorecards/{version}/{scorecard.Id}/components"), () => service.Components(scorecard, r.Scope, cancellationToken: ct), gate, ct);
                return request.Csv ? AdoptionCsv.Components(scorecard.Id, scores.Components)
                    : TypedResults.Ok(new ScorecardComponentsResponse(scorecard.Id, scorecard.Title, scores.Week, r.Scope.Team, scores.Components));
            })
            .Shows(Surface.Listing)
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .ProducesParameterProblems()
            .WithSummary("Each Component on a scorecard this week: its level and every check, passed or failed, with its evidence file, line and commit");
        adoption.MapGet("/impact", async Task<Results<Ok<AdoptionImpactResponse>, FileContentHttpResult, ProblemHttpResult>> (AdoptionImpactService service,
                ScorecardCatalog catalog, MetricRequestResolver resolver, ResultCache cache, PanelGate gate, [AsParameters] AdoptionRequest request, CancellationToken ct) =>
            {
                if (request.Problem(resolver, out var r) is { } problem)
                {
                    return problem;
                }
                var (set, version) = catalog.Versioned;
                var impact = await cache.GetOrAddAsync(r.Key($"adoption/impact/{version}"), () => service.Get(set, r.Window, r.Scope, ct), gate, ct);
                return request.Csv ? AdoptionCsv.Impact(impact) : TypedResults.Ok(new AdoptionImpactResponse(r.Window.From, r.Window.To, r.Scope.Team, impact));
            })
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .ProducesParameterProblems()
            .WithSummary("Adopters against non-adopters of each golden path on lead time and pull-request flow, with the difference-in-differences and its interval");
        return adoption;
    }

    /// <summary>The team a row is owned by for the scope rule; the unowned row is what no team owns.</summary>
    private static string? Owner(string team) => team == MetricScope.Unowned ? null : team;

}

/// <summary>The query string of the adoption endpoints: the window and team of every metric endpoint, and <c>format</c> (json or csv).</summary>
internal sealed record AdoptionRequest(
    [property: FromQuery(Name = "from")] string? From,
    [property: FromQuery(Name = "to")] string? To,
    [property: FromQuery(Name = "team")] string? Team,
    [property: FromQuery(Name = "format")] string? Format)
{
    public bool Csv => string.Equals(Format?.Trim(), "csv", StringComparison.OrdinalIgnoreCase);

    public ProblemHttpResult? Problem(MetricRequestResolver resolver, out ResolvedRequest resolved)
    {
        var problem = resolver.TryResolve(new MetricRequest(From, To, Team, null, null, null), out resolved);
        return problem ?? (string.IsNullOrWhiteSpace(Format) || Csv || string.Equals(Format.Trim(), "json", StringComparison.OrdinalIgnoreCase) ? null
            : Problems.BadRequest("format", $"'format' must be json or csv, not '{Format}'."));
    }
}
