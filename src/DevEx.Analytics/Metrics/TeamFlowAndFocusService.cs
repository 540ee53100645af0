using DevEx.Analytics.Calendar;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Metrics;

/// <summary>
/// One team's flow and focus in a window: ticket flow efficiency (working hours) over the tickets it finished, and the
/// medians over its people of meeting load and focus hours per week, withheld (null) below MinCohort people, and null
/// with <c>NoCalendarData</c> when no calendar of its people covers the window's weeks (nothing to withhold).
/// </summary>
public sealed record TeamFlowAndFocus(string TeamId, long TicketsDone, double? FlowEfficiency, long People, bool MeetingsWithheld,
    double? MedianMeetingLoad, double? MedianFocusHoursPerWeek)
{
    public bool NoCalendarData => People == 0;
}

/// <summary>
/// Flow and focus of every team in one pass (queries/team_flow_and_focus.sql), keyed by team id; what no catalog team owns
/// (tickets of no team, people with calendars in none) is the entry <see cref="MetricScope.Unowned"/>, so that tickets
/// done over the entries sum to the scope's.
/// </summary>
public sealed class TeamFlowAndFocusService(QueryRunner queries, MeetingOptions options)
{
    public IReadOnlyDictionary<string, TeamFlowAndFocus> ByTeam(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default) =>
        queries.Run<Row>("team_flow_and_focus", MetricParameters.For(window, scope), cancellationToken)
            .Select(r =>
            {
                var withheld = r.People > 0 && r.People < options.MinCohort;
                return new TeamFlowAndFocus(r.TeamId ?? MetricScope.Unowned, r.TicketsDone, r.FlowEfficiency, r.People, withheld,
                    withheld || r.People == 0 ? null : r.MedianMeetingLoad, withheld || r.People == 0 ? null : r.MedianFocusHours);
            })
            .ToDictionary(t => t.TeamId, StringComparer.Ordinal);

    private sealed class Row
    {
        public string? TeamId { get; init; }
        public long TicketsDone { get; init; }
        public double? FlowEfficiency { get; init; }
        public long People { get; init; }
        public double? MedianMeetingLoad { get; init; }
        public double? MedianFocusHours { get; init; }
    }
}
