using NodaTime;

namespace DevEx.Store.Rows;

// Rows as collectors and imports write them. Identities (author, reviewer) are kept as the source wrote them;
// people are resolved when metrics are derived, so a later catalog import maps earlier data too.

public sealed record RepositoryRow(string Repo, string? DefaultBranch, string? Url, string Source);

public sealed record CommitRow(
    string Repo, string Sha, IReadOnlyList<string> Parents, string Author, Instant AuthoredAt,
    Instant? CommittedAt, string? Message, string Source);

/// <summary>A pull request. <c>ReadyAt</c> null = ready for review when created; <c>Draft</c> = a draft as last collected.</summary>
public sealed record PullRequestRow(
    string Repo, int Number, string Author, Instant CreatedAt, Instant? ReadyAt, Instant? MergedAt,
    Instant? ClosedAt, string? MergeCommitSha, string? HeadBranch, string? BaseBranch, string? Title,
    IReadOnlyList<string> Labels, int? Additions, int? Deletions, string? Url, string Source, bool Draft = false);

public sealed record PullRequestCommitRow(string Repo, int Number, string Sha);

public sealed record ReviewRow(string Repo, int Number, string Reviewer, string State, Instant SubmittedAt);

public sealed record ReviewRequestRow(string Repo, int Number, string Reviewer, Instant RequestedAt);

public sealed record PipelineRunRow(
    string Repo, string Id, string Workflow, string Sha, string? Branch, string? Event, Instant CreatedAt,
    Instant? StartedAt, Instant? CompletedAt, string? Conclusion, int Attempt, string Source);

/// <summary>A deployment. <c>Ref</c>: the tag or branch it was made from, where the source names one other than the sha;
/// <c>ReleaseName</c>: its release's title, where it has one (migration 010).</summary>
public sealed record DeploymentRow(
    string Id, string Service, string? Repo, string Environment, string Sha, Instant? CreatedAt,
    Instant FinishedAt, string Status, string Source, string? Ref = null, string? ReleaseName = null);

/// <summary>An incident. <c>CausedByChange</c>: what the source said about a cause (null = unknown, the window rule
/// applies; false = no change caused it, it fails nothing), with <c>CausedByChangeReason</c> saying where that came from.</summary>
public sealed record IncidentRow(
    string Id, string Service, Instant OpenedAt, Instant? ResolvedAt, string? Title, string? Severity,
    string? CausedByDeployment, string? CausedBySha, string? CausedByPr, string Source,
    bool? CausedByChange = null, string? CausedByChangeReason = null);

public sealed record TicketRow(
    string Key, string Project, string Type, Instant CreatedAt, Instant? ResolvedAt, string? Title, string? Assignee,
    string? Team, IReadOnlyList<string> Labels, string Source);

/// <summary>One status change of a ticket; <see cref="Seq"/> orders them (0, 1, ...) after any repair.</summary>
public sealed record TicketTransitionRow(string Key, int Seq, Instant At, string? FromStatus, string ToStatus);

/// <summary>The category a source itself gives a status of a project.</summary>
public sealed record TicketStatusRow(string Source, string Project, string Status, string Category);

public sealed record ImportRejectRow(string SourceFile, int Line, string Reason, string Content, Instant RejectedAt)
{
    public string ContentHash => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Content)))[..16];
}
