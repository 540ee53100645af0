using DevEx.Store;
using DevEx.Store.Rows;

namespace DevEx.Collectors.Import;

/// <summary>
/// Maps one import record to rows, per IMPORT-FORMAT.md. Throws <see cref="ImportLineException"/> with the
/// reason when the record breaks a rule; nothing of a rejected record is added to the batch.
/// </summary>
internal static class ImportRecordMapper
{
    private static readonly string[] ReviewStates = ["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"];
    private static readonly string[] Conclusions = ["success", "failure", "cancelled", "skipped", "timed_out", "neutral", "action_required", "stale"];
    private static readonly string[] DeploymentStatuses = ["success", "failure", "cancelled"];

    public static void Map(ImportKind kind, JsonRecord record, ImportBatch batch, string source)
    {
        switch (kind)
        {
            case ImportKind.Repositories:
                batch.Repositories.Add(new RepositoryRow(Repo(record), record.OptionalString("defaultBranch"), record.OptionalString("url"), source));
                break;
            case ImportKind.Commits:
                batch.Commits.Add(Commit(record, source));
                break;
            case ImportKind.PullRequests:
                PullRequest(record, batch, source);
                break;
            case ImportKind.PipelineRuns:
                batch.PipelineRuns.Add(PipelineRun(record, source));
                break;
            case ImportKind.Deployments:
                batch.Deployments.Add(Deployment(record, source));
                break;
            case ImportKind.Incidents:
                batch.Incidents.Add(Incident(record, source));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static string Repo(JsonRecord record)
    {
        var repo = record.RequiredString("repo");
        var slash = repo.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == repo.Length - 1 || repo.IndexOf('/', slash + 1) >= 0)
        {
            throw new ImportLineException($"field 'repo' must be \"owner/name\", got '{repo}'");
        }
        return repo;
    }

    private static CommitRow Commit(JsonRecord record, string source)
    {
        var repo = Repo(record);
        var sha = record.RequiredString("sha");
        var parents = record.StringArray("parents", required: true);
        return new CommitRow(repo, sha, parents, record.RequiredString("author"), record.RequiredInstant("authoredAt"),
            record.OptionalInstant("committedAt"), record.OptionalString("message"), source);
    }

    private static void PullRequest(JsonRecord record, ImportBatch batch, string source)
    {
        var repo = Repo(record);
        var number = record.RequiredInt("number");
        if (number <= 0)
        {
            throw new ImportLineException($"field 'number' must be positive, got {number}");
        }
        var row = new PullRequestRow(repo, number, record.RequiredString("author"), record.RequiredInstant("createdAt"),
            record.OptionalInstant("readyAt"), record.OptionalInstant("mergedAt"), record.OptionalInstant("closedAt"),
            record.OptionalString("mergeCommitSha"), record.OptionalString("headBranch"), record.OptionalString("baseBranch"),
            record.OptionalString("title"), record.StringArray("labels"), record.OptionalInt("additions"),
            record.OptionalInt("deletions"), record.OptionalString("url"), source);
        var commits = record.StringArray("commits").Distinct(StringComparer.Ordinal)
            .Select(sha => new PullRequestCommitRow(repo, number, sha)).ToList();
        var requests = record.ObjectArray("reviewRequests")
            .Where(r => !r.IsCutOff("requestedAt"))
            .Select(r => new ReviewRequestRow(repo, number, r.RequiredString("reviewer"), r.OptionalInstant("requestedAt") ?? row.CreatedAt))
            .ToList();
        var reviews = record.ObjectArray("reviews")
            .Where(r => !r.IsCutOff("submittedAt"))
            .Select(r => new ReviewRow(repo, number, r.RequiredString("reviewer"),
                r.RequiredEnum("state", ReviewStates), r.RequiredInstant("submittedAt")))
            .ToList();
        batch.PullRequests.Add(row);
        batch.PullRequestCommits.AddRange(commits);
        batch.ReviewRequests.AddRange(requests);
        batch.Reviews.AddRange(reviews);
    }

    private static PipelineRunRow PipelineRun(JsonRecord record, string source)
    {
        var attempt = record.OptionalInt("attempt") ?? 1;
        if (attempt < 1)
        {
            throw new ImportLineException($"field 'attempt' must be 1 or more, got {attempt}");
        }
        return new PipelineRunRow(Repo(record), record.RequiredString("id"), record.RequiredString("workflow"),
            record.RequiredString("sha"), record.OptionalString("branch"), record.OptionalString("event"),
            record.RequiredInstant("createdAt"), record.OptionalInstant("startedAt"), record.OptionalInstant("completedAt"),
            record.IsCutOff("completedAt") ? null : record.OptionalEnum("conclusion", Conclusions), attempt, source);
    }

    private static DeploymentRow Deployment(JsonRecord record, string source)
    {
        var repo = record.OptionalString("repo") is null ? null : Repo(record);
        return new DeploymentRow(record.RequiredString("id"), record.RequiredString("service"), repo,
            record.RequiredString("environment"), record.RequiredString("sha"), record.OptionalInstant("createdAt"),
            record.RequiredInstant("finishedAt"), record.RequiredEnum("status", DeploymentStatuses), source);
    }

    private static IncidentRow Incident(JsonRecord record, string source)
    {
        var causedBy = record.OptionalObject("causedBy");
        var pr = causedBy?.OptionalString("pr");
        if (pr is not null && !PullRequestReference.TryParse(pr, out _, out _))
        {
            throw new ImportLineException($"field 'causedBy.pr' must be \"owner/name#123\", got '{pr}'");
        }
        var opened = record.RequiredInstant("openedAt");
        var resolved = record.OptionalInstant("resolvedAt");
        if (resolved < opened)
        {
            throw new ImportLineException("field 'resolvedAt' is before 'openedAt'");
        }
        return new IncidentRow(record.RequiredString("id"), record.RequiredString("service"), opened, resolved,
            record.OptionalString("title"), record.OptionalString("severity"), causedBy?.OptionalString("deployment"),
            causedBy?.OptionalString("sha"), pr, source);
    }
}
