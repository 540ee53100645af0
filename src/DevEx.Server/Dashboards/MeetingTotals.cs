using DevEx.Analytics.Calendar;
using DevEx.Analytics.Metrics;

namespace DevEx.Server.Dashboards;

/// <summary>
/// The meeting hours of a view: all its teams together and each team. Every figure needs MinCohort people
/// (<see cref="MeetingMetricsService"/>). On top of that, complementary suppression: the figure of all teams minus the
/// figures of the teams shown (each from MinCohort people) would give the figure of the people left over, so when they
/// are 1 to MinCohort − 1 people the figure of all teams is withheld too. They are counted conservatively, as the
/// people of all teams minus the people of each team shown. A person in two teams counts in both, so the difference can
/// be negative; its size is then the number of people the subtraction would count twice, whose hours it would give
/// (negated): that is withheld below MinCohort as well.
/// </summary>
internal sealed class MeetingTotals(MeetingMetricsService meetings, OrgService org, MeetingOptions options, PanelCache cache)
{
    public int MinCohort => options.MinCohort;

    /// <summary>Why a figure of all teams is withheld although it has MinCohort people (no one is named).</summary>
    public string SubtractionReason =>
        $"subtracting the teams' own figures from it would leave the figure of fewer people than the minimum cohort ({options.MinCohort})";

    public MeetingTotalsInView Of(MetricWindow window, MetricScope scope, CancellationToken ct) =>
        cache.GetOrAdd($"meeting-totals?{new DashboardFilter(window, scope, MetricInterval.Week).Key}", () => Compute(window, scope, ct));

    private MeetingTotalsInView Compute(MetricWindow window, MetricScope scope, CancellationToken ct)
    {
        var all = meetings.Hours(window, scope, MetricGrouping.None, ct) is [var first, ..] ? first : null;
        var teams = meetings.Hours(window, scope, MetricGrouping.Team, ct).Where(m => m.Team is not null)
            .ToDictionary(m => m.Team!, StringComparer.Ordinal);
        // The teams whose own figure a view shows: the teams of the scope with MinCohort people.
        var peopleShown = org.Teams().Where(t => scope.Team is null || t.Id == scope.Team)
            .Select(t => teams.GetValueOrDefault(t.Id)).OfType<MeetingHours>().Where(m => !m.Withheld).Sum(m => m.People);
        var leftOver = Math.Abs((all?.People ?? 0) - peopleShown);
        var bySubtraction = all is { Withheld: false } && leftOver > 0 && leftOver < options.MinCohort;
        return new MeetingTotalsInView(bySubtraction ? all! with { TotalHours = null } : all, bySubtraction, teams);
    }
}

/// <summary>
/// The meeting hours of all the view's teams together (<see cref="All"/>: null when no one has a calendar; its total null
/// when withheld) and of each team. <see cref="AllWithheldBySubtraction"/>: the total of all teams is withheld, although
/// it has MinCohort people, because the teams' own figures subtracted from it would reveal a smaller group's.
/// </summary>
internal sealed record MeetingTotalsInView(MeetingHours? All, bool AllWithheldBySubtraction, IReadOnlyDictionary<string, MeetingHours> Teams);
