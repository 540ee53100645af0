using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Adoption;

/// <summary>
/// One ISO week of adoption coverage (docs/adoption.md, "Adoption measures"): the counts as of the week's end and the
/// shares made of them, null when there is nothing to share (no active repository, no Component).
/// </summary>
public sealed record CoverageWeek(LocalDate Week, long ActiveRepositories, long CataloguedRepositories, long Components, long OwnedComponents,
    long WithDescription, long WithLifecycle, long WithSystem, long WithTechdocs, long Complete)
{
    /// <summary>Active repositories a Component claims, of the active repositories.</summary>
    public double? CatalogCoverage => Share(CataloguedRepositories, ActiveRepositories);

    /// <summary>Components whose owner is a Group with members, of the Components.</summary>
    public double? OwnerCoverage => Share(OwnedComponents, Components);

    public double? DescriptionShare => Share(WithDescription, Components);
    public double? LifecycleShare => Share(WithLifecycle, Components);
    public double? SystemShare => Share(WithSystem, Components);
    public double? TechdocsShare => Share(WithTechdocs, Components);

    /// <summary>Components with all four of description, lifecycle, system and techdocs-ref, of the Components.</summary>
    public double? CompleteShare => Share(Complete, Components);

    private static double? Share(long part, long whole) => whole == 0 ? null : (double)part / whole;
}

/// <summary>A team's weekly coverage; <see cref="MetricScope.Unowned"/> holds what no catalog team owns.</summary>
public sealed record TeamCoverage(string Team, IReadOnlyList<CoverageWeek> Weeks);

/// <summary>The scope's weekly coverage (a repository of two teams once) and each owning team's.</summary>
public sealed record AdoptionCoverage(IReadOnlyList<CoverageWeek> Weeks, IReadOnlyList<TeamCoverage> Teams);

/// <summary>Catalog, owner and metadata coverage per ISO week and owning team (queries/adoption_coverage.sql), rolled up by <c>team</c>.</summary>
public sealed class AdoptionCoverageService(QueryRunner queries)
{
    public AdoptionCoverage Get(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default)
    {
        var rows = queries.Run<Row>("adoption_coverage", MetricParameters.For(window, scope, MetricInterval.Week), cancellationToken);
        var weeks = rows.Where(r => r.Total).Select(r => r.ToWeek()).ToList();
        var teams = rows.Where(r => !r.Total).GroupBy(r => r.OwnerTeam ?? MetricScope.Unowned, StringComparer.Ordinal)
            .Select(g => new TeamCoverage(g.Key, [.. weeks.Select(w => g.FirstOrDefault(r => r.Week == w.Week)?.ToWeek() ?? Empty(w.Week))]))
            .OrderBy(t => t.Team == MetricScope.Unowned).ThenBy(t => t.Team, StringComparer.Ordinal)
            .ToList();
        return new AdoptionCoverage(weeks, teams);
    }

    private static CoverageWeek Empty(LocalDate week) => new(week, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private sealed class Row
    {
        public LocalDate Week { get; init; }
        public string? OwnerTeam { get; init; }
        public bool Total { get; init; }
        public long ActiveRepositories { get; init; }
        public long CataloguedRepositories { get; init; }
        public long Components { get; init; }
        public long OwnedComponents { get; init; }
        public long WithDescription { get; init; }
        public long WithLifecycle { get; init; }
        public long WithSystem { get; init; }
        public long WithTechdocs { get; init; }
        public long Complete { get; init; }

        public CoverageWeek ToWeek() => new(Week, ActiveRepositories, CataloguedRepositories, Components, OwnedComponents, WithDescription,
            WithLifecycle, WithSystem, WithTechdocs, Complete);
    }
}
