using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store;
using DevEx.Store.State;
using DuckDB.NET.Data;
using NodaTime;

namespace DevEx.Collectors.GitHub;

/// <summary>
/// GitHub's payloads in the <see cref="RawPayloadArchive"/>, kept for <see cref="GitHubOptions.RawPayloadRetention"/>.
/// </summary>
public sealed class RawPayloadStore(DuckDbDatabase database, GitHubOptions options)
{
    private readonly RawPayloadArchive archive = new(database);

    /// <param name="kind">The webhook event (push, pull_request...) or the REST resource (pulls, deployments...).</param>
    /// <param name="key">What the payload is about, e.g. a delivery id or "owner/name#12".</param>
    public void Store(string kind, string? key, string payload, Instant receivedAt) =>
        archive.Keep(GitHubMapping.Source, kind, key, payload, receivedAt);

    /// <summary>
    /// Inserts inside a caller's write; kept for the webhook processor, whose write moves onto
    /// <c>SourceBatch</c> with the derivation queue (it is on the architecture test's allow-list until then).
    /// </summary>
    public static void Insert(DuckDBConnection connection, string kind, string? key, string payload, Instant receivedAt) =>
        RawPayloadArchive.Insert(connection, GitHubMapping.Source, kind, key, payload, receivedAt);

    /// <summary>Deletes GitHub payloads received before <paramref name="now"/> minus the retention; returns how many.</summary>
    public int Prune(Instant now) =>
        archive.Prune(GitHubMapping.Source, now - Duration.FromTimeSpan(options.RawPayloadRetention));
}
