using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Adoption;

/// <summary>A level of a scorecard, its checks, and how many Components in scope reach it (or a higher one) this week.</summary>
public sealed record LevelSummary(string Name, IReadOnlyList<string> Checks, long Components);

/// <summary>A check, and of the Components in scope this week how many it was evaluated for and how many passed.</summary>
public sealed record CheckSummary(string Id, string Title, long Components, long Passed)
{
    public double? PassShare => Components == 0 ? null : (double)Passed / Components;
}

/// <summary>One owning team's row of the heat map: its Components this week and each check's pass share among them.</summary>
public sealed record HeatMapRow(string Team, long Components, IReadOnlyList<CheckSummary> Checks);

/// <summary>
/// A scorecard in the latest evaluated week (<see cref="Week"/>, null before the scorecard step has run): its levels and
/// checks with the Components in scope that reach and pass them, and the heat map of owning teams × checks.
/// </summary>
public sealed record ScorecardSummary(string Id, string Title, string? Description, LocalDate? Week, long Components,
    IReadOnlyList<LevelSummary> Levels, IReadOnlyList<CheckSummary> Checks, IReadOnlyList<HeatMapRow> HeatMap);

/// <summary>A check's result for a Component, with where it was found: the file, line and commit, or what was looked for.</summary>
public sealed record CheckOutcome(string Check, bool Passed, string? Repo, string? File, int? Line, string? Commit, string Detail);

/// <summary>A Component on a scorecard this week: its owning team (<see cref="MetricScope.Unowned"/> for none), level and every check.</summary>
public sealed record ComponentScore(string Component, string Team, string? Level, int Checks, int Passed, IReadOnlyList<CheckOutcome> Results);

/// <summary>The Components of a scorecard in the latest evaluated week (null before the scorecard step has run).</summary>
public sealed record ScorecardComponents(LocalDate? Week, IReadOnlyList<ComponentScore> Components);

/// <summary>
/// What the scorecard step wrote (d_scorecard_checks, d_scorecard_levels), read for a scope through
/// queries/adoption_scorecard_checks.sql: per scorecard its pass shares and heat map, and per Component its checks.
/// </summary>
public sealed class ScorecardResultsService(QueryRunner queries)
{
    /// <param name="week">The Monday of the week wanted (the latest evaluated on or before it); null: the latest evaluated.</param>
    public IReadOnlyList<ScorecardSummary> Summaries(ScorecardSet set, MetricScope scope, LocalDate? week = null, CancellationToken cancellationToken = default)
    {
        var rows = Checks(null, scope, week, cancellationToken).ToLookup(r => r.Scorecard, StringComparer.Ordinal);
        return [.. set.Scorecards.Select(card => Summary(card, rows[card.Id].ToList()))];
    }

    /// <summary>The Components of <paramref name="scorecard"/> in scope in the latest evaluated week, by name.</summary>
    public ScorecardComponents Components(Scorecard scorecard, MetricScope scope, LocalDate? week = null, CancellationToken cancellationToken = default)
    {
        var rows = Checks(scorecard.Id, scope, week, cancellationToken);
        return new ScorecardComponents(rows.Count == 0 ? null : rows[0].Week, Scores(scorecard, rows));
    }

    private static List<ComponentScore> Scores(Scorecard scorecard, IReadOnlyList<CheckRow> rows) =>
        [.. rows.GroupBy(r => r.Component, StringComparer.Ordinal).Select(g =>
        {
            var passed = g.Where(r => r.Passed).Select(r => r.CheckId).ToHashSet(StringComparer.Ordinal);
            var order = scorecard.Checks.Select(c => c.Id).ToList();
            return new ComponentScore(g.Key, g.First().OwnerTeam ?? MetricScope.Unowned, scorecard.LevelOf(passed), g.Count(), passed.Count,
                [.. g.OrderBy(r => order.IndexOf(r.CheckId)).Select(r => new CheckOutcome(r.CheckId, r.Passed, r.EvidenceRepo, r.EvidenceFile,
                    r.EvidenceLine, r.EvidenceCommit, r.Detail))]);
        }).OrderBy(c => c.Component, StringComparer.Ordinal)];

    private static ScorecardSummary Summary(Scorecard card, List<CheckRow> rows)
    {
        var components = rows.Select(r => r.Component).Distinct(StringComparer.Ordinal).ToList();
        var passedBy = rows.Where(r => r.Passed).ToLookup(r => r.Component, r => r.CheckId, StringComparer.Ordinal);
        var levels = components.Select(c => card.LevelOf(passedBy[c].ToHashSet(StringComparer.Ordinal))).ToList();
        var names = card.Levels.Select(l => l.Name).ToList();
        var levelSummaries = card.Levels.Select((level, i) =>
            new LevelSummary(level.Name, level.Checks, levels.Count(l => l is not null && names.IndexOf(l) >= i))).ToList();
        var heat = rows.GroupBy(r => r.OwnerTeam ?? MetricScope.Unowned, StringComparer.Ordinal)
            .OrderBy(g => g.Key == MetricScope.Unowned).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new HeatMapRow(g.Key, g.Select(r => r.Component).Distinct(StringComparer.Ordinal).Count(), Shares(card, g.ToList())))
            .ToList();
        return new ScorecardSummary(card.Id, card.Title, card.Description, rows.Count == 0 ? null : rows[0].Week,
            components.Count, levelSummaries, Shares(card, rows), heat);
    }

    private static List<CheckSummary> Shares(Scorecard card, List<CheckRow> rows) =>
        [.. card.Checks.Select(check =>
        {
            var results = rows.Where(r => r.CheckId == check.Id).ToList();
            return new CheckSummary(check.Id, check.Title, results.Count, results.Count(r => r.Passed));
        })];

    private IReadOnlyList<CheckRow> Checks(string? scorecard, MetricScope scope, LocalDate? week, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters();
        parameters.Add("scorecard", scorecard);
        parameters.Add("week", week?.ToDateTimeUnspecified());
        parameters.Add("team", scope.Team);
        return queries.Run<CheckRow>("adoption_scorecard_checks", parameters, cancellationToken);
    }

    private sealed class CheckRow
    {
        public string Scorecard { get; init; } = "";
        public string CheckId { get; init; } = "";
        public string Component { get; init; } = "";
        public string? OwnerTeam { get; init; }
        public LocalDate Week { get; init; }
        public bool Passed { get; init; }
        public string? EvidenceRepo { get; init; }
        public string? EvidenceFile { get; init; }
        public int? EvidenceLine { get; init; }
        public string? EvidenceCommit { get; init; }
        public string Detail { get; init; } = "";
    }
}
