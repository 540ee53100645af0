using DevEx.Store.Writing;
using DevEx.Collectors.GitHub.Mapping;
using NodaTime;
using Octokit;

namespace DevEx.Collectors.GitHub;

/// <summary>Workflow runs, deployments and releases: lists whose items change after they appear (a run completes).</summary>
internal sealed partial class GitHubRepositorySync
{
    /// <summary>
    /// Actions runs created after the cursor, every attempt of each. A run still in progress holds the cursor just
    /// before it, so its completion is read next time (its change also changes the list's ETag).
    /// </summary>
    private async Task<long> WorkflowRunsAsync(CancellationToken cancellationToken)
    {
        var (floor, writtenETag) = State("runs");
        var batch = new SourceBatch();
        var newest = floor;
        Instant? oldestOpen = null;
        Uri? next = new($"repos/{Repo}/actions/runs", UriKind.Relative);
        var parameters = Parameters();
        string? firstETag = null;
        var first = true;
        while (next is not null)
        {
            var (response, unchanged, etag, following, json) = await GitHubPages.ReadOne<WorkflowRunsResponse>(Connection, next, parameters, cancellationToken);
            if (first)
            {
                if (unchanged && etag is not null && etag == writtenETag)
                {
                    return 0;
                }
                firstETag = etag;
                first = false;
            }
            parameters = null; // the next link carries them
            if (!unchanged)
            {
                batch.AddRawPayload("runs", Repo, json, now);
            }
            var runs = response.WorkflowRuns.Where(r => Instant.FromDateTimeOffset(r.CreatedAt) > floor).ToList();
            foreach (var run in runs)
            {
                batch.PipelineRuns.Add(PipelineRunMapper.Map(Repo, run));
                // The list shows a run's latest attempt; earlier attempts (re-runs) are read one by one.
                for (var attempt = 1; attempt < run.RunAttempt; attempt++)
                {
                    var (earlier, _, _, _, _) = await GitHubPages.ReadOne<WorkflowRun>(Connection,
                        new Uri($"repos/{Repo}/actions/runs/{run.Id}/attempts/{attempt}", UriKind.Relative), null, cancellationToken);
                    batch.PipelineRuns.Add(PipelineRunMapper.Map(Repo, earlier, run.Name));
                }
                var created = Instant.FromDateTimeOffset(run.CreatedAt);
                newest = created > newest ? created : newest;
                if (!string.Equals(run.Status.StringValue, "completed", StringComparison.OrdinalIgnoreCase))
                {
                    oldestOpen = oldestOpen is { } open ? Min(open, created) : created;
                }
            }
            next = runs.Count < response.WorkflowRuns.Count ? null : following;
        }
        return WriteWithCursor(batch, "runs", oldestOpen is { } pending ? pending - Duration.Epsilon : newest, firstETag);
    }

    /// <summary>
    /// Deployments created after the cursor, with their statuses. One without a final status yet is left out and holds
    /// the cursor just before it; while one is pending the list is read even when unchanged, because a status change
    /// does not change the deployments list.
    /// </summary>
    private async Task<long> DeploymentsAsync(CancellationToken cancellationToken)
    {
        var (floor, writtenETag) = State("deployments");
        var pendingBefore = context.Cursors.Get(GitHubCollector.SourceName, Repo, "deployments-pending") is not null;
        var batch = new SourceBatch();
        var newest = floor;
        Instant? oldestOpen = null;
        string? firstETag = null;
        var first = true;
        await foreach (var page in GitHubPages.Read<Deployment>(Connection, $"repos/{Repo}/deployments", Parameters(), cancellationToken))
        {
            if (first)
            {
                if (page.Unchanged && page.ETag is not null && page.ETag == writtenETag && !pendingBefore)
                {
                    return 0;
                }
                firstETag = page.ETag;
                first = false;
            }
            var fresh = page.Items.Where(d => Instant.FromDateTimeOffset(d.CreatedAt) > floor).ToList();
            if (!page.Unchanged)
            {
                batch.AddRawPayload("deployments", Repo, page.Json, now);
            }
            foreach (var deployment in fresh)
            {
                var statuses = await All<DeploymentStatus>($"repos/{Repo}/deployments/{deployment.Id}/statuses", cancellationToken);
                var created = Instant.FromDateTimeOffset(deployment.CreatedAt);
                if (DeploymentMapper.Map(Repo, deployment, statuses) is { } row)
                {
                    batch.Deployments.Add(row);
                }
                else
                {
                    oldestOpen = oldestOpen is { } open ? Min(open, created) : created;
                }
                newest = created > newest ? created : newest;
            }
            if (fresh.Count < page.Items.Count)
            {
                break;
            }
        }
        batch.AddCursor(Repo, "deployments-pending", oldestOpen is { } pending ? Format(pending) : null, null, now);
        return WriteWithCursor(batch, "deployments", oldestOpen is { } open2 ? open2 - Duration.Epsilon : newest, firstETag);
    }

    /// <summary>Releases (or tags) as production deployments, for repositories configured to deploy that way.</summary>
    private async Task<long> ReleasesAsync(CancellationToken cancellationToken)
    {
        var rule = context.Options.ReleasesAsDeployments.FirstOrDefault(r => string.Equals(r.Repository, Repo, StringComparison.OrdinalIgnoreCase));
        if (rule is null)
        {
            return 0;
        }
        var tags = await All<RepositoryTag>($"repos/{Repo}/tags", cancellationToken);
        var batch = new SourceBatch();
        if (string.Equals(rule.Source, "tags", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var tag in tags)
            {
                var (commit, _, _, _, _) = await GitHubPages.ReadOne<GitHubCommit>(Connection, new Uri($"repos/{Repo}/commits/{tag.Commit.Sha}", UriKind.Relative), null, cancellationToken);
                if (ReleaseDeploymentMapper.Map(Repo, tag, Instant.FromDateTimeOffset(commit.Commit.Committer.Date), rule) is { } row)
                {
                    batch.Deployments.Add(row);
                }
            }
            return context.Writer.Write(batch);
        }
        var shaByTag = tags.ToDictionary(t => t.Name, t => t.Commit.Sha, StringComparer.Ordinal);
        foreach (var release in await All<Release>($"repos/{Repo}/releases", cancellationToken))
        {
            if (shaByTag.TryGetValue(release.TagName, out var sha) && ReleaseDeploymentMapper.Map(Repo, release, sha, rule) is { } row)
            {
                batch.Deployments.Add(row);
            }
        }
        return context.Writer.Write(batch);
    }
}
