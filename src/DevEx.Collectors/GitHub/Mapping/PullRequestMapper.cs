using DevEx.Store.Rows;
using NodaTime;
using Octokit;

namespace DevEx.Collectors.GitHub.Mapping;

/// <summary>A pull request and its children, as written together (its children replace the stored ones).</summary>
public sealed record PullRequestRows(
    PullRequestRow PullRequest,
    IReadOnlyList<CommitRow> Commits,
    IReadOnlyList<PullRequestCommitRow> PullRequestCommits,
    IReadOnlyList<ReviewRow> Reviews,
    IReadOnlyList<ReviewRequestRow> ReviewRequests);

/// <summary>
/// PullRequest (pulls.get / pulls.list) with its commits (pulls.list-commits), reviews (pulls.list-reviews) and
/// issue events (issues.list-events) → pull_requests, commits, pull_request_commits, reviews and review_requests.
/// Issue events rather than Issue.Timeline: Octokit's TimelineEventInfo drops <c>requested_reviewer</c>, IssueEvent
/// keeps it, and both carry ready_for_review and convert_to_draft.
/// </summary>
public static class PullRequestMapper
{
    public static PullRequestRows Map(
        string repo,
        PullRequest pull,
        IReadOnlyList<PullRequestCommit> commits,
        IReadOnlyList<PullRequestReview> reviews,
        IReadOnlyList<IssueEvent> events)
    {
        var row = Map(repo, pull, ReadyAt(pull, events));
        return new PullRequestRows(
            row,
            commits.Select(c => CommitMapper.Map(repo, c)).ToList(),
            commits.Select(c => c.Sha).Distinct(StringComparer.Ordinal).Select(sha => new PullRequestCommitRow(repo, pull.Number, sha)).ToList(),
            reviews.Select(r => ReviewMapper.Map(repo, pull.Number, r)).OfType<ReviewRow>().ToList(),
            ReviewRequests(repo, pull.Number, events));
    }

    /// <summary>The pull request row alone (webhooks carry no commits list, reviews or events).</summary>
    public static PullRequestRow Map(string repo, PullRequest pull, Instant? readyAt) =>
        new(repo, pull.Number, GitHubMapping.Identity(pull.User?.Login, null, null), GitHubMapping.ToInstant(pull.CreatedAt),
            readyAt, MergedAt(pull), ClosedAt(pull), GitHubMapping.Blank(pull.MergeCommitSha), GitHubMapping.Blank(pull.Head?.Ref),
            GitHubMapping.Blank(pull.Base?.Ref), pull.Title, pull.Labels?.Select(l => l.Name).ToList() ?? [],
            pull.Additions, pull.Deletions, GitHubMapping.Blank(pull.HtmlUrl), GitHubMapping.Source, pull.Draft);

    /// <summary>
    /// Merged only when GitHub says the pull request is closed and gives a merge time. An open pull request cannot have
    /// been merged, whatever merged_at says: the pulls.get example response is open, "merged": false and still carries
    /// merged_at. Octokit computes Merged from merged_at, so the state is the one field that tells the truth there.
    /// A careful reader would not count such a pull request in lead time or PR flow, so neither do we.
    /// </summary>
    public static Instant? MergedAt(PullRequest pull) =>
        IsClosed(pull) ? GitHubMapping.ToInstantOrNull(pull.MergedAt) : null;

    /// <summary>Closed only when the state says closed (a reopened pull request is open again).</summary>
    public static Instant? ClosedAt(PullRequest pull) =>
        IsClosed(pull) ? GitHubMapping.ToInstantOrNull(pull.ClosedAt ?? pull.MergedAt) : null;

    /// <summary>
    /// When the pull request left draft: the last ready_for_review event, if it was opened as a draft (its first draft
    /// event is ready_for_review, not convert_to_draft). A pull request opened ready for review is ready at creation
    /// (null here: docs/metrics.md reads null as "creation"), even if it went back to draft later.
    /// </summary>
    public static Instant? ReadyAt(PullRequest pull, IReadOnlyList<IssueEvent> events)
    {
        var draftEvents = events
            .Where(e => e.Event.StringValue is "ready_for_review" or "convert_to_draft")
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .ToList();
        if (draftEvents.Count == 0 || draftEvents[0].Event.StringValue != "ready_for_review")
        {
            return null;
        }
        return GitHubMapping.ToInstant(draftEvents.Last(e => e.Event.StringValue == "ready_for_review").CreatedAt);
    }

    /// <summary>Every review_requested event naming a user (team requests name no person and are left out).</summary>
    public static IReadOnlyList<ReviewRequestRow> ReviewRequests(string repo, int number, IReadOnlyList<IssueEvent> events) =>
        events
            .Where(e => e.Event.StringValue == "review_requested" && !string.IsNullOrEmpty(e.RequestedReviewer?.Login))
            .Select(e => new ReviewRequestRow(repo, number, e.RequestedReviewer.Login, GitHubMapping.ToInstant(e.CreatedAt)))
            .ToList();

    private static bool IsClosed(PullRequest pull) =>
        string.Equals(pull.State.StringValue, "closed", StringComparison.OrdinalIgnoreCase);
}
