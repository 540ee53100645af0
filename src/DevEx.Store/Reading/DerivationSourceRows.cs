using NodaTime;

namespace DevEx.Store.Reading;

// The source rows the derivations read (DerivationSourceReader), loaded once per run: plain records, so the derivers
// in DevEx.Analytics see no database type.

public sealed record CommitInfo(string Repo, string Sha, IReadOnlyList<string> Parents, string Author, Instant AuthoredAt, string? Message);

public sealed record PullRequestInfo(
    string Repo, int Number, string Author, Instant CreatedAt, Instant? ReadyAt, Instant? MergedAt,
    string? MergeCommitSha, string? HeadBranch, string? Title, IReadOnlyList<string> Labels, int? Additions, int? Deletions)
{
    public string Ref => $"{Repo}#{Number}";
}

public sealed record ReviewInfo(string Repo, int Number, string Reviewer, string State, Instant SubmittedAt);

public sealed record DeploymentInfo(string Id, string Service, string? Repo, string Environment, string Sha, Instant FinishedAt, string Status);

/// <summary>An incident as the failure rules read it; <c>CausedByChange</c> and its reason are what the source said.</summary>
public sealed record IncidentInfo(string Id, string Service, Instant OpenedAt, string? CausedByDeployment, string? CausedBySha, string? CausedByPr,
    string? Title = null, bool? CausedByChange = null, string? CausedByChangeReason = null)
{
    public bool HasCause => CausedByDeployment is not null || CausedBySha is not null || CausedByPr is not null;
}

public sealed record ServiceInfo(string Id, string? OwnerTeam, string? ProductionEnvironments, IReadOnlyList<string> Repos);

public sealed record TeamInfo(string Id, string TimeZone, string WorkingHours);

public sealed record PipelineRunInfo(string Repo, string Sha, Instant CreatedAt, Instant? StartedAt, Instant? CompletedAt);
