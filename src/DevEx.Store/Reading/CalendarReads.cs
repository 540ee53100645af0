using Dapper;
using NodaTime;

namespace DevEx.Store.Reading;

/// <summary>One stored calendar occurrence of a person (calendar_occurrences), as the meeting derivation reads it.</summary>
public sealed record StoredOccurrence(string PersonId, Instant StartAt, Instant EndAt, int AttendeeCount, string? Response,
    bool IsAllDay, bool IsTransparent, bool IsCancelled);

/// <summary>What the meeting-week derivation reads: every stored occurrence, each person's first team and own zone.</summary>
public static class CalendarReads
{
    /// <summary>
    /// Every occurrence by person and start, streamed: the caller keeps its own copy of each, so the rows are not held
    /// twice (an org's calendars are millions of occurrences). The connection closes when the enumeration ends.
    /// </summary>
    public static IEnumerable<StoredOccurrence> Occurrences(DuckDbDatabase database)
    {
        using var connection = database.Open();
        foreach (var occurrence in connection.Query<StoredOccurrence>("""
            SELECT person_id AS PersonId, start_at AS StartAt, end_at AS EndAt, attendee_count AS AttendeeCount, response,
                   is_all_day AS IsAllDay, is_transparent AS IsTransparent, is_cancelled AS IsCancelled
            FROM calendar_occurrences ORDER BY person_id, start_at
            """, buffered: false))
        {
            yield return occurrence;
        }
    }

    /// <summary>Each member's first team, by team id.</summary>
    public static IReadOnlyDictionary<string, string> FirstTeams(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<(string PersonId, string TeamId)>("SELECT person_id, min(team_id) FROM team_memberships GROUP BY person_id")
            .ToDictionary(r => r.PersonId, r => r.TeamId, StringComparer.Ordinal);
    }

    /// <summary>The zone of every person whose catalog User sets one (not their team's: see PeopleLookups.Zones for that).</summary>
    public static IReadOnlyDictionary<string, string> OwnZones(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<(string Id, string Zone)>("SELECT id, timezone FROM people WHERE timezone IS NOT NULL")
            .ToDictionary(r => r.Id, r => r.Zone, StringComparer.Ordinal);
    }
}
