using Dapper;
using DevEx.Analytics.Time;
using DevEx.Store;
using DevEx.Store.Writing;
using DuckDB.NET.Data;
using NodaTime;

namespace DevEx.Analytics.Calendar;

/// <summary>
/// Derives d_person_weeks from calendar_occurrences (docs/metrics.md, calendar): one row per person with a calendar per
/// ISO week their stored occurrences cover (<see cref="MeetingWeeks.CoveredWeeks"/>), in the calendar of their first
/// team by team id (no team: the default UTC calendar), moved to the person's own zone when their catalog User sets one
/// (docs/metrics.md: "a person may override"). <see cref="Write"/> replaces the table inside the derivation's one transaction.
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
        List<CalendarOccurrence> occurrences;
        Dictionary<string, string> firstTeam;
        Dictionary<string, string> personZone;
        using (var connection = database.Open())
        {
            occurrences = connection.Query<CalendarOccurrence>("""
                SELECT person_id AS PersonId, start_at AS StartAt, end_at AS EndAt, attendee_count AS AttendeeCount, response,
                       is_all_day AS IsAllDay, is_transparent AS IsTransparent, is_cancelled AS IsCancelled
                FROM calendar_occurrences ORDER BY person_id, start_at
                """).ToList();
            firstTeam = connection.Query<(string PersonId, string TeamId)>(
                    "SELECT person_id, min(team_id) FROM team_memberships GROUP BY person_id")
                .ToDictionary(r => r.PersonId, r => r.TeamId, StringComparer.Ordinal);
            personZone = connection.Query<(string Id, string Zone)>("SELECT id, timezone FROM people WHERE timezone IS NOT NULL")
                .ToDictionary(r => r.Id, r => r.Zone, StringComparer.Ordinal);
        }
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

    /// <summary>Replaces d_person_weeks on <paramref name="connection"/>, in the caller's transaction.</summary>
    public static void Write(DuckDBConnection connection, IReadOnlyList<PersonWeek> weeks)
    {
        connection.Execute("DELETE FROM d_person_weeks");
        TableWriter.Upsert(connection, PersonWeeks, weeks.ToList());
    }
}
