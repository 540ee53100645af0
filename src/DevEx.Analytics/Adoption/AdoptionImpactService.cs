using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Adoption;

/// <summary>The weekly figures of one side (adopters or not) in the window: how many Components and weeks, and their median.</summary>
public sealed record SideMedian(long Components, long Weeks, double? Median);

/// <summary>
/// One figure on one golden path: the median of the adopters' weekly figures in the window against the non-adopters'
/// (a Component is an adopter in the weeks it holds the first level), and the difference-in-differences around adoption.
/// </summary>
public sealed record FigureImpact(string Figure, string Unit, SideMedian Adopters, SideMedian NonAdopters, DifferenceInDifferences Estimate);

/// <summary>A scorecard's impact on each figure, for the Components in scope that the scorecard applies to.</summary>
public sealed record ScorecardImpact(string Scorecard, string Title, long Components, long Adopted, IReadOnlyList<FigureImpact> Figures);

/// <summary>
/// Adopters against non-adopters (docs/adoption.md, "Impact: association, not cause"): each Component's level per week
/// (queries/adoption_scorecard_levels.sql) and its service's weekly figures (queries/adoption_service_weeks.sql, one
/// week each), compared in the window and by <see cref="AdoptionImpact"/> over every evaluated week.
/// </summary>
public sealed class AdoptionImpactService(QueryRunner queries, AdoptionImpact impact)
{
    /// <summary>
    /// The figures compared, each a Component's weekly figure: DORA change lead time, deployments per week (0 in a week
    /// without one, from its first deployment on) and failed-deployment recovery time, and pull-request pickup and review
    /// time. Change fail rate is not among them: a weekly rate of a service deploying a few times a week is mostly 0 or
    /// 1, and a median of those says nothing (docs/adoption.md, "Impact").
    /// </summary>
    public static IReadOnlyList<(string Figure, string Unit)> Figures { get; } =
    [
        (MetricThresholds.LeadTimeMedianHours, "hours"),
        (MetricThresholds.DeploymentsPerWeek, "per week"),
        (MetricThresholds.RecoveryMedianHours, "hours"),
        (MetricThresholds.PickupMedianWorkingHours, "working hours"),
        (MetricThresholds.ReviewMedianWorkingHours, "working hours"),
    ];

    public IReadOnlyList<ScorecardImpact> Get(ScorecardSet set, MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters();
        parameters.Add("team", scope.Team);
        var levels = queries.Run<LevelRow>("adoption_scorecard_levels", parameters, cancellationToken);
        if (levels.Count == 0)
        {
            return [.. set.Scorecards.Select(card => Impact(card, [], Array.Empty<ServiceWeek>().ToLookup(v => v.Metric, StringComparer.Ordinal), window))];
        }
        var first = levels.Min(l => l.Week).PlusWeeks(-impact.Weeks);
        var last = levels.Max(l => l.Week).PlusWeeks(1);
        var values = Values(first < window.From ? first : window.From,
            last > window.To ? last : window.To, window.Zone, cancellationToken);
        var byScorecard = levels.ToLookup(l => l.Scorecard, StringComparer.Ordinal);
        return [.. set.Scorecards.Select(card => Impact(card, [.. byScorecard[card.Id]], values, window))];
    }

    /// <summary>
    /// A service's deployments per week with the weeks it did not deploy as 0: from the week of its first deployment in
    /// the range up to <paramref name="last"/> (the last evaluated week). Before its first deployment it has no figure.
    /// </summary>
    private static List<ServiceWeek> WithWeeksWithoutDeployments(List<ServiceWeek> series, LocalDate last) =>
        [.. series.GroupBy(v => v.Service, StringComparer.Ordinal).SelectMany(service =>
        {
            var weeks = service.ToDictionary(v => v.Week);
            var first = weeks.Keys.Min();
            return Enumerable.Range(0, Period.Between(first, last, PeriodUnits.Weeks).Weeks + 1).Select(i => first.PlusWeeks(i))
                .Select(week => weeks.GetValueOrDefault(week) ?? new ServiceWeek { Week = week, Service = service.Key, Metric = MetricThresholds.DeploymentsPerWeek });
        })];

    private ScorecardImpact Impact(Scorecard card, List<LevelRow> levels, ILookup<string, ServiceWeek> values, MetricWindow window)
    {
        var components = levels.Select(l => l.Component).ToHashSet(StringComparer.Ordinal);
        var adoptedIn = components.ToDictionary(c => c, c => levels.Where(l => l.Component == c && l.Level is not null).Select(l => (LocalDate?)l.Week).Min(),
            StringComparer.Ordinal);
        var holding = levels.Where(l => l.Level is not null).Select(l => (l.Component, l.Week)).ToHashSet();
        var evaluated = levels.Select(l => (l.Component, l.Week)).ToHashSet();
        var first = IsoWeekStartOf(window.From);
        var figures = Figures.Select(f =>
        {
            var series = values[f.Figure].Where(v => components.Contains(v.Service)).ToList();
            if (f.Figure == MetricThresholds.DeploymentsPerWeek && levels.Count > 0)
            {
                series = WithWeeksWithoutDeployments(series, levels.Max(l => l.Week));
            }
            var inWindow = series.Where(v => v.Week >= first && v.Week < window.To && evaluated.Contains((v.Service, v.Week))).ToList();
            var adopters = inWindow.Where(v => holding.Contains((v.Service, v.Week))).ToList();
            var others = inWindow.Where(v => !holding.Contains((v.Service, v.Week))).ToList();
            var estimate = impact.Estimate([.. series.Select(v => new ComponentWeek(v.Service, v.Week, v.Value))], adoptedIn);
            return new FigureImpact(f.Figure, f.Unit, Side(adopters), Side(others), estimate);
        }).ToList();
        return new ScorecardImpact(card.Id, card.Title, components.Count, adoptedIn.Count(a => a.Value is not null), figures);
    }

    private static SideMedian Side(List<ServiceWeek> weeks) =>
        new(weeks.Select(w => w.Service).Distinct(StringComparer.Ordinal).Count(), weeks.Count, AdoptionImpact.Median(weeks.Select(w => w.Value)));

    private static LocalDate IsoWeekStartOf(LocalDate date) => DevEx.Store.Time.IsoWeekStart.Of(date);

    private ILookup<string, ServiceWeek> Values(LocalDate from, LocalDate to, DateTimeZone zone, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters();
        parameters.Add("from_date", IsoWeekStartOf(from).ToDateTimeUnspecified());
        parameters.Add("to_date", to.ToDateTimeUnspecified());
        parameters.Add("zone", zone.Id);
        parameters.Add("weeks", 1);
        return queries.Run<ServiceWeek>("adoption_service_weeks", parameters, cancellationToken).ToLookup(v => v.Metric, StringComparer.Ordinal);
    }

    private sealed class LevelRow
    {
        public string Scorecard { get; init; } = "";
        public string Component { get; init; } = "";
        public string? OwnerTeam { get; init; }
        public LocalDate Week { get; init; }
        public string? Level { get; init; }
    }

    private sealed class ServiceWeek
    {
        public LocalDate Week { get; init; }
        public string Service { get; init; } = "";
        public string Metric { get; init; } = "";
        public double Value { get; init; }
    }
}
