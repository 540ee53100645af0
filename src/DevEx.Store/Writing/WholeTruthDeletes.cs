using Dapper;
using DuckDB.NET.Data;
using NodaTime;

namespace DevEx.Store.Writing;

/// <summary>
/// Deletes for sources that are the whole truth of a slice (a calendar file for its person's window, a file for its
/// rejects): what the new read no longer has is gone. Inside a caller's <see cref="DuckDbDatabase.Write{T}"/>.
/// </summary>
public static class WholeTruthDeletes
{
    public static void CalendarWindow(DuckDBConnection connection, string personId, Instant from, Instant to) =>
        connection.Execute("DELETE FROM calendar_occurrences WHERE person_id = $personId AND start_at >= $from AND start_at < $to",
            new { personId, from, to });

    public static void RejectsOf(DuckDBConnection connection, string sourceFile) =>
        connection.Execute("DELETE FROM import_rejects WHERE source_file = $sourceFile", new { sourceFile });
}
