using Dapper;
using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store;
using DuckDB.NET.Data;
using NodaTime;

namespace DevEx.Collectors.GitHub;

/// <summary>
/// Keeps what GitHub sent (webhook bodies, REST responses) in raw_payloads for <see cref="GitHubOptions.RawPayloadRetention"/>,
/// so a mapping bug can be fixed and the data re-mapped without asking GitHub again.
/// </summary>
public sealed class RawPayloadStore(DuckDbDatabase database, GitHubOptions options)
{
    /// <param name="kind">The webhook event (push, pull_request...) or the REST resource (pulls, deployments...).</param>
    /// <param name="key">What the payload is about, e.g. a delivery id or "owner/name#12".</param>
    public void Store(string kind, string? key, string payload, Instant receivedAt)
    {
        database.Write((connection, _) => Insert(connection, kind, key, payload, receivedAt));
    }

    /// <summary>Inserts on a connection whose caller holds the write lock (and possibly a transaction).</summary>
    public static void Insert(DuckDBConnection connection, string kind, string? key, string payload, Instant receivedAt) =>
        connection.Execute(
            "INSERT INTO raw_payloads (source, kind, key, received_at, payload) VALUES ($source, $kind, $key, $receivedAt, $payload)",
            new { source = GitHubMapping.Source, kind, key, receivedAt, payload });

    /// <summary>Deletes GitHub payloads received before <paramref name="now"/> minus the retention; returns how many.</summary>
    public int Prune(Instant now)
    {
        var cutoff = now - Duration.FromTimeSpan(options.RawPayloadRetention);
        return database.Write((connection, _) => connection.Execute(
            "DELETE FROM raw_payloads WHERE source = $source AND received_at < $cutoff", new { source = GitHubMapping.Source, cutoff }));
    }
}
