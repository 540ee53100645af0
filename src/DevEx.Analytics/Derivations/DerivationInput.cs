using NodaTime;

namespace DevEx.Analytics.Derivations;

// What the derivations read, loaded once per run. Identities are resolved to people while loading.

internal sealed record CommitInfo(string Repo, string Sha, IReadOnlyList<string> Parents, string Author, Instant AuthoredAt, string? Message);

internal sealed record PullRequestInfo(
    string Repo, int Number, string Author, Instant CreatedAt, Instant? ReadyAt, Instant? MergedAt,
    string? MergeCommitSha, string? HeadBranch, string? Title, IReadOnlyList<string> Labels, int? Additions, int? Deletions)
{
    public string Ref => $"{Repo}#{Number}";
}

internal sealed record ReviewInfo(string Repo, int Number, string Reviewer, string State, Instant SubmittedAt);

internal sealed record DeploymentInfo(string Id, string Service, string? Repo, string Environment, string Sha, Instant FinishedAt, string Status);

/// <summary>An incident as the failure rules read it; <c>CausedByChange</c> and its reason are what the source said.</summary>
internal sealed record IncidentInfo(string Id, string Service, Instant OpenedAt, string? CausedByDeployment, string? CausedBySha, string? CausedByPr,
    string? Title = null, bool? CausedByChange = null, string? CausedByChangeReason = null)
{
    public bool HasCause => CausedByDeployment is not null || CausedBySha is not null || CausedByPr is not null;
}

internal sealed record ServiceInfo(string Id, string? OwnerTeam, string? ProductionEnvironments, IReadOnlyList<string> Repos);

internal sealed record TeamInfo(string Id, string TimeZone, string WorkingHours);

internal sealed record PipelineRunInfo(string Repo, string Sha, Instant CreatedAt, Instant? StartedAt, Instant? CompletedAt);
