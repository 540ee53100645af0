using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store;
using DevEx.Store.State;
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

    /// <summary>Deletes GitHub payloads received before <paramref name="now"/> minus the retention; returns how many.</summary>
    public int Prune(Instant now) =>
        archive.Prune(GitHubMapping.Source, now - Duration.FromTimeSpan(options.RawPayloadRetention));
}
