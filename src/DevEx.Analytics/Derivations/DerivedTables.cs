using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Analytics.Derivations;

/// <summary>The write specs of the d_* tables that queries/*.sql read.</summary>
internal static class DerivedTables
{
    public sealed record ChangeRow(DerivedChange Change, double LeadTimeHours, double LeadTimeWorkingHours, string? OwnerTeam);

    public sealed record DeploymentCommitRow(string DeploymentId, string Repo, string Sha);

    public sealed record QualityRow(string Kind, string Subject, string Detail);

    public static readonly TableSpec<DerivedDeployment> Deployments = new("d_deployments", ["id"],
    [
        new("id", d => d.Id), new("service", d => d.Service), new("repo", d => d.Repo),
        new("environment", d => d.Source.Environment), new("sha", d => d.Source.Sha), new("finished_at", d => d.FinishedAt),
        new("previous_id", d => d.Previous?.Id), new("is_first", d => d.Previous is null), new("sha_known", d => d.ShaKnown),
        new("is_rollback", d => d.IsRollback), new("change_set_size", d => d.ChangeSet.Count),
        new("change_count", d => d.AttributedChanges.Count), new("failed", d => d.Failed),
        new("failure_method", d => d.FailureMethod), new("failure_evidence", d => d.FailureEvidence),
        new("rework", d => d.ReworkReason is not null), new("rework_reason", d => d.ReworkReason),
        new("recovered_at", d => d.Recovery?.FinishedAt), new("recovery_deployment_id", d => d.Recovery?.Id),
        new("recovery_hours", d => d.Recovery is null ? (double?)null : (d.Recovery.FinishedAt - d.FinishedAt).TotalHours),
        new("owner_team", d => d.OwnerTeam),
    ]);

    public static readonly TableSpec<DeploymentCommitRow> DeploymentCommits = new("d_deployment_commits", ["deployment_id", "repo", "sha"],
        [new("deployment_id", r => r.DeploymentId), new("repo", r => r.Repo), new("sha", r => r.Sha)]);

    public static readonly TableSpec<ChangeRow> Changes = new("d_changes", ["service", "kind", "ref"],
    [
        new("service", r => r.Change.Service), new("kind", r => r.Change.Kind), new("repo", r => r.Change.Repo),
        new("ref", r => r.Change.Ref), new("started_at", r => r.Change.StartedAt), new("start_source", r => r.Change.StartSource),
        new("deployment_id", r => r.Change.Deployment!.Id), new("deployed_at", r => r.Change.Deployment!.FinishedAt),
        new("lead_time_hours", r => r.LeadTimeHours), new("lead_time_working_hours", r => r.LeadTimeWorkingHours),
        new("is_revert", r => r.Change.IsRevert), new("is_hotfix", r => r.Change.IsHotfix), new("owner_team", r => r.OwnerTeam),
    ]);

    public static readonly TableSpec<PullRequestFlowRow> PullRequests = new("d_pull_requests", ["repo", "number"],
    [
        new("repo", r => r.Repo), new("number", r => r.Number), new("author_person", r => r.AuthorPerson),
        new("is_bot", r => r.IsBot), new("owner_team", r => r.OwnerTeam), new("first_commit_at", r => r.FirstCommitAt),
        new("ready_at", r => r.ReadyAt), new("first_review_at", r => r.FirstReviewAt), new("approved_at", r => r.ApprovedAt),
        new("merged_at", r => r.MergedAt), new("deployed_at", r => r.DeployedAt), new("deployment_id", r => r.DeploymentId),
        new("coding_hours", r => r.Coding.Hours), new("pickup_hours", r => r.Pickup.Hours), new("review_hours", r => r.Review.Hours),
        new("merge_wait_hours", r => r.MergeWait.Hours), new("deploy_wait_hours", r => r.DeployWait.Hours),
        new("coding_working_hours", r => r.Coding.WorkingHours), new("pickup_working_hours", r => r.Pickup.WorkingHours),
        new("review_working_hours", r => r.Review.WorkingHours), new("merge_wait_working_hours", r => r.MergeWait.WorkingHours),
        new("deploy_wait_working_hours", r => r.DeployWait.WorkingHours), new("review_rounds", r => r.ReviewRounds),
        new("size", r => r.Size), new("clamped_spans", r => r.ClampedSpans), new("ci_queue_hours", r => r.CiQueue.Hours),
        new("ci_run_hours", r => r.CiRun.Hours), new("ci_runs", r => r.CiRuns),
        new("ci_queue_working_hours", r => r.CiQueue.WorkingHours), new("ci_run_working_hours", r => r.CiRun.WorkingHours),
    ]);

    public static readonly TableSpec<IncidentReading> Incidents = new("d_incidents", ["id"],
        [new("id", r => r.Incident.Id), new("service", r => r.Incident.Service), new("not_caused_reason", r => r.NotCausedReason)]);

    public static readonly TableSpec<QualityRow> Quality = new("d_data_quality", ["kind", "subject", "detail"],
        [new("kind", r => r.Kind), new("subject", r => r.Subject), new("detail", r => r.Detail)]);

    public static double Hours(Instant from, Instant to) => (to - from).TotalHours;
}
