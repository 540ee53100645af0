using DevEx.Analytics.Calendar;
using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>How many people's mean weekly meeting load falls in one band; <c>To</c> null = no upper bound.</summary>
public sealed record MeetingLoadBand(string Band, double From, double? To, long People);

/// <summary>
/// A team's meeting load and focus time, per person per week: each person's mean over the window's weeks, then the
/// median and p75 over people. Below <c>MinCohort</c> people every figure and the distribution are null (withheld);
/// with no person-week at all (no calendar covers the window's weeks) they are null with <c>NoDataReason</c>, not withheld.
/// </summary>
public sealed record MeetingMetrics(
    LocalDate From, LocalDate To, string? Team, string Interval, long People, int MinCohort, bool Withheld, string? WithheldReason,
    double? MedianMeetingHoursPerWeek, double? P75MeetingHoursPerWeek, double? MedianMeetingLoad, double? P75MeetingLoad,
    double? MedianFocusHoursPerWeek, double? P75FocusHoursPerWeek, double? MedianFragmentedHoursPerWeek, double? P75FragmentedHoursPerWeek,
    double? MedianMeetingFreeDays, double? P75MeetingFreeDays, double? MedianLongestFocusHours, IReadOnlyList<MeetingLoadBand>? Distribution,
    string? DistributionWithheldReason = null, string? NoDataReason = null)
{
    public string Definition => "/docs/metrics#meetings-and-focus";

    /// <summary>What a figure reads when no calendar of the scope's people covers the window's weeks ("–" beside it).</summary>
    public const string NoCalendarData = "no calendar data";
}

/// <summary>
/// The meeting hours of a view: all its teams together (<see cref="All"/>: null when no one has a calendar; its total
/// null when withheld) and each team's. <see cref="AllWithheldBySubtraction"/>: the figure of all teams is withheld,
/// although it has MinCohort people, because the teams' own figures subtracted from it would reveal a smaller group's.
/// </summary>
public sealed record MeetingHoursInView(MeetingHours? All, bool AllWithheldBySubtraction, IReadOnlyDictionary<string, MeetingHours> Teams);

/// <summary>
/// The meeting hours of a group's people over the window (queries/meeting_hours_by_team.sql). Figures from fewer
/// than MinCohort people are withheld (null, Withheld true).
/// </summary>
public sealed record MeetingHours(string? Team, long People, bool Withheld, double? TotalHours, double? MedianHoursPerPersonWeek);

/// <summary>Meeting load and focus time of a team (queries/meeting_load.sql over d_person_weeks).</summary>
public sealed class MeetingMetricsService(QueryRunner queries, MeetingOptions options)
{
    /// <summary>Why a figure of all teams is withheld although it has MinCohort people (no one is named).</summary>
    public string SubtractionReason =>
        $"subtracting the teams' own figures from it would leave the figure of fewer people than the minimum cohort ({options.MinCohort})";

    public MeetingMetrics Get(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default)
    {
        var row = (IDictionary<string, object?>)queries.Run<dynamic>("meeting_load", MetricParameters.For(window, scope), cancellationToken)[0];
        var people = QueryValues.Long(row["people"]);
        if (people == 0)
        {
            // Nothing to withhold: no calendar covers these weeks, so there is no figure (not 40 h of focus and 0 %).
            var whose = scope.Team is null ? "no one's calendar" : "no calendar of this team's members";
            return new MeetingMetrics(window.From, window.To, scope.Team, "week", 0, options.MinCohort, false, null,
                null, null, null, null, null, null, null, null, null, null, null, null,
                NoDataReason: $"{MeetingMetrics.NoCalendarData}: {whose} covers these weeks");
        }
        if (people < options.MinCohort)
        {
            var who = people == 1 ? "1 person" : $"{people} people";
            var where = scope.Team is null ? "across all teams" : "in this team";
            return new MeetingMetrics(window.From, window.To, scope.Team, "week", people, options.MinCohort, true,
                $"{who} with calendars {where}; figures are shown from {options.MinCohort} (MinCohort)",
                null, null, null, null, null, null, null, null, null, null, null, null);
        }
        double? D(string name) => QueryValues.Double(row[name]);
        IReadOnlyList<MeetingLoadBand> bands =
        [
            new("0-10%", 0, 0.1, QueryValues.Long(row["band_0_10"])),
            new("10-20%", 0.1, 0.2, QueryValues.Long(row["band_10_20"])),
            new("20-30%", 0.2, 0.3, QueryValues.Long(row["band_20_30"])),
            new("30-50%", 0.3, 0.5, QueryValues.Long(row["band_30_50"])),
            new("50%+", 0.5, null, QueryValues.Long(row["band_50_plus"])),
        ];
        // Medians do not add up; people per band do: across all teams, or a department's, they are withheld where the
        // teams' own bands subtracted from them would give a smaller group's (complementary suppression, as for hours).
        var bySubtraction = HoursInView(window, scope, cancellationToken).AllWithheldBySubtraction;
        return new MeetingMetrics(window.From, window.To, scope.Team, "week", people, options.MinCohort, false, null,
            D("median_meeting_hours"), D("p75_meeting_hours"), D("median_meeting_load"), D("p75_meeting_load"),
            D("median_focus_hours"), D("p75_focus_hours"), D("median_fragmented_hours"), D("p75_fragmented_hours"),
            D("median_meeting_free_days"), D("p75_meeting_free_days"), D("median_longest_focus_hours"), bySubtraction ? null : bands,
            bySubtraction ? SubtractionReason : null);
    }

    /// <summary>
    /// The meeting hours of all the scope's teams together (the org's, or a department's: its teams and those below) and
    /// of each team. Every figure needs MinCohort people. On top of that, complementary suppression: the figure of all teams minus the figures of the teams shown (each from
    /// MinCohort people) would give the figure of the people left over, so when they are 1 to MinCohort − 1 people the
    /// figure of all teams is withheld too. They are counted conservatively, as the people of all teams minus the people
    /// of each team shown. A person in two teams counts in both, so the difference can be negative; its size is then the
    /// number of people the subtraction would count twice, whose hours it would give (negated): withheld below MinCohort
    /// as well.
    /// </summary>
    public MeetingHoursInView HoursInView(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default)
    {
        var all = Hours(window, scope, MetricGrouping.None, cancellationToken) is [var first, ..] ? first : null;
        var teams = Hours(window, scope, MetricGrouping.Team, cancellationToken).Where(m => m.Team is not null)
            .ToDictionary(m => m.Team!, StringComparer.Ordinal);
        var peopleShown = teams.Values.Where(m => !m.Withheld).Sum(m => m.People);
        var leftOver = Math.Abs((all?.People ?? 0) - peopleShown);
        var bySubtraction = all is { Withheld: false } && leftOver > 0 && leftOver < options.MinCohort;
        return new MeetingHoursInView(bySubtraction ? all! with { TotalHours = null } : all, bySubtraction, teams);
    }

    /// <summary>Meeting hours of the scope (grouping None: one entry, Team null) or of each team in it.</summary>
    public IReadOnlyList<MeetingHours> Hours(MetricWindow window, MetricScope scope, MetricGrouping grouping, CancellationToken cancellationToken = default)
    {
        var parameters = MetricParameters.For(window, scope);
        parameters.Add("group", grouping == MetricGrouping.Team ? "team" : "none");
        return queries.Run<dynamic>("meeting_hours_by_team", parameters, cancellationToken)
            .Select(r => (IDictionary<string, object?>)r)
            .Select(r =>
            {
                var people = QueryValues.Long(r["people"]);
                var withheld = people < options.MinCohort;
                return new MeetingHours((string?)r["grp"], people, withheld,
                    withheld ? null : QueryValues.Double(r["total_meeting_hours"]), withheld ? null : QueryValues.Double(r["median_meeting_hours"]));
            })
            .ToList();
    }
}
