using DevEx.Analytics.Adoption;
using DevEx.Analytics.Metrics;
using NodaTime;

namespace DevEx.Reports.Weekly;

/// <summary>
/// The weekly report's platform-adoption section for the team's scope (the team and every team below it): catalog,
/// owner and metadata coverage of the week and the week before (null when a week has no figures), each scorecard as
/// evaluated for the week and the week before (<see cref="ScorecardWeek"/>: the latest evaluated week starting on or
/// before the report's), and the Components failing a check that week, the first <see cref="WeeklyReportBuilder.ListLength"/>
/// of <see cref="FailingCount"/>.
/// </summary>
public sealed record PlatformSection(
    CoverageWeek? Coverage,
    CoverageWeek? PreviousCoverage,
    LocalDate? ScorecardWeek,
    IReadOnlyList<ScorecardSummary> Scorecards,
    IReadOnlyList<ScorecardSummary> PreviousScorecards,
    IReadOnlyList<FailingCheck> Failing,
    int FailingCount)
{
    /// <summary>No catalog and no scorecard.</summary>
    public static readonly PlatformSection None = new(null, null, null, [], [], [], 0);

    /// <summary>Nothing to show: no Component in scope in either week and no scorecard result.</summary>
    public bool Empty => (Coverage?.Components ?? 0) == 0 && (PreviousCoverage?.Components ?? 0) == 0 && Scorecards.All(s => s.Components == 0);
}

/// <summary>A Component failing a golden-path check in the week, with the evidence the check gives (what it found or looked for).</summary>
public sealed record FailingCheck(string Component, string Team, string Scorecard, string Check, string? Repo, string? File, int? Line, string Detail);

/// <summary>Gathers the <see cref="PlatformSection"/> from the services the adoption API uses.</summary>
public sealed class PlatformSectionBuilder(AdoptionCoverageService coverage, ScorecardResultsService scorecards, Func<ScorecardSet> scorecardSet)
{
    public PlatformSection Build(IsoWeek week, DateTimeZone zone, MetricScope scope, CancellationToken cancellationToken)
    {
        var window = new MetricWindow(week.Previous.Monday, week.Monday.PlusWeeks(1), zone);
        var weeks = coverage.Get(window, scope, cancellationToken).Weeks;
        var set = scorecardSet();
        var now = scorecards.Summaries(set, scope, week.Monday, cancellationToken);
        var evaluated = now.Select(s => s.Week).Max();
        // The week before the one evaluated: a report of a week after the last evaluation compares it with its own previous week.
        var before = evaluated is { } at ? scorecards.Summaries(set, scope, at.PlusWeeks(-1), cancellationToken) : [];
        var failing = set.Scorecards.SelectMany(card =>
            {
                var titles = card.Checks.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
                return scorecards.Components(card, scope, week.Monday, cancellationToken).Components
                    .SelectMany(c => c.Results.Where(r => !r.Passed).Select(r =>
                        new FailingCheck(c.Component, c.Team, card.Title, titles.GetValueOrDefault(r.Check, r.Check), r.Repo, r.File, r.Line, r.Detail)));
            })
            .ToList();
        return new PlatformSection(
            weeks.FirstOrDefault(w => w.Week == week.Monday),
            weeks.FirstOrDefault(w => w.Week == week.Previous.Monday),
            evaluated,
            now,
            before.Any(s => s.Week is { } w && w < evaluated) ? before : [],
            [.. failing.Take(WeeklyReportBuilder.ListLength)],
            failing.Count);
    }
}
