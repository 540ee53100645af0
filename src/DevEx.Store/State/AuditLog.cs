using Dapper;
using NodaTime;

namespace DevEx.Store.State;

/// <summary>One row of audit_log.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public Instant OccurredAt { get; init; }
    public required string Actor { get; init; }
    public required string Kind { get; init; }
    public required string Action { get; init; }
    public int? Status { get; init; }
}

/// <summary>
/// The audit log (audit_log): every entry is one write through the one write path; entries older than the retention are
/// deleted with the first write of each day, so the table holds at most the retention's worth.
/// </summary>
public sealed class AuditLog(DuckDbDatabase database, IClock clock)
{
    private long purgedOnDay = long.MinValue;

    /// <param name="retention">How long entries are kept.</param>
    public void Record(string actor, string kind, string action, int? status, Duration retention)
    {
        var now = clock.GetCurrentInstant();
        var day = now.ToUnixTimeTicks() / NodaConstants.TicksPerDay;
        var purge = Interlocked.Exchange(ref purgedOnDay, day) != day;
        database.Write((connection, transaction) =>
        {
            connection.Execute("INSERT INTO audit_log (occurred_at, actor, kind, action, status) VALUES ($now, $actor, $kind, $action, $status)",
                new { now, actor, kind, action, status }, transaction);
            if (purge)
            {
                connection.Execute("DELETE FROM audit_log WHERE occurred_at < $cutoff", new { cutoff = now - retention }, transaction);
            }
        });
    }

    /// <summary>Entries in [from, to), newest first, optionally of one actor or kind; at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<AuditEntry> Query(Instant from, Instant to, string? actor, string? kind, int limit)
    {
        using var connection = database.Open();
        return connection.Query<AuditEntry>("""
            SELECT id, occurred_at, actor, kind, action, status FROM audit_log
            WHERE occurred_at >= $from AND occurred_at < $to AND ($actor::VARCHAR IS NULL OR actor = $actor) AND ($kind::VARCHAR IS NULL OR kind = $kind)
            ORDER BY occurred_at DESC, id DESC
            LIMIT $limit
            """, new { from, to, actor, kind, limit }).AsList();
    }
}
