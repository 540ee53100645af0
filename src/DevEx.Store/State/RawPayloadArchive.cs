using Dapper;
using DuckDB.NET.Data;
using NodaTime;

namespace DevEx.Store.State;

/// <summary>
/// What a source sent (webhook bodies, REST responses), kept in raw_payloads for a retention period so a mapping bug
/// can be fixed and the data re-mapped without asking the source again. Payloads are only ever appended and pruned.
/// </summary>
public sealed class RawPayloadArchive(DuckDbDatabase database)
{
    /// <param name="kind">The webhook event (push, pull_request...) or the REST resource (pulls, deployments...).</param>
    /// <param name="key">What the payload is about, e.g. a delivery id or "owner/name#12".</param>
    public void Keep(string source, string kind, string? key, string payload, Instant receivedAt) =>
        database.Write((connection, _) => Insert(connection, source, kind, key, payload, receivedAt));

    /// <summary>Inserts inside a caller's <see cref="DuckDbDatabase.Write{T}"/>, in the transaction of the rows mapped from it.</summary>
    public static void Insert(DuckDBConnection connection, string source, string kind, string? key, string payload, Instant receivedAt) =>
        connection.Execute(
            "INSERT INTO raw_payloads (source, kind, key, received_at, payload) VALUES ($source, $kind, $key, $receivedAt, $payload)",
            new { source, kind, key, receivedAt, payload });

    /// <summary>Deletes the source's payloads received before <paramref name="cutoff"/>; returns how many.</summary>
    public int Prune(string source, Instant cutoff) =>
        database.Write((connection, _) => connection.Execute(
            "DELETE FROM raw_payloads WHERE source = $source AND received_at < $cutoff", new { source, cutoff }));
}
