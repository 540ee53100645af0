using DevEx.Store.Rows;
using DevEx.Store.Writing;

namespace DevEx.Collectors.GitHub.Mapping;

/// <summary>
/// Rows mapped from GitHub, in the mapping's terms (cursors and payloads are GitHub's), written as one
/// <see cref="SourceBatch"/> (<see cref="ToSourceBatch"/>) by <see cref="GitHubRowWriter"/>. Two kinds of pull request: complete
/// ones (REST: the pull request with all its commits, reviews and requests, which replace the stored children) and
/// updates (webhooks: the pull request alone, plus any children the event carried, added to the stored ones).
/// </summary>
public sealed class GitHubBatch
{
    public List<RepositoryRow> Repositories { get; } = [];

    /// <summary>Commits whose parents are known (REST, git): written over whatever is stored.</summary>
    public List<CommitRow> Commits { get; } = [];

    /// <summary>
    /// Commits whose parents are a guess (push webhooks: a chain): written only when the commit is not stored yet, so
    /// a webhook never overwrites real parents with guessed ones.
    /// </summary>
    public List<CommitRow> ProvisionalCommits { get; } = [];

    /// <summary>Complete pull requests: their stored commits, reviews and review requests are replaced.</summary>
    public List<PullRequestRow> PullRequests { get; } = [];

    /// <summary>Pull requests from webhooks: the row is replaced, stored children are kept.</summary>
    public List<PullRequestRow> PullRequestUpdates { get; } = [];

    public List<PullRequestCommitRow> PullRequestCommits { get; } = [];
    public List<ReviewRow> Reviews { get; } = [];
    public List<ReviewRequestRow> ReviewRequests { get; } = [];
    public List<PipelineRunRow> PipelineRuns { get; } = [];
    public List<DeploymentRow> Deployments { get; } = [];
    public List<IncidentRow> Incidents { get; } = [];

    /// <summary>Issues as tickets (with <see cref="GitHubOptions.IssuesAsTickets"/>); their transitions replace the stored ones.</summary>
    public List<TicketRow> Tickets { get; } = [];
    public List<TicketTransitionRow> TicketTransitions { get; } = [];
    public List<TicketStatusRow> TicketStatuses { get; } = [];

    /// <summary>Cursors that cover these rows, saved in the same transaction (an interrupted sync re-reads exactly what was not written).</summary>
    public List<(string Scope, string Resource, string? Cursor, string? ETag, NodaTime.Instant At)> Cursors { get; } = [];

    /// <summary>What GitHub sent for these rows (kind = resource or event, key), kept in raw_payloads.</summary>
    public List<(string Kind, string? Key, string Payload, NodaTime.Instant ReceivedAt)> RawPayloads { get; } = [];

    /// <summary>Incident ids to delete: issues that lost the incident label, or were deleted or transferred.</summary>
    public List<string> RemovedIncidents { get; } = [];

    public int RowCount =>
        Repositories.Count + Commits.Count + ProvisionalCommits.Count + PullRequests.Count + PullRequestUpdates.Count
        + PullRequestCommits.Count + Reviews.Count + ReviewRequests.Count + PipelineRuns.Count + Deployments.Count
        + Incidents.Count + RemovedIncidents.Count + Tickets.Count + TicketTransitions.Count;

    /// <summary>The batch as the Store writes it: GitHub's cursors, payloads and incident removals under its source name.</summary>
    public SourceBatch ToSourceBatch()
    {
        var rows = new SourceBatch();
        rows.Repositories.AddRange(Repositories);
        rows.Commits.AddRange(Commits);
        rows.ProvisionalCommits.AddRange(ProvisionalCommits);
        rows.PullRequests.AddRange(PullRequests);
        rows.PullRequestUpdates.AddRange(PullRequestUpdates);
        rows.PullRequestCommits.AddRange(PullRequestCommits);
        rows.Reviews.AddRange(Reviews);
        rows.ReviewRequests.AddRange(ReviewRequests);
        rows.PipelineRuns.AddRange(PipelineRuns);
        rows.Deployments.AddRange(Deployments);
        rows.Incidents.AddRange(Incidents);
        rows.Tickets.AddRange(Tickets);
        rows.TicketTransitions.AddRange(TicketTransitions);
        rows.TicketStatuses.AddRange(TicketStatuses);
        rows.Cursors.AddRange(Cursors.Select(c => new SourceCursor(GitHubMapping.Source, c.Scope, c.Resource, c.Cursor, c.ETag, c.At)));
        rows.RawPayloads.AddRange(RawPayloads.Select(p => new RawPayload(GitHubMapping.Source, p.Kind, p.Key, p.Payload, p.ReceivedAt)));
        // Any source's incident of that id: an issue's incident is GitHub's, but the id is what the issue names.
        rows.RemovedIncidents.AddRange(RemovedIncidents.Select(id => new IncidentRemoval(id)));
        return rows;
    }

    /// <summary>Adds a complete pull request with its children.</summary>
    public void Add(PullRequestRows rows)
    {
        PullRequests.Add(rows.PullRequest);
        Commits.AddRange(rows.Commits);
        PullRequestCommits.AddRange(rows.PullRequestCommits);
        Reviews.AddRange(rows.Reviews);
        ReviewRequests.AddRange(rows.ReviewRequests);
    }
}
