using DevEx.Store.Rows;

namespace DevEx.Store.Writing;

/// <summary>The write specs of the source tables: one place that knows which column holds which field.</summary>
public static class Tables
{
    public static readonly TableSpec<RepositoryRow> Repositories = new("repositories", ["repo"],
    [
        new("repo", r => r.Repo), new("default_branch", r => r.DefaultBranch), new("url", r => r.Url),
        new("source", r => r.Source),
    ]);

    public static readonly TableSpec<CommitRow> Commits = new("commits", ["repo", "sha"],
    [
        new("repo", r => r.Repo), new("sha", r => r.Sha), new("parents", r => r.Parents), new("author", r => r.Author),
        new("authored_at", r => r.AuthoredAt), new("committed_at", r => r.CommittedAt), new("message", r => r.Message),
        new("source", r => r.Source),
    ]);

    public static readonly TableSpec<PullRequestRow> PullRequests = new("pull_requests", ["repo", "number"],
    [
        new("repo", r => r.Repo), new("number", r => r.Number), new("author", r => r.Author),
        new("created_at", r => r.CreatedAt), new("ready_at", r => r.ReadyAt), new("merged_at", r => r.MergedAt),
        new("closed_at", r => r.ClosedAt), new("merge_commit_sha", r => r.MergeCommitSha),
        new("head_branch", r => r.HeadBranch), new("base_branch", r => r.BaseBranch), new("title", r => r.Title),
        new("labels", r => r.Labels), new("additions", r => r.Additions), new("deletions", r => r.Deletions),
        new("url", r => r.Url), new("source", r => r.Source), new("draft", r => r.Draft),
    ]);

    /// <summary>Only the key of a pull request: used to replace its child rows.</summary>
    public static readonly TableSpec<PullRequestRow> PullRequestKeys = new("pull_requests", ["repo", "number"],
        [new("repo", r => r.Repo), new("number", r => r.Number)]);

    public static readonly TableSpec<PullRequestCommitRow> PullRequestCommits = new("pull_request_commits", ["repo", "number", "sha"],
        [new("repo", r => r.Repo), new("number", r => r.Number), new("sha", r => r.Sha)]);

    public static readonly TableSpec<ReviewRow> Reviews = new("reviews", ["repo", "number", "reviewer", "submitted_at"],
    [
        new("repo", r => r.Repo), new("number", r => r.Number), new("reviewer", r => r.Reviewer),
        new("state", r => r.State), new("submitted_at", r => r.SubmittedAt),
    ]);

    public static readonly TableSpec<ReviewRequestRow> ReviewRequests = new("review_requests", ["repo", "number", "reviewer", "requested_at"],
    [
        new("repo", r => r.Repo), new("number", r => r.Number), new("reviewer", r => r.Reviewer),
        new("requested_at", r => r.RequestedAt),
    ]);

    public static readonly TableSpec<PipelineRunRow> PipelineRuns = new("pipeline_runs", ["repo", "id"],
    [
        new("repo", r => r.Repo), new("id", r => r.Id), new("workflow", r => r.Workflow), new("sha", r => r.Sha),
        new("branch", r => r.Branch), new("event", r => r.Event), new("created_at", r => r.CreatedAt),
        new("started_at", r => r.StartedAt), new("completed_at", r => r.CompletedAt),
        new("conclusion", r => r.Conclusion), new("attempt", r => r.Attempt), new("source", r => r.Source),
    ]);

    public static readonly TableSpec<DeploymentRow> Deployments = new("deployments", ["id"],
    [
        new("id", r => r.Id), new("service", r => r.Service), new("repo", r => r.Repo),
        new("environment", r => r.Environment), new("sha", r => r.Sha), new("created_at", r => r.CreatedAt),
        new("finished_at", r => r.FinishedAt), new("status", r => r.Status), new("source", r => r.Source),
        new("ref", r => r.Ref), new("release_name", r => r.ReleaseName),
    ]);

    public static readonly TableSpec<IncidentRow> Incidents = new("incidents", ["id"],
    [
        new("id", r => r.Id), new("service", r => r.Service), new("opened_at", r => r.OpenedAt),
        new("resolved_at", r => r.ResolvedAt), new("title", r => r.Title), new("severity", r => r.Severity),
        new("caused_by_deployment", r => r.CausedByDeployment), new("caused_by_sha", r => r.CausedBySha),
        new("caused_by_pr", r => r.CausedByPr), new("source", r => r.Source),
        new("caused_by_change", r => r.CausedByChange), new("caused_by_change_reason", r => r.CausedByChangeReason),
    ]);

    public static readonly TableSpec<TicketRow> Tickets = new("tickets", ["key"],
    [
        new("key", r => r.Key), new("project", r => r.Project), new("type", r => r.Type), new("created_at", r => r.CreatedAt),
        new("resolved_at", r => r.ResolvedAt), new("title", r => r.Title), new("assignee", r => r.Assignee), new("team", r => r.Team),
        new("labels", r => r.Labels), new("source", r => r.Source),
    ]);

    /// <summary>Only the key of a ticket: used to replace its transitions.</summary>
    public static readonly TableSpec<TicketRow> TicketKeys = new("tickets", ["key"], [new("key", r => r.Key)]);

    public static readonly TableSpec<TicketTransitionRow> TicketTransitions = new("ticket_transitions", ["key", "seq"],
    [
        new("key", r => r.Key), new("seq", r => r.Seq), new("at", r => r.At), new("from_status", r => r.FromStatus),
        new("to_status", r => r.ToStatus),
    ]);

    public static readonly TableSpec<TicketStatusRow> TicketStatuses = new("ticket_statuses", ["source", "project", "status"],
        [new("source", r => r.Source), new("project", r => r.Project), new("status", r => r.Status), new("category", r => r.Category)]);

    public static readonly TableSpec<ImportRejectRow> ImportRejects = new("import_rejects", ["source_file", "line", "content_hash"],
    [
        new("source_file", r => r.SourceFile), new("line", r => r.Line), new("content_hash", r => r.ContentHash), new("reason", r => r.Reason),
        new("content", r => r.Content), new("rejected_at", r => r.RejectedAt),
    ]);

    public static readonly TableSpec<TeamRow> Teams = new("teams", ["id"],
    [
        new("id", r => r.Id), new("display_name", r => r.DisplayName), new("parent", r => r.Parent),
        new("timezone", r => r.TimeZone), new("working_hours", r => r.WorkingHours),
    ]);

    public static readonly TableSpec<PersonRow> People = new("people", ["id"],
    [
        new("id", r => r.Id), new("display_name", r => r.DisplayName), new("email", r => r.Email),
        new("timezone", r => r.TimeZone), new("is_mapped", r => r.IsMapped),
    ]);

    public static readonly TableSpec<IdentityRow> Identities = new("identities", ["identity"],
        [new("identity", r => r.Identity), new("person_id", r => r.PersonId), new("kind", r => r.Kind)]);

    public static readonly TableSpec<TeamMembershipRow> TeamMemberships = new("team_memberships", ["team_id", "person_id"],
        [new("team_id", r => r.TeamId), new("person_id", r => r.PersonId)]);

    public static readonly TableSpec<ServiceRow> Services = new("services", ["id"],
    [
        new("id", r => r.Id), new("owner_team", r => r.OwnerTeam),
        new("production_environments", r => r.ProductionEnvironments), new("golden_path", r => r.GoldenPath),
        new("from_catalog", r => r.FromCatalog),
    ]);

    public static readonly TableSpec<ServiceRepositoryRow> ServiceRepositories = new("service_repositories", ["service_id", "repo"],
        [new("service_id", r => r.ServiceId), new("repo", r => r.Repo)]);

    public static readonly TableSpec<RepositoryFileRow> RepositoryFiles = new("repository_files", ["repo", "path"],
    [
        new("repo", r => r.Repo), new("path", r => r.Path), new("blob_sha", r => r.BlobSha), new("commit_sha", r => r.CommitSha),
        new("committed_at", r => r.CommittedAt), new("content", r => r.Content), new("size", r => r.Size), new("omitted", r => r.Omitted),
        new("fetched_at", r => r.FetchedAt), new("source", r => r.Source),
    ]);

    /// <summary>Only the key of a repository file: used to delete the files no longer on the default branch.</summary>
    public static readonly TableSpec<RepositoryFileRemoval> RepositoryFileKeys = new("repository_files", ["repo", "path"],
        [new("repo", r => r.Repo), new("path", r => r.Path)]);

    public static readonly TableSpec<RepositoryFileVersionRow> RepositoryFileVersions = new("repository_file_versions", ["repo", "path", "commit_sha"],
    [
        new("repo", r => r.Repo), new("path", r => r.Path), new("commit_sha", r => r.CommitSha), new("committed_at", r => r.CommittedAt),
        new("blob_sha", r => r.BlobSha),
    ]);

    public static readonly TableSpec<RepositoryFileContentRow> RepositoryFileContents = new("repository_file_contents", ["blob_sha"],
        [new("blob_sha", r => r.BlobSha), new("size", r => r.Size), new("content", r => r.Content), new("omitted", r => r.Omitted)]);

    public static readonly TableSpec<CatalogEntityRow> CatalogEntities = new("catalog_entities", ["entity_ref"],
    [
        new("entity_ref", r => r.EntityRef), new("kind", r => r.Kind), new("namespace", r => r.Namespace), new("name", r => r.Name),
        new("title", r => r.Title), new("description", r => r.Description), new("lifecycle", r => r.Lifecycle),
        new("owner_ref", r => r.OwnerRef), new("system_ref", r => r.SystemRef), new("domain_ref", r => r.DomainRef),
        new("parent_ref", r => r.ParentRef), new("type", r => r.Type), new("annotations", r => r.Annotations),
        new("labels", r => r.Labels), new("tags", r => r.Tags), new("spec", r => r.Spec), new("source", r => r.Source),
        new("source_line", r => r.SourceLine), new("first_seen", r => r.FirstSeen), new("last_seen", r => r.LastSeen),
    ]);

    /// <summary>Only the key of an entity: used to replace its relations.</summary>
    public static readonly TableSpec<CatalogEntityRow> CatalogEntityKeys = new("catalog_relations", ["source_ref"],
        [new("source_ref", r => r.EntityRef)]);

    public static readonly TableSpec<CatalogRelationRow> CatalogRelations = new("catalog_relations", ["source_ref", "type", "target_ref"],
        [new("source_ref", r => r.SourceRef), new("type", r => r.Type), new("target_ref", r => r.TargetRef)]);

    public static readonly TableSpec<CatalogDuplicateRow> CatalogDuplicates = new("catalog_duplicates", ["entity_ref", "duplicate_source", "duplicate_line"],
    [
        new("entity_ref", r => r.EntityRef), new("kept_source", r => r.KeptSource), new("kept_line", r => r.KeptLine),
        new("duplicate_source", r => r.DuplicateSource), new("duplicate_line", r => r.DuplicateLine), new("seen_at", r => r.SeenAt),
    ]);

    public static readonly TableSpec<ScorecardCheckRow> ScorecardChecks = new("d_scorecard_checks", ["scorecard", "check_id", "component", "week"],
    [
        new("scorecard", r => r.Scorecard), new("check_id", r => r.CheckId), new("component", r => r.Component), new("week", r => r.Week),
        new("passed", r => r.Passed), new("evidence_repo", r => r.EvidenceRepo), new("evidence_file", r => r.EvidenceFile),
        new("evidence_line", r => r.EvidenceLine), new("evidence_commit", r => r.EvidenceCommit), new("detail", r => r.Detail),
    ]);

    public static readonly TableSpec<ScorecardLevelRow> ScorecardLevels = new("d_scorecard_levels", ["scorecard", "component", "week"],
    [
        new("scorecard", r => r.Scorecard), new("component", r => r.Component), new("owner_team", r => r.OwnerTeam), new("week", r => r.Week),
        new("level", r => r.Level), new("checks", r => r.Checks), new("passed", r => r.Passed),
    ]);
}
