using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Collectors.GitHub.Mapping;

/// <summary>
/// What GitHub's mapping adds to a <see cref="SourceBatch"/> in its own terms: cursors and payloads under GitHub's
/// source name, a complete pull request with its children, an incident removed by id. The REST sync and the webhooks
/// write the same one batch as the import, Jira and git.
/// </summary>
public static class GitHubSourceBatch
{
    /// <summary>A cursor that covers the batch's rows, saved in their transaction.</summary>
    public static void AddCursor(this SourceBatch batch, string scope, string resource, string? cursor, string? etag, Instant at) =>
        batch.Cursors.Add(new SourceCursor(GitHubMapping.Source, scope, resource, cursor, etag, at));

    /// <summary>What GitHub sent for the rows (kind = resource or event, key), kept in raw_payloads.</summary>
    public static void AddRawPayload(this SourceBatch batch, string kind, string? key, string payload, Instant receivedAt) =>
        batch.RawPayloads.Add(new RawPayload(GitHubMapping.Source, kind, key, payload, receivedAt));

    /// <summary>An incident to delete: an issue that lost the incident label, or was deleted or transferred.</summary>
    // Any source's incident of that id: an issue's incident is GitHub's, but the id is what the issue names.
    public static void RemoveIncident(this SourceBatch batch, string id) => batch.RemovedIncidents.Add(new IncidentRemoval(id));

    /// <summary>Adds a complete pull request with its children (they replace the stored ones).</summary>
    public static void Add(this SourceBatch batch, PullRequestRows rows)
    {
        batch.PullRequests.Add(rows.PullRequest);
        batch.Commits.AddRange(rows.Commits);
        batch.PullRequestCommits.AddRange(rows.PullRequestCommits);
        batch.Reviews.AddRange(rows.Reviews);
        batch.ReviewRequests.AddRange(rows.ReviewRequests);
    }
}
