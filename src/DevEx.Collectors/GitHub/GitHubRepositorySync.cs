using DevEx.Store.Writing;
using DevEx.Collectors.GitHub.Mapping;
using NodaTime;
using NodaTime.Text;
using Octokit;

namespace DevEx.Collectors.GitHub;

/// <summary>
/// One repository's sync, resource by resource. Every list is read newest first with a fixed URL (so an unchanged list
/// is answered 304) and stops at the resource's cursor. A resource is skipped when its first page is a 304 for the very
/// ETag whose rows were last written; otherwise it writes its rows, then moves its cursor and remembers that ETag.
/// </summary>
internal sealed partial class GitHubRepositorySync(GitHubSyncContext context, DiscoveredRepository discovered, Instant now)
{
    private const string PerPage = "100";

    private string Repo => discovered.FullName;

    private IConnection Connection => context.Connection;

    private Instant HistoryStart => now - Duration.FromTimeSpan(context.Options.History);

    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        var rows = 0L;
        rows += await ListAsync<GitHubCommit>("commits", $"repos/{Repo}/commits", Parameters(("sha", discovered.Repository.DefaultBranch ?? "HEAD")),
            c => Instant.FromDateTimeOffset(c.Commit.Committer.Date), MapCommits, cancellationToken);
        rows += await ListAsync<PullRequest>("pulls", $"repos/{Repo}/pulls", Parameters(("state", "all"), ("sort", "updated"), ("direction", "desc")),
            p => Instant.FromDateTimeOffset(p.UpdatedAt), MapPullRequests, cancellationToken);
        rows += await WorkflowRunsAsync(cancellationToken);
        rows += await DeploymentsAsync(cancellationToken);
        rows += await ListAsync<Issue>("incidents", $"repos/{Repo}/issues",
            Parameters(("labels", context.Options.IncidentLabel), ("state", "all"), ("sort", "updated"), ("direction", "desc")),
            i => Instant.FromDateTimeOffset(i.UpdatedAt ?? i.CreatedAt), MapIncidents, cancellationToken);
        rows += await ReleasesAsync(cancellationToken);
        if (context.Options.IssuesAsTickets)
        {
            rows += await ListAsync<Issue>("tickets", $"repos/{Repo}/issues", Parameters(("state", "all"), ("sort", "updated"), ("direction", "desc")),
                i => Instant.FromDateTimeOffset(i.UpdatedAt ?? i.CreatedAt), MapTickets, cancellationToken);
        }
        if (context.Files.Enabled)
        {
            rows += await new GitHubRepositoryFileSync(Connection, Repo, context.Files, context.Database, context.Writer, context.Clock, HistoryStart,
                context.Progress).RunAsync(cancellationToken);
        }
        return rows;
    }

    /// <summary>
    /// Reads a list newest first (by <paramref name="key"/>) until the cursor, maps the newer items page by page and
    /// writes them; then saves the newest key as the cursor with the first page's ETag.
    /// </summary>
    private async Task<long> ListAsync<T>(string resource, string path, Dictionary<string, string> parameters, Func<T, Instant> key,
        Func<IReadOnlyList<T>, SourceBatch, CancellationToken, Task> map, CancellationToken cancellationToken)
    {
        var (floor, writtenETag) = State(resource);
        var newest = floor;
        var written = 0L;
        string? firstETag = null;
        var first = true;
        SourceBatch? held = null; // the last page's rows are written with the cursor, in one transaction
        await foreach (var page in GitHubPages.Read<T>(Connection, path, parameters, cancellationToken))
        {
            if (first)
            {
                if (page.Unchanged && page.ETag is not null && page.ETag == writtenETag)
                {
                    return 0;
                }
                firstETag = page.ETag;
                first = false;
            }
            if (held is not null)
            {
                written += context.Writer.Write(held);
            }
            var fresh = page.Items.Where(item => key(item) > floor).ToList();
            held = new SourceBatch();
            if (!page.Unchanged)
            {
                held.AddRawPayload(resource, Repo, page.Json, now);
            }
            await map(fresh, held, cancellationToken);
            newest = fresh.Select(key).Append(newest).Max();
            if (fresh.Count < page.Items.Count)
            {
                break; // the rest is older than the cursor
            }
        }
        held ??= new SourceBatch();
        held.AddCursor(Repo, resource, Format(newest), firstETag, now);
        return written + context.Writer.Write(held);
    }

    private Task MapCommits(IReadOnlyList<GitHubCommit> commits, SourceBatch batch, CancellationToken cancellationToken)
    {
        batch.Commits.AddRange(commits.Select(c => CommitMapper.Map(Repo, c)));
        return Task.CompletedTask;
    }

    private async Task MapPullRequests(IReadOnlyList<PullRequest> pulls, SourceBatch batch, CancellationToken cancellationToken)
    {
        foreach (var pull in pulls)
        {
            var commits = await All<PullRequestCommit>($"repos/{Repo}/pulls/{pull.Number}/commits", cancellationToken);
            var reviews = await All<PullRequestReview>($"repos/{Repo}/pulls/{pull.Number}/reviews", cancellationToken);
            var events = await All<IssueEvent>($"repos/{Repo}/issues/{pull.Number}/events", cancellationToken);
            batch.Add(PullRequestMapper.Map(Repo, pull, commits, reviews, events));
        }
    }

    private Task MapIncidents(IReadOnlyList<Issue> issues, SourceBatch batch, CancellationToken cancellationToken)
    {
        batch.Incidents.AddRange(issues.Select(i => IncidentMapper.Map(Repo, i, context.Options)).OfType<Store.Rows.IncidentRow>());
        return Task.CompletedTask;
    }

    private async Task MapTickets(IReadOnlyList<Issue> issues, SourceBatch batch, CancellationToken cancellationToken)
    {
        foreach (var issue in issues.Where(i => i.PullRequest is null))
        {
            var events = await All<IssueEvent>($"repos/{Repo}/issues/{issue.Number}/events", cancellationToken);
            if (IssueTicketMapper.Map(Repo, issue, events, context.Options.StatusLabelPrefix) is { } mapped)
            {
                batch.Tickets.Add(mapped.Ticket);
                batch.TicketTransitions.AddRange(mapped.Transitions);
                batch.TicketStatuses.AddRange(mapped.Transitions.Select(t => t.ToStatus).Append(IssueTicketMapper.Open).Distinct()
                    .Select(status => IssueTicketMapper.Status(Repo, status)));
            }
        }
    }

    private async Task<List<T>> All<T>(string path, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await foreach (var page in GitHubPages.Read<T>(Connection, path, Parameters(), cancellationToken))
        {
            items.AddRange(page.Items);
        }
        return items;
    }

    private (Instant Floor, string? ETag) State(string resource)
    {
        var (cursor, etag) = context.Cursors.GetWithETag(GitHubCollector.SourceName, Repo, resource);
        return (cursor is not null && InstantPattern.ExtendedIso.Parse(cursor) is { Success: true } parsed ? parsed.Value : HistoryStart, etag);
    }

    /// <summary>Writes the batch with the resource's new cursor in one transaction.</summary>
    private long WriteWithCursor(SourceBatch batch, string resource, Instant cursor, string? etag)
    {
        batch.AddCursor(Repo, resource, Format(cursor), etag, now);
        return context.Writer.Write(batch);
    }

    private static Dictionary<string, string> Parameters(params (string Key, string Value)[] pairs)
    {
        var parameters = pairs.ToDictionary(p => p.Key, p => p.Value);
        parameters["per_page"] = PerPage;
        return parameters;
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
