using DevEx.Store.Writing;
using DevEx.Collectors.GitHub.Http;
using DevEx.Collectors.GitHub.Mapping;
using DevEx.Collectors.RepositoryFiles;
using DevEx.Collectors.Sync;
using DevEx.Store;
using DevEx.Store.State;
using Octokit;

namespace DevEx.Collectors.GitHub;

/// <summary>
/// Collects the configured organisations' and repositories' history from GitHub (or GitHub Enterprise) into the core
/// tables, incrementally: per repository and resource a cursor in sync_state says how far it has read, every GET is
/// conditional (ETags kept in DuckDB), and a resource whose first page comes back 304 costs one request and writes
/// nothing. Cursors move only after the rows they cover are written, so an interrupted sync resumes where it stopped
/// and ends with the rows of an uninterrupted one. With <see cref="RepositoryFilesOptions.Enabled"/>, each repository's
/// catalog, workflow and configured files are collected with their history (<see cref="GitHubRepositoryFileSync"/>).
/// </summary>
public sealed class GitHubCollector(
    GitHubOptions options,
    RepositoryFilesOptions files,
    IGitHubClient client,
    GitHubRequestStats stats,
    GitHubRowWriter writer,
    SyncStateStore cursors,
    RawPayloadStore rawPayloads,
    DuckDbDatabase database,
    NodaTime.IClock clock) : ISyncSource
{
    public const string SourceName = "github";

    public string Name => SourceName;

    public bool IsConfigured => (options.Organizations.Count > 0 || options.Repositories.Count > 0)
        && (!string.IsNullOrWhiteSpace(options.Token) || options.App.IsConfigured);

    public string Schedule => options.Schedule;

    public async Task<SyncOutcome> RunAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        var before = stats.Snapshot();
        var rows = 0L;
        var repositories = await DiscoverAsync(progress, cancellationToken);
        var context = new GitHubSyncContext(options, files, client.Connection, cursors, writer, database, clock, progress);
        foreach (var (repository, index) in repositories.Select((r, i) => (r, i)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var written = await new GitHubRepositorySync(context, repository, clock.GetCurrentInstant()).RunAsync(cancellationToken);
            rows += written;
            progress.Report($"[{index + 1}/{repositories.Count}] {repository.FullName}: {written} rows");
        }
        rawPayloads.Prune(clock.GetCurrentInstant());
        var after = stats.Snapshot();
        return new SyncOutcome(rows + repositories.Count(r => r.Changed), after.Requests - before.Requests, after.NotModified - before.NotModified,
            $"{repositories.Count} repositories");
    }

    /// <summary>The repositories to collect: every organisation's (paged) and the named ones, filtered, once each.</summary>
    private async Task<List<DiscoveredRepository>> DiscoverAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        var filter = new GitHubRepositoryFilter(options);
        var found = new Dictionary<string, DiscoveredRepository>(StringComparer.OrdinalIgnoreCase);
        var batch = new SourceBatch();
        foreach (var organisation in options.Organizations)
        {
            var count = 0;
            await foreach (var page in OrganisationRepositories(organisation, cancellationToken))
            {
                foreach (var repository in page.Items.Where(r => filter.Accepts(r, namedExplicitly: false)))
                {
                    count++;
                    found.TryAdd(repository.FullName, new DiscoveredRepository(repository, !page.Unchanged));
                    if (!page.Unchanged)
                    {
                        batch.Repositories.Add(RepositoryMapper.Map(repository));
                    }
                }
            }
            progress.Report($"{organisation}: {count} repositories to collect");
        }
        foreach (var name in options.Repositories.Where(n => !found.ContainsKey(n)))
        {
            var (repository, unchanged, _, _, _) = await GitHubPages.ReadOne<Repository>(client.Connection, new Uri($"repos/{name}", UriKind.Relative), null, cancellationToken);
            if (filter.Accepts(repository, namedExplicitly: true))
            {
                found.TryAdd(repository.FullName, new DiscoveredRepository(repository, !unchanged));
                if (!unchanged)
                {
                    batch.Repositories.Add(RepositoryMapper.Map(repository));
                }
            }
        }
        writer.Write(batch);
        return found.Values.OrderBy(r => r.FullName, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>An organisation's repositories; a user account answers 404 there and is read from /users instead.</summary>
    private async IAsyncEnumerable<GitHubPage<Repository>> OrganisationRepositories(string owner,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string> { ["type"] = "all", ["per_page"] = "100" };
        var pages = GitHubPages.Read<Repository>(client.Connection, $"orgs/{owner}/repos", parameters, cancellationToken);
        var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        var first = false;
        var isUser = false;
        try
        {
            first = await enumerator.MoveNextAsync();
        }
        catch (NotFoundException)
        {
            isUser = true;
        }
        try
        {
            if (isUser)
            {
                await foreach (var page in GitHubPages.Read<Repository>(client.Connection, $"users/{owner}/repos", parameters, cancellationToken))
                {
                    yield return page;
                }
                yield break;
            }
            if (first)
            {
                yield return enumerator.Current;
                while (await enumerator.MoveNextAsync())
                {
                    yield return enumerator.Current;
                }
            }
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }
}

/// <summary>A repository to collect, and whether its listing changed since the last sync.</summary>
internal sealed record DiscoveredRepository(Repository Repository, bool Changed)
{
    public string FullName => Repository.FullName;
}

/// <summary>What every repository's sync shares.</summary>
internal sealed record GitHubSyncContext(GitHubOptions Options, RepositoryFilesOptions Files, IConnection Connection, SyncStateStore Cursors,
    GitHubRowWriter Writer, DuckDbDatabase Database, NodaTime.IClock Clock, IProgress<string> Progress);
