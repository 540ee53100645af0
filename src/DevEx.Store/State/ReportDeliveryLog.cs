using System.Security.Cryptography;
using System.Text;
using Dapper;
using NodaTime;

namespace DevEx.Store.State;

/// <summary>One row of report_deliveries.</summary>
public sealed class ReportDelivery
{
    public required string Team { get; init; }
    public required string Week { get; init; }
    public required string Target { get; init; }
    public required string Status { get; init; }
    public int Attempts { get; init; }
    public int? LastStatusCode { get; init; }
    public string? LastError { get; init; }
    public Instant FirstAttemptAt { get; init; }
    public Instant LastAttemptAt { get; init; }
    public Instant? DeliveredAt { get; init; }
}

/// <summary>The delivery log (report_deliveries), keyed by team, week and target: what makes delivery at most once.</summary>
public sealed class ReportDeliveryLog(DuckDbDatabase database, IClock clock)
{
    /// <summary>A webhook's target name: a hash of its URL, so the secret URL is never stored.</summary>
    public static string WebhookTarget(string url) =>
        "webhook:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..12];

    public bool IsDelivered(string team, string week, string target)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>(
            "SELECT count(*) FROM report_deliveries WHERE team = $team AND week = $week AND target = $target AND status = 'delivered'",
            new { team, week, target }) > 0;
    }

    /// <summary>
    /// Records one HTTP attempt and its outcome: the first attempt of a key inserts, a later one counts up
    /// (attempts + 1 in ON CONFLICT, so the count never needs reading first).
    /// </summary>
    public void RecordAttempt(string team, string week, string target, bool delivered, int? statusCode, string? error)
    {
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        database.Write((connection, _) => connection.Execute("""
                INSERT INTO report_deliveries VALUES ($team, $week, $target, $status, 1, $code, $error, $now, $now, $delivered_at)
                ON CONFLICT (team, week, target) DO UPDATE SET status = excluded.status, attempts = report_deliveries.attempts + 1,
                    last_status_code = excluded.last_status_code, last_error = excluded.last_error,
                    last_attempt_at = excluded.last_attempt_at, delivered_at = excluded.delivered_at
                """,
                new { team, week, target, status = delivered ? "delivered" : "failed", code = statusCode, error, now, delivered_at = delivered ? now : (DateTime?)null }));
    }

    /// <summary>The weeks in [<paramref name="from"/>, <paramref name="before"/>) whose delivery to the target failed and never succeeded, oldest first.</summary>
    public IReadOnlyList<string> Owed(string team, string target, string from, string before)
    {
        using var connection = database.Open();
        return connection.Query<string>(
            "SELECT week FROM report_deliveries WHERE team = $team AND target = $target AND status = 'failed' AND week >= $from AND week < $before ORDER BY week",
            new { team, target, from, before }).AsList();
    }

    public IReadOnlyList<ReportDelivery> List(string? team = null)
    {
        using var connection = database.Open();
        return connection.Query<ReportDelivery>(
            "SELECT * FROM report_deliveries WHERE $team::VARCHAR IS NULL OR team = $team ORDER BY week DESC, team, target",
            new { team }).AsList();
    }
}
