using DevEx.Analytics.Calendar;
using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>How many people's mean weekly meeting load falls in one band; <c>To</c> null = no upper bound.</summary>
public sealed record MeetingLoadBand(string Band, double From, double? To, long People);

/// <summary>
/// A team's meeting load and focus time, per person per week: each person's mean over the window's weeks, then the
/// median and p75 over people. Below <c>MinCohort</c> people every figure and the distribution are null.
/// </summary>
public sealed record MeetingMetrics(
    LocalDate From, LocalDate To, string? Team, string Interval, long People, int MinCohort, bool Withheld, string? WithheldReason,
    double? MedianMeetingHoursPerWeek, double? P75MeetingHoursPerWeek, double? MedianMeetingLoad, double? P75MeetingLoad,
    double? MedianFocusHoursPerWeek, double? P75FocusHoursPerWeek, double? MedianFragmentedHoursPerWeek, double? P75FragmentedHoursPerWeek,
    double? MedianMeetingFreeDays, double? P75MeetingFreeDays, double? MedianLongestFocusHours, IReadOnlyList<MeetingLoadBand>? Distribution)
{
    public string Definition => "/docs/metrics#meetings-and-focus";
}

/// <summary>
/// The meeting hours of a group's people over the window (queries/meeting_hours_by_team.sql). Figures from fewer
/// than MinCohort people are withheld (null, Withheld true).
/// </summary>
public sealed record MeetingHours(string? Team, long People, bool Withheld, double? TotalHours, double? MedianHoursPerPersonWeek);

/// <summary>Meeting load and focus time of a team (queries/meeting_load.sql over d_person_weeks).</summary>
public sealed class MeetingMetricsService(QueryRunner queries, MeetingOptions options)
{
    public MeetingMetrics Get(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default)
    {
        var row = (IDictionary<string, object?>)queries.Run<dynamic>("meeting_load", MetricParameters.For(window, scope), cancellationToken)[0];
        var people = QueryValues.Long(row["people"]);
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
        return new MeetingMetrics(window.From, window.To, scope.Team, "week", people, options.MinCohort, false, null,
            D("median_meeting_hours"), D("p75_meeting_hours"), D("median_meeting_load"), D("p75_meeting_load"),
            D("median_focus_hours"), D("p75_focus_hours"), D("median_fragmented_hours"), D("p75_fragmented_hours"),
            D("median_meeting_free_days"), D("p75_meeting_free_days"), D("median_longest_focus_hours"), bands);
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
