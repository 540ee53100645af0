using NodaTime;

namespace DevEx.SampleOrg;

internal enum PullRequestKind
{
    Feature,
    Bot,
    Revert,
    Hotfix,
}

internal enum PullRequestOutcome
{
    Merged,
    Closed,
    Open,
}

internal enum MergeMethod
{
    Merge,
    Squash,
    Rebase,
}

internal sealed record PlannedCommit(SamplePerson Author, string Email, Instant AuthoredAt, string Message);

/// <summary>Commits that reach the PR branch together; each push triggers CI on its last commit.</summary>
internal sealed record PlannedPush(Instant At, IReadOnlyList<PlannedCommit> Commits);

/// <summary>
/// A pull request's whole timeline, decided before the simulation runs (or when an incident calls for it). Only
/// shas depend on the simulation: the branch starts from whatever main is at <see cref="StartAt"/>, and the merge
/// lands on whatever main is at <see cref="FinishedAt"/>.
/// </summary>
internal sealed record PullRequestPlan(
    PullRequestKind Kind,
    SamplePerson Author,
    string Title,
    string HeadBranch,
    IReadOnlyList<string> Labels,
    int? Additions,
    int? Deletions,
    Instant StartAt,
    Instant CreatedAt,
    Instant? ReadyAt,
    IReadOnlyList<PlannedPush> Pushes,
    IReadOnlyList<ReviewRequestRecord> Requests,
    IReadOnlyList<ReviewRecord> Reviews,
    PullRequestOutcome Outcome,
    Instant? FinishedAt,
    MergeMethod Method,
    SamplePerson Merger);

/// <summary>A commit pushed straight to the default branch, without a pull request.</summary>
internal sealed record DirectPushPlan(Instant At, SamplePerson Author, string Message);
