using DevEx.Analytics.Derivations;
using DevEx.Store.Time;
using NodaTime;
using NodaTime.Text;

namespace DevEx.Analytics.Time;

/// <summary>Each team's working-hours calendar (zone, working week, org holidays); unknown teams get the default.</summary>
internal sealed class TeamCalendars
{
    private readonly Dictionary<string, WorkingHoursCalendar> calendars = new(StringComparer.Ordinal);
    private readonly WorkingHoursCalendar fallback;

    public TeamCalendars(IEnumerable<TeamInfo> teams, MetricOptions options)
    {
        var holidays = options.Holidays.Select(h => LocalDatePattern.Iso.Parse(h).GetValueOrThrow()).ToHashSet();
        fallback = new WorkingHoursCalendar(DateTimeZone.Utc, WorkingWeek.Default, holidays);
        foreach (var team in teams)
        {
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(team.TimeZone) ?? DateTimeZone.Utc;
            var week = WorkingWeek.TryParse(team.WorkingHours, out var parsed, out _) ? parsed : WorkingWeek.Default;
            calendars[team.Id] = new WorkingHoursCalendar(zone, week, holidays);
        }
    }

    public WorkingHoursCalendar For(string? team) => team is not null && calendars.TryGetValue(team, out var calendar) ? calendar : fallback;
}
