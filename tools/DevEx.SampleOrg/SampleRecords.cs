using NodaTime;

namespace DevEx.SampleOrg;

// One record per line of the import format (IMPORT-FORMAT.md); field names follow it exactly.

internal sealed record CommitRecord(
    string Repo, string Sha, IReadOnlyList<string> Parents, string Author, OffsetDateTime AuthoredAt,
    OffsetDateTime CommittedAt, string Message);

internal sealed record ReviewRequestRecord(string Reviewer, Instant RequestedAt);

internal sealed record ReviewRecord(string Reviewer, string State, Instant SubmittedAt);

internal sealed record PullRequestRecord(
    string Repo, int Number, string Author, Instant CreatedAt, Instant? ReadyAt, Instant? MergedAt, Instant? ClosedAt,
    string? MergeCommitSha, string HeadBranch, string BaseBranch, string Title, IReadOnlyList<string> Labels,
    IReadOnlyList<string> Commits, int? Additions, int? Deletions, IReadOnlyList<ReviewRequestRecord> ReviewRequests,
    IReadOnlyList<ReviewRecord> Reviews, bool Draft);

internal sealed record PipelineRunRecord(
    string Repo, string Id, string Workflow, string Sha, string Branch, string Event, Instant CreatedAt,
    Instant? StartedAt, Instant? CompletedAt, string? Conclusion, int Attempt);

internal sealed record DeploymentRecord(
    string Id, string Service, string Repo, string Environment, string Sha, OffsetDateTime CreatedAt,
    OffsetDateTime FinishedAt, string Status);

/// <summary><paramref name="CausedByKind"/> is deployment, sha or pr; null for an incident with no known cause.</summary>
internal sealed record IncidentRecord(
    string Id, string Service, OffsetDateTime OpenedAt, OffsetDateTime? ResolvedAt, string Title, string Severity,
    string? CausedByKind, string? CausedByValue);
