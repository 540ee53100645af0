using DevEx.Analytics.Time;
using DevEx.Store;
using DevEx.Store.Reading;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Analytics.Calendar;

/// <summary>
/// Derives d_person_weeks from calendar_occurrences (docs/metrics.md, calendar): one row per person with a calendar per
/// ISO week their stored occurrences cover (<see cref="MeetingWeeks.CoveredWeeks"/>), in the calendar of their first
/// team by team id (no team: the default UTC calendar), moved to the person's own zone when their catalog User sets one
/// (docs/metrics.md: "a person may override"). <see cref="Replacements"/> replaces the table inside the derivation's one transaction.
/// </summary>
internal sealed class MeetingWeekDeriver(DuckDbDatabase database, MeetingOptions options)
{
    private static readonly TableSpec<PersonWeek> PersonWeeks = new("d_person_weeks", ["person_id", "week"],
    [
        new("person_id", w => w.PersonId), new("team_id", w => w.TeamId), new("week", w => w.Week),
        new("working_hours", w => w.WorkingHours), new("meeting_hours", w => w.MeetingHours), new("meeting_load", w => w.MeetingLoad),
        new("focus_hours", w => w.FocusHours), new("fragmented_hours", w => w.FragmentedHours),
        new("meeting_free_days", w => w.MeetingFreeDays), new("longest_focus_hours", w => w.LongestFocusHours),
    ]);

    public IReadOnlyList<PersonWeek> Derive(TeamCalendars calendars)
    {
        var occurrences = CalendarReads.Occurrences(database)
            .Select(o => new CalendarOccurrence(o.PersonId, o.StartAt, o.EndAt, o.AttendeeCount, o.Response, o.IsAllDay, o.IsTransparent, o.IsCancelled))
            .ToList();
        var firstTeam = CalendarReads.FirstTeams(database);
        var personZone = CalendarReads.OwnZones(database);
        var focusBlock = Duration.FromTimeSpan(options.FocusBlock);
        var weeks = occurrences.GroupBy(o => o.PersonId, StringComparer.Ordinal)
            .SelectMany(g =>
            {
                var team = firstTeam.GetValueOrDefault(g.Key);
                var calendar = calendars.For(team);
                if (personZone.TryGetValue(g.Key, out var zoneName) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneName) is { } zone)
                {
                    calendar = calendar.InZone(zone);
                }
                return MeetingWeeks.For(g.Key, team, g.ToList(), calendar, focusBlock);
            })
            .ToList();
        return weeks;
    }

    /// <summary>The replacement of d_person_weeks, which the derivation applies inside its one transaction.</summary>
    public static TableReplacements Replacements(IReadOnlyList<PersonWeek> weeks) =>
        new TableReplacements().Replace(PersonWeeks, weeks.ToList());
}
