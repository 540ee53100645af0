using Dapper;
using DuckDB.NET.Data;
using NodaTime;

namespace DevEx.Store.State;

/// <summary>A resource's cursor: how far a source has read (e.g. the newest updated_at written).</summary>
public sealed record SyncCursor(string Source, string Scope, string Resource, string? Cursor, Instant UpdatedAt);

/// <summary>
/// Per source, scope (a repository) and resource (pulls, runs...) cursors in sync_state. A cursor is saved only after
/// the rows it covers are written, so a sync interrupted anywhere re-reads from the last saved point and, writes being
/// idempotent, ends with exactly the rows of an uninterrupted run.
/// </summary>
public sealed class SyncStateStore(DuckDbDatabase database, IClock clock)
{
    public string? Get(string source, string scope, string resource) => GetWithETag(source, scope, resource).Cursor;

    /// <summary>The cursor and the ETag of the response it was read from (null when never written).</summary>
    public (string? Cursor, string? ETag) GetWithETag(string source, string scope, string resource)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<(string?, string?)>(
            "SELECT cursor, etag FROM sync_state WHERE source = $source AND scope = $scope AND resource = $resource",
            new { source, scope, resource });
    }

    /// <summary>
    /// Saves a cursor, and the ETag of the list response it covers: a later 304 for that same ETag then proves the
    /// rows are already written (a 304 alone does not: the previous run may have stopped before writing).
    /// </summary>
    public void Set(string source, string scope, string resource, string? cursor, string? etag = null)
    {
        var now = clock.GetCurrentInstant();
        database.Write((connection, _) => Upsert(connection, source, scope, resource, cursor, etag, now));
    }

    /// <summary>
    /// Saves a cursor inside a caller's <see cref="DuckDbDatabase.Write{T}"/>, in the transaction of the rows it covers.
    /// State rows are upserted with ON CONFLICT on their primary key (one row at a time, never in bulk), not through
    /// TableWriter's delete-and-append, which exists for batches of source rows.
    /// </summary>
    public static void Upsert(DuckDBConnection connection, string source, string scope, string resource, string? cursor, string? etag, Instant now) =>
        connection.Execute("""
            INSERT INTO sync_state (source, scope, resource, cursor, etag, updated_at) VALUES ($source, $scope, $resource, $cursor, $etag, $now)
            ON CONFLICT (source, scope, resource) DO UPDATE SET cursor = excluded.cursor, etag = excluded.etag, updated_at = excluded.updated_at
            """, new { source, scope, resource, cursor, etag, now });

    public IReadOnlyList<SyncCursor> All(string source)
    {
        using var connection = database.Open();
        return connection.Query<SyncCursor>(
            "SELECT source, scope, resource, cursor, updated_at AS UpdatedAt FROM sync_state WHERE source = $source ORDER BY scope, resource",
            new { source }).ToList();
    }
}
