using DevEx.Analytics.Derivations;
using DevEx.Store.Reading;
using DevEx.Store.Time;
using NodaTime;

namespace DevEx.Analytics.Time;

/// <summary>Each team's working-hours calendar (zone, working week, org holidays); unknown teams get the default.</summary>
internal sealed class TeamCalendars
{
    private readonly Dictionary<string, WorkingHoursCalendar> calendars = new(StringComparer.Ordinal);
    private readonly WorkingHoursCalendar fallback;

    public TeamCalendars(IEnumerable<TeamInfo> teams, MetricOptions options)
    {
        var holidays = options.HolidayDates();
        fallback = new WorkingHoursCalendar(DateTimeZone.Utc, WorkingWeek.Default, holidays);
        foreach (var team in teams)
        {
            calendars[team.Id] = WorkingHoursCalendar.ForTeam(team.TimeZone, team.WorkingHours, holidays);
        }
    }

    public WorkingHoursCalendar For(string? team) => team is not null && calendars.TryGetValue(team, out var calendar) ? calendar : fallback;
}
