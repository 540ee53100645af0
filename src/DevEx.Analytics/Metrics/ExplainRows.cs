using System.Text.Json.Serialization;
using NodaTime;

namespace DevEx.Analytics.Metrics;

// The rows of the explain listings (queries/explain_*.sql): what every metric value is made of.

public sealed class DeploymentExplanation
{
    public required string Id { get; init; }
    public required string Service { get; init; }
    public string? Repo { get; init; }
    public required string Sha { get; init; }

    /// <summary>The tag or branch deployed, where the source named one other than the sha.</summary>
    public string? Ref { get; init; }

    /// <summary>The release's title, where the deployment is a release that has one.</summary>
    public string? ReleaseName { get; init; }

    public required string Environment { get; init; }
    public Instant FinishedAt { get; init; }
    public string? PreviousId { get; init; }
    public bool IsFirst { get; init; }
    public bool ShaKnown { get; init; }
    public bool IsRollback { get; init; }
    public int ChangeSetSize { get; init; }
    public int ChangeCount { get; init; }
    public bool Failed { get; init; }
    public string? FailureMethod { get; init; }
    public string? FailureEvidence { get; init; }
    public bool Rework { get; init; }
    public string? ReworkReason { get; init; }
    public Instant? RecoveredAt { get; init; }
    public string? RecoveryDeploymentId { get; init; }
    public double? RecoveryHours { get; init; }
    public string? OwnerTeam { get; init; }

    /// <summary>Why this deployment adds nothing to lead time, when it does not.</summary>
    public string? Note => IsFirst ? "first deployment of its service and environment: no previous deployment, so an empty change set and no lead time"
        : !ShaKnown ? "sha not among the imported commits: change set unknown"
        : ChangeSetSize == 0 ? (IsRollback ? "rollback to an earlier sha: no new changes" : "redeploy of an already deployed sha: no new changes")
        : ChangeCount == 0 ? $"its change set ({ChangeSetSize} commits) was all shipped by earlier deployments (another release line): no new changes"
        : null;
}

public sealed class ChangeExplanation
{
    public required string Kind { get; init; }
    public required string Ref { get; init; }
    public required string Service { get; init; }
    public required string Repo { get; init; }
    public Instant StartedAt { get; init; }
    public required string StartSource { get; init; }
    public required string DeploymentId { get; init; }
    public Instant DeployedAt { get; init; }
    public double LeadTimeHours { get; init; }
    public double LeadTimeWorkingHours { get; init; }
    public bool IsRevert { get; init; }
    public bool IsHotfix { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
}

public sealed class PullRequestExplanation
{
    public required string Repo { get; init; }
    public int Number { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? OwnerTeam { get; init; }
    public bool IsBot { get; init; }
    public Instant? FirstCommitAt { get; init; }
    public Instant ReadyAt { get; init; }
    public Instant? FirstReviewAt { get; init; }
    public Instant? ApprovedAt { get; init; }
    public Instant MergedAt { get; init; }
    public Instant? DeployedAt { get; init; }
    public string? DeploymentId { get; init; }
    public double? CodingHours { get; init; }
    public double? PickupHours { get; init; }
    public double? ReviewHours { get; init; }
    public double? MergeWaitHours { get; init; }
    public double? DeployWaitHours { get; init; }
    public double? CodingWorkingHours { get; init; }
    public double? PickupWorkingHours { get; init; }
    public double? ReviewWorkingHours { get; init; }
    public double? MergeWaitWorkingHours { get; init; }
    public double? DeployWaitWorkingHours { get; init; }
    public int ReviewRounds { get; init; }
    public int? Size { get; init; }
    public int CiRuns { get; init; }
    public double? CiQueueHours { get; init; }
    public double? CiRunHours { get; init; }
    public double? CiQueueWorkingHours { get; init; }
    public double? CiRunWorkingHours { get; init; }
    public int ClampedSpans { get; init; }

    /// <summary>Ready for review to merged, wall clock (the listing's JSON has both instants, not this sum).</summary>
    [JsonIgnore]
    public double ReadyToMergedHours => (MergedAt - ReadyAt).TotalHours;
}

public sealed class IncidentExplanation
{
    public required string Id { get; init; }
    public required string Service { get; init; }
    public string? Title { get; init; }
    public string? Severity { get; init; }
    public Instant OpenedAt { get; init; }
    public Instant ResolvedAt { get; init; }
    public double RestoreHours { get; init; }
    public string? CausedByDeployment { get; init; }
    public string? CausedBySha { get; init; }
    public string? CausedByPr { get; init; }
    public string? CausedByPrUrl { get; init; }
    public string? OwnerTeam { get; init; }
    public required string Source { get; init; }

    /// <summary>Why the incident fails no deployment: no change caused it (e.g. "label infrastructure"); null = the failure rules apply.</summary>
    public string? NotCausedReason { get; init; }

    /// <summary>The deployment this incident failed by the window rule (it names no cause), if any.</summary>
    public string? WindowDeploymentId { get; init; }
}

/// <summary>One row behind a data-quality count: a derivation finding (Line null) or a rejected import line (Kind = its file).</summary>
public sealed class DataQualityFinding
{
    public required string Category { get; init; }
    public required string Kind { get; init; }
    public required string Subject { get; init; }
    public required string Detail { get; init; }
    public int? Line { get; init; }
    public Instant? RejectedAt { get; init; }
}

/// <summary>A commit, pull request or review by an identity no catalog User claims.</summary>
public sealed class IdentityOccurrence
{
    public required string Identity { get; init; }
    public required string SeenIn { get; init; }
    public required string Repo { get; init; }
    public required string Ref { get; init; }
    public Instant SeenAt { get; init; }
    public string? Url { get; init; }
}
