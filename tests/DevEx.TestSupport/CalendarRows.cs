using Dapper;
using DevEx.Store;

namespace DevEx.TestSupport;

/// <summary>Writes calendar_occurrences and team_memberships rows straight into a test store (the collector is elsewhere).</summary>
internal static class CalendarRows
{
    /// <summary>A meeting-like occurrence; times are "yyyy-MM-dd HH:mm" UTC.</summary>
    public static void Occurrence(DuckDbDatabase database, string person, string start, string end, int attendees = 3,
        string? response = "accepted", bool allDay = false, bool transparent = false, bool cancelled = false)
    {
        using var connection = database.Open();
        connection.Execute("""
            INSERT INTO calendar_occurrences (id, person_id, start_at, end_at, attendee_count, response, is_recurring, is_organizer,
                is_all_day, is_transparent, is_cancelled)
            VALUES ($id, $person, CAST($start AS TIMESTAMPTZ), CAST($end AS TIMESTAMPTZ), $attendees, $response, false, false,
                $allDay, $transparent, $cancelled)
            """, new
        {
            id = Guid.NewGuid().ToString("N"), person, start = start + ":00+00", end = end + ":00+00", attendees, response, allDay,
            transparent, cancelled,
        });
    }

    public static void Member(DuckDbDatabase database, string team, string person)
    {
        using var connection = database.Open();
        connection.Execute("INSERT INTO team_memberships (team_id, person_id) VALUES ($team, $person)", new { team, person });
    }
}
