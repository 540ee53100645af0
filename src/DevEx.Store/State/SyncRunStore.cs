using Dapper;
using NodaTime;

namespace DevEx.Store.State;

/// <summary>One row of sync_runs.</summary>
public sealed class SyncRun
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    public Instant StartedAt { get; init; }
    public Instant? FinishedAt { get; init; }
    public required string Status { get; init; }
    public long RowsWritten { get; init; }
    public long Requests { get; init; }
    public long NotModified { get; init; }
    public string? Error { get; init; }
}

/// <summary>Records every sync run (sync_runs), so GET /api/v1/sync can say what each source last did.</summary>
public sealed class SyncRunStore(DuckDbDatabase database, IClock clock)
{
    public string Start(string source)
    {
        var id = $"{source}:{clock.GetCurrentInstant().ToUnixTimeTicks()}:{Guid.NewGuid():N}";
        Execute("INSERT INTO sync_runs VALUES ($id, $source, $now, NULL, 'running', 0, 0, 0, NULL)",
            new { id, source, now = clock.GetCurrentInstant() });
        return id;
    }

    /// <summary>Closes a run with its status and counts (zeros when it did not finish normally).</summary>
    public void Finish(string id, string status, long rowsWritten, long requests, long notModified, string? error) =>
        Execute("""
            UPDATE sync_runs SET finished_at = $now, status = $status, rows_written = $rows, requests = $requests,
                   not_modified = $notModified, error = $error
            WHERE id = $id
            """,
            new
            {
                id, status, error, now = clock.GetCurrentInstant(), rows = rowsWritten, requests, notModified,
            });

    /// <summary>The latest run of every source, newest first.</summary>
    public IReadOnlyList<SyncRun> Latest()
    {
        using var connection = database.Open();
        return connection.Query<SyncRun>("""
            SELECT id, source, started_at, finished_at, status, rows_written, requests, not_modified, error FROM sync_runs
            QUALIFY row_number() OVER (PARTITION BY source ORDER BY started_at DESC) = 1
            ORDER BY started_at DESC
            """).ToList();
    }

    private void Execute(string sql, object parameters) =>
        database.Write((connection, _) => connection.Execute(sql, parameters));
}
