using Dapper;
using DuckDB.NET.Data;
using NodaTime;

namespace DevEx.Store.State;

/// <summary>
/// webhook_deliveries: one row per delivery id with its outcome ("processed", "ignored", "failed: ..."), read and
/// written inside the delivery's own <see cref="DuckDbDatabase.Write{T}"/>, so the record commits with its rows.
/// </summary>
public static class WebhookDeliveryLog
{
    /// <summary>The stored outcome of a delivery; null when it was never recorded.</summary>
    public static string? Outcome(DuckDBConnection connection, string delivery) =>
        connection.QueryFirstOrDefault<string>("SELECT outcome FROM webhook_deliveries WHERE delivery_id = $delivery", new { delivery });

    /// <summary>Records (or, for a redelivery of a failed one, replaces) a delivery's outcome.</summary>
    public static void Save(DuckDBConnection connection, string delivery, string eventName, Instant receivedAt, string outcome) =>
        connection.Execute("""
            INSERT OR REPLACE INTO webhook_deliveries (delivery_id, event, received_at, outcome)
            VALUES ($delivery, $eventName, $receivedAt, $outcome)
            """, new { delivery, eventName, receivedAt, outcome });
}
