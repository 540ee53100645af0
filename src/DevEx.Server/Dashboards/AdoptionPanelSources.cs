using DevEx.Analytics.Adoption;
using DevEx.Server.Access;
using DevEx.Server.Adoption;

namespace DevEx.Server.Dashboards;

/// <summary>
/// The platform adoption page's sources (docs/adoption.md), over the services the API answers from: the coverage trend
/// of the scope, the heat map of owning teams × checks, the failing checks with their evidence, and the impact table.
/// C# rather than queries: the heat map and levels follow the scorecard files, and the impact's interval is a bootstrap.
/// </summary>
internal sealed class AdoptionPanelSources(AdoptionCoverageService coverage, ScorecardResultsService results, AdoptionImpactService impact,
    ScorecardCatalog catalog) : IPanelSourceGroup
{
    public IEnumerable<PanelSource> Sources() =>
    [
        new("adoption-coverage", "Catalog, owner and metadata coverage of the scope per ISO week", Coverage),
        new("adoption-heat-map", "Each owning team's pass share of each scorecard check this week", HeatMap, Shows: Surface.PerTeam),
        new("adoption-failing-checks", "Every failing scorecard check this week, with its evidence", FailingChecks, Shows: Surface.Listing),
        new("adoption-impact", "Adopters against non-adopters per golden path and figure, with the difference-in-differences", Impact),
    ];

    private PanelData Coverage(DashboardFilter filter, CancellationToken ct)
    {
        var builder = new PanelDataBuilder().Column("period", "Week", "date")
            .Column("catalog_coverage", "Active repositories with a Component", "rate")
            .Column("owner_coverage", "Components with a staffed owner", "rate")
            .Column("complete_share", "Components with all four fields", "rate")
            .Column("active_repositories", "Active repositories", "count").Column("components", "Components", "count");
        foreach (var week in coverage.Get(filter.Window, filter.Scope, ct).Weeks)
        {
            builder.Row(week.Week, week.CatalogCoverage, week.OwnerCoverage, week.CompleteShare, week.ActiveRepositories, week.Components);
        }
        return builder.Build();
    }

    private PanelData HeatMap(DashboardFilter filter, CancellationToken ct)
    {
        var builder = new PanelDataBuilder().Column("team", "Team", "text").Column("check", "Check", "text").Column("pass_share", "Passing", "rate")
            .Column("components", "Components", "count");
        var set = catalog.Current;
        foreach (var card in results.Summaries(set, filter.Scope, cancellationToken: ct))
        {
            foreach (var row in card.HeatMap)
            {
                foreach (var check in row.Checks)
                {
                    builder.Row(row.Team, set.Scorecards.Count == 1 ? check.Id : $"{card.Id}: {check.Id}", check.PassShare, check.Components);
                }
            }
        }
        return builder.Build(set.Scorecards.Count == 0 ? "No scorecards: add golden paths to the scorecards folder (DevEx:Scorecards)." : null);
    }

    private PanelData FailingChecks(DashboardFilter filter, CancellationToken ct)
    {
        var builder = new PanelDataBuilder().Column("component", "Component", "text").Column("team", "Team", "text")
            .Column("scorecard", "Scorecard", "text").Column("level", "Level", "text").Column("check", "Failing check", "text")
            .Column("evidence", "Evidence", "text").Column("commit", "Commit", "text").Column("detail", "Detail", "text");
        foreach (var card in catalog.Current.Scorecards)
        {
            foreach (var component in results.Components(card, filter.Scope, cancellationToken: ct).Components)
            {
                foreach (var failed in component.Results.Where(r => !r.Passed))
                {
                    var evidence = failed.File is null ? null : $"{failed.Repo}/{failed.File}{(failed.Line is { } line ? $":{line}" : "")}";
                    builder.Row(component.Component, component.Team, card.Id, component.Level ?? "none", failed.Check, evidence, failed.Commit, failed.Detail);
                }
            }
        }
        return builder.Build();
    }

    private PanelData Impact(DashboardFilter filter, CancellationToken ct)
    {
        var builder = new PanelDataBuilder().Column("scorecard", "Golden path", "text").Column("figure", "Figure", "text")
            .Column("adopters_median", "Adopters (median)", "number").Column("adopters", "Adopters", "count")
            .Column("non_adopters_median", "Non-adopters (median)", "number").Column("non_adopters", "Non-adopters", "count")
            .Column("effect", "Difference-in-differences", "number").Column("interval_low", "95% interval from", "number")
            .Column("interval_high", "to", "number").Column("withheld", "Withheld because", "text");
        foreach (var card in impact.Get(catalog.Current, filter.Window, filter.Scope, ct))
        {
            foreach (var f in card.Figures)
            {
                builder.Row(card.Title, $"{f.Figure} ({f.Unit})", f.Adopters.Median, f.Adopters.Components, f.NonAdopters.Median, f.NonAdopters.Components,
                    f.Estimate.Effect, f.Estimate.IntervalLow, f.Estimate.IntervalHigh, f.Estimate.WithheldReason);
            }
        }
        return builder.Build(Api.Contracts.AdoptionDefinitions.Association);
    }
}
