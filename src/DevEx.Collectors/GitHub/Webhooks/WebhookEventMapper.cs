using DevEx.Store.Writing;
using DevEx.Collectors.GitHub;
using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store.Reading;
using DevEx.Store.Rows;
using NodaTime;
using Octokit;

namespace DevEx.Collectors.GitHub.Webhooks;

/// <summary>
/// One webhook event → the rows it tells us about, through the same mappers as the REST collector. A webhook
/// carries one object and knows nothing of what was stored before, so where an event cannot know a value it keeps
/// the stored one (a pull request's ready time, its commits and reviews) rather than blanking it.
/// </summary>
public static class WebhookEventMapper
{
    public static IReadOnlySet<string> Events { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "push", "pull_request", "pull_request_review", "workflow_run", "deployment", "deployment_status", "issues",
    };

    /// <summary>The rows, and the event's action (null for push).</summary>
    public static (SourceBatch Batch, string? Action) Map(string eventName, string body, StoredGitHubRows stored, GitHubOptions options)
    {
        var batch = new SourceBatch();
        string? action = eventName switch
        {
            "push" => Push(body, stored, batch),
            "pull_request" => PullRequest(body, stored, batch),
            "pull_request_review" => Review(body, batch),
            "workflow_run" => WorkflowRun(body, batch),
            "deployment" or "deployment_status" => Deployment(eventName, body, batch),
            "issues" => Issue(body, options, batch),
            _ => throw new ArgumentOutOfRangeException(nameof(eventName), eventName, "not a mapped event"),
        };
        return (batch, action);
    }

    private static string? Push(string body, StoredGitHubRows stored, SourceBatch batch)
    {
        var push = WebhookPayloadReader.Read<PushWebhookPayload>("push", body);
        var repo = WebhookPayloadReader.Repo(push.Repository);
        batch.Repositories.Add(RepositoryMapper.Map(push.Repository));
        if (PushMapper.IsDeletion(push))
        {
            return null; // a deleted branch or tag pushes no commits
        }
        if (push.Commits?.FirstOrDefault(c => string.IsNullOrEmpty(c.Id) || c.Timestamp == default) is { } bad)
        {
            throw new WebhookPayloadException($"A pushed commit lacks 'id' or 'timestamp' ({(string.IsNullOrEmpty(bad.Id) ? "no id" : bad.Id)}).");
        }
        var commits = PushMapper.Map(repo, push, PushMapper.AuthorLogins(body));
        batch.ProvisionalCommits.AddRange(commits);
        // A merge through GitHub pushes the pull request's commits and then its merge commit. When the pull request's
        // known head (from its pull_request event) is the commit just before the merge commit, the commits since the
        // previous merge commit are its commits: that is what gives a webhook-only pull request its first commit.
        var merged = stored.MergedPullRequestsByMergeSha(repo, commits.Select(c => c.Sha));
        foreach (var (number, shas) in PushMapper.MergedPullRequestCommits(commits, merged,
                     (number, shas) => stored.PullRequestCommits(repo, number).Contains(shas[^1])))
        {
            batch.PullRequestCommits.AddRange(shas.Select(sha => new PullRequestCommitRow(repo, number, sha)));
        }
        return null;
    }

    private static string? PullRequest(string body, StoredGitHubRows stored, SourceBatch batch)
    {
        var payload = WebhookPayloadReader.Read<PullRequestWebhook>("pull_request", body);
        var repo = WebhookPayloadReader.Repo(payload.Repository);
        var pull = WebhookPayloadReader.Required(payload.PullRequest, "pull_request");
        if (pull.Number <= 0 || pull.CreatedAt == default)
        {
            throw new WebhookPayloadException("Field 'pull_request.number' or 'pull_request.created_at' is missing.");
        }
        batch.Repositories.Add(RepositoryMapper.Map(payload.Repository!));
        // Leaving draft is the one moment a webhook knows the ready time (the event's time is the pull request's
        // updated_at); otherwise keep what is stored (from an earlier event or the REST timeline).
        var readyAt = payload.Action == "ready_for_review"
            ? Instant.FromDateTimeOffset(pull.UpdatedAt)
            : stored.ReadyAt(repo, pull.Number);
        batch.PullRequestUpdates.Add(PullRequestMapper.Map(repo, pull, readyAt));
        if (!string.IsNullOrEmpty(pull.Head?.Sha))
        {
            // The head is the pull request's last commit; when its history is stored (pushed to this repository),
            // the commits before it down the first parents, as many as the pull request says it has.
            var chain = stored.FirstParentChain(repo, pull.Head.Sha, Math.Max(1, pull.Commits));
            foreach (var sha in chain.Count > 0 ? chain : [pull.Head.Sha])
            {
                batch.PullRequestCommits.Add(new PullRequestCommitRow(repo, pull.Number, sha));
            }
        }
        if (payload.Action == "review_requested" && !string.IsNullOrEmpty(payload.RequestedReviewer?.Login))
        {
            batch.ReviewRequests.Add(new ReviewRequestRow(repo, pull.Number, payload.RequestedReviewer.Login, Instant.FromDateTimeOffset(pull.UpdatedAt)));
        }
        return payload.Action;
    }

    private static string? Review(string body, SourceBatch batch)
    {
        var payload = WebhookPayloadReader.Read<PullRequestReviewEventPayload>("pull_request_review", body);
        var repo = WebhookPayloadReader.Repo(payload.Repository);
        var pull = WebhookPayloadReader.Required(payload.PullRequest, "pull_request");
        var review = WebhookPayloadReader.Required(payload.Review, "review");
        batch.Repositories.Add(RepositoryMapper.Map(payload.Repository!));
        // Only the review: the pull request in this payload lacks merge state and size, so it would blank them.
        if (ReviewMapper.Map(repo, pull.Number, review) is { } row)
        {
            batch.Reviews.Add(row);
        }
        return payload.Action;
    }

    private static string? WorkflowRun(string body, SourceBatch batch)
    {
        var payload = WebhookPayloadReader.Read<WorkflowRunWebhook>("workflow_run", body);
        var repo = WebhookPayloadReader.Repo(payload.Repository);
        var run = WebhookPayloadReader.Required(payload.WorkflowRun, "workflow_run");
        if (run.Id <= 0 || string.IsNullOrEmpty(run.HeadSha) || run.CreatedAt == default)
        {
            throw new WebhookPayloadException("Field 'workflow_run.id', 'workflow_run.head_sha' or 'workflow_run.created_at' is missing.");
        }
        batch.Repositories.Add(RepositoryMapper.Map(payload.Repository!));
        batch.PipelineRuns.Add(PipelineRunMapper.Map(repo, run, payload.Workflow?.Name));
        return payload.Action;
    }

    /// <summary>
    /// deployment (created: no outcome yet, nothing to write) and deployment_status. A status alone decides the row;
    /// an inactive status maps to nothing, which keeps the stored outcome (a superseded success stays a success).
    /// </summary>
    private static string? Deployment(string eventName, string body, SourceBatch batch)
    {
        var payload = WebhookPayloadReader.Read<DeploymentWebhook>(eventName, body);
        var repo = WebhookPayloadReader.Repo(payload.Repository);
        var deployment = WebhookPayloadReader.Required(payload.Deployment, "deployment");
        if (deployment.Id <= 0 || string.IsNullOrEmpty(deployment.Sha) || string.IsNullOrEmpty(deployment.Environment))
        {
            throw new WebhookPayloadException("Field 'deployment.id', 'deployment.sha' or 'deployment.environment' is missing.");
        }
        batch.Repositories.Add(RepositoryMapper.Map(payload.Repository!));
        if (eventName == "deployment_status")
        {
            var status = WebhookPayloadReader.Required(payload.DeploymentStatus, "deployment_status");
            if (status.CreatedAt == default)
            {
                throw new WebhookPayloadException("Field 'deployment_status.created_at' is missing.");
            }
            if (DeploymentMapper.Map(repo, deployment, [status]) is { } row)
            {
                batch.Deployments.Add(row);
            }
        }
        return payload.Action;
    }

    private static string? Issue(string body, GitHubOptions options, SourceBatch batch)
    {
        var payload = WebhookPayloadReader.Read<IssueEventPayload>("issues", body);
        var repo = WebhookPayloadReader.Repo(payload.Repository);
        var issue = WebhookPayloadReader.Required(payload.Issue, "issue");
        if (issue.Number <= 0 || issue.CreatedAt == default)
        {
            throw new WebhookPayloadException("Field 'issue.number' or 'issue.created_at' is missing.");
        }
        batch.Repositories.Add(RepositoryMapper.Map(payload.Repository!));
        var row = payload.Action is "deleted" or "transferred" ? null : IncidentMapper.Map(repo, issue, options);
        if (row is null)
        {
            // Unlabelled, deleted or moved away: no longer an incident here (a no-op if it never was one).
            batch.RemoveIncident(IncidentMapper.Id(repo, issue.Number));
        }
        else
        {
            batch.Incidents.Add(row);
        }
        return payload.Action;
    }
}
