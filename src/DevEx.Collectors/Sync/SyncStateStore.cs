using Dapper;
using DevEx.Store;
using NodaTime;

namespace DevEx.Collectors.Sync;

/// <summary>A resource's cursor: how far a source has read (e.g. the newest updated_at written).</summary>
public sealed record SyncCursor(string Source, string Scope, string Resource, string? Cursor, Instant UpdatedAt);

/// <summary>
/// Per source, scope (a repository) and resource (pulls, runs...) cursors in sync_state. A cursor is saved only after
/// the rows it covers are written, so a sync interrupted anywhere re-reads from the last saved point and, writes being
/// idempotent, ends with exactly the rows of an uninterrupted run.
/// </summary>
public sealed class SyncStateStore(DuckDbDatabase database, IClock clock)
{
    public string? Get(string source, string scope, string resource)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<string?>(
            "SELECT cursor FROM sync_state WHERE source = $source AND scope = $scope AND resource = $resource",
            new { source, scope, resource });
    }

    public void Set(string source, string scope, string resource, string? cursor)
    {
        database.WriteLock.Wait();
        try
        {
            using var connection = database.Open();
            connection.Execute("""
                INSERT INTO sync_state (source, scope, resource, cursor, etag, updated_at) VALUES ($source, $scope, $resource, $cursor, NULL, $now)
                ON CONFLICT (source, scope, resource) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at
                """, new { source, scope, resource, cursor, now = clock.GetCurrentInstant() });
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    public IReadOnlyList<SyncCursor> All(string source)
    {
        using var connection = database.Open();
        return connection.Query<SyncCursor>(
            "SELECT source, scope, resource, cursor, updated_at AS UpdatedAt FROM sync_state WHERE source = $source ORDER BY scope, resource",
            new { source }).ToList();
    }
}
