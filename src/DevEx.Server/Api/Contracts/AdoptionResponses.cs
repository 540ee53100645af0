using DevEx.Analytics.Adoption;
using NodaTime;

namespace DevEx.Server.Api.Contracts;

/// <summary>
/// GET /api/v1/adoption/coverage: the scope's weekly catalog, owner and metadata coverage, and each owning team's that the
/// caller may see (docs/adoption.md, "Adoption measures").
/// </summary>
internal sealed record AdoptionCoverageResponse(LocalDate From, LocalDate To, string? Team, IReadOnlyList<CoverageWeek> Weeks,
    IReadOnlyList<TeamCoverage> Teams)
{
    public string Definition => AdoptionDefinitions.Measures;
}

/// <summary>GET /api/v1/adoption/scorecards: every scorecard in the latest evaluated week, with the heat map rows the caller may see.</summary>
internal sealed record ScorecardsResponse(string? Team, IReadOnlyList<ScorecardSummary> Scorecards, IReadOnlyList<string> Problems)
{
    public string Definition => AdoptionDefinitions.Scorecards;
}

/// <summary>GET /api/v1/adoption/scorecards/{id}/components: each Component in scope, its level and every check with its evidence.</summary>
internal sealed record ScorecardComponentsResponse(string Scorecard, string Title, LocalDate? Week, string? Team, IReadOnlyList<ComponentScore> Components)
{
    public string Definition => AdoptionDefinitions.Scorecards;
}

/// <summary>GET /api/v1/adoption/impact: per golden path and figure, adopters against non-adopters, and the difference-in-differences.</summary>
internal sealed record AdoptionImpactResponse(LocalDate From, LocalDate To, string? Team, IReadOnlyList<ScorecardImpact> Scorecards)
{
    /// <summary>What the comparison can and cannot say, for every reader of the figures.</summary>
    public string Association => AdoptionDefinitions.Association;

    public string Definition => AdoptionDefinitions.Impact;
}

internal static class AdoptionDefinitions
{
    public const string Measures = "/docs/metrics#platform-adoption";
    public const string Scorecards = "/docs/metrics#platform-adoption";
    public const string Impact = "/docs/metrics#platform-adoption";

    public const string Association =
        "This is an association, not a cause: teams that adopt a golden path early may differ from those that do not (more time, " +
        "newer services), and the comparison cannot tell that apart from what the path itself did. Each adopter's change around " +
        "its adoption week is set against the change of Components not yet adopted over the same calendar weeks, which takes out " +
        "what changed for everyone then; it says how adopters' figures moved against comparable Components, nothing more.";
}
