using System.Text.RegularExpressions;
using DevEx.Collectors.RepositoryFiles;
using DevEx.Store;
using DevEx.Store.Reading;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using LibGit2Sharp;
using NodaTime;

namespace DevEx.Collectors.Git;

/// <summary>
/// Reads a local clone (or bare repository) and writes its repository row, every commit and, with a tag pattern,
/// tag deployments, all in one transaction. Rows are keyed by repo + sha and deployment id, so running it again
/// writes the same rows. With a tag pattern, the repository's tag deployments (ids <c>git:owner/name:TAG</c>) become
/// exactly what this run read: those of tags the pattern no longer matches are deleted, in the same transaction; without
/// one, earlier tag deployments are kept. Source is <c>git:</c> plus the full path, so it is the same from any working folder.
/// </summary>
public sealed class GitCollector
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public GitImportSummary Run(DuckDbDatabase database, IClock clock, GitCollectorOptions options, CancellationToken cancellationToken = default)
    {
        var started = clock.GetCurrentInstant();
        var pattern = Validate(options);
        var path = FullPath(options.Path);
        var source = $"git:{path}";
        try
        {
            using var repository = new Repository(path);
            var commits = GitHistoryReader.Read(repository, options.Repo, source, cancellationToken);
            var tags = pattern is null ? TagDeployments.None : TagDeploymentReader.Read(repository, pattern, options, source);
            var row = new RepositoryRow(options.Repo, DefaultBranch(repository), OriginUrl(repository), source);
            var catalog = GitCatalogFiles.Read(repository, options.Files, cancellationToken);
            var files = GitRepositoryFileReader.Read(repository, options.Repo, source, RepositoryFilePatterns.From(options.Files),
                catalog.Files.Where(f => f.Depth > 0).Select(f => f.Path).ToHashSet(StringComparer.Ordinal), options.Files.MaxFileBytes, started, cancellationToken);
            files = files with { Removed = NoLongerPresent(database, options.Repo, files) };
            var removed = Write(database, row, commits, pattern is null ? null : tags.Deployments, TagDeploymentPrefix(options.Repo), files, cancellationToken);
            var imported = new RepositoryCatalogImport(database, clock).Import(options.Repo, "git:", catalog);
            var shallow = repository.Info.IsShallow;
            var notes = new List<string>();
            if (shallow)
            {
                notes.Add("shallow clone: commits before the shallow boundary are absent, so the oldest changes may look younger or be missing; fetch with --unshallow for the full history");
            }
            notes.AddRange(tags.Skipped);
            notes.AddRange(imported.Notes);
            return new GitImportSummary(options.Repo, source, row.DefaultBranch, row.Url, commits.Count, commits.Count(c => c.Parents.Count > 1),
                tags.Tags, tags.Matched, tags.Deployments.Count, shallow, notes, clock.GetCurrentInstant() - started)
            {
                RemovedDeployments = removed.Select(id => id[TagDeploymentPrefix(options.Repo).Length..]).ToList(),
                Schemes = TagSchemes.Of(tags.MatchedNames),
                Files = files.Current.Count,
                FileVersions = files.Versions.Count,
                Catalog = imported,
            };
        }
        catch (LibGit2SharpException e)
        {
            throw new GitCollectorException($"Reading the git repository '{path}' failed: {e.Message}", e);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new GitCollectorException($"The tag pattern '{options.TagPattern}' took over {PatternTimeout.TotalSeconds:0} s on tag '{e.Input}': simplify it.", e);
        }
    }

    /// <summary>
    /// Checks what the person typed before anything is opened or written; returns the compiled tag pattern (null without one).
    /// Public so the command can refuse bad input before it opens the database.
    /// </summary>
    public static Regex? Validate(GitCollectorOptions options)
    {
        if (!Regex.IsMatch(options.Repo, @"^[^/\s]+/[^/\s]+$"))
        {
            throw new GitCollectorException($"The repository name '{options.Repo}' is not of the form owner/name (e.g. acme/shop).");
        }
        try
        {
            RepositoryFilePatterns.From(options.Files);
        }
        catch (ArgumentException e)
        {
            throw new GitCollectorException(e.Message, e);
        }
        if (string.IsNullOrWhiteSpace(options.Environment))
        {
            throw new GitCollectorException("The deployment environment must not be empty.");
        }
        if (options.Service is not null && string.IsNullOrWhiteSpace(options.Service))
        {
            throw new GitCollectorException("The service name must not be empty.");
        }
        var path = FullPath(options.Path);
        if (!Directory.Exists(path))
        {
            throw new GitCollectorException($"'{options.Path}' does not exist.");
        }
        if (!Repository.IsValid(path))
        {
            throw new GitCollectorException($"'{options.Path}' is not a git repository: give the top folder of a clone (the one holding .git) or a bare repository.");
        }
        return CompilePattern(options.TagPattern);
    }

    private static Regex? CompilePattern(string? pattern)
    {
        if (pattern is null)
        {
            return null;
        }
        try
        {
            // A timeout, because the pattern is the user's and a pathological one must not hang the import.
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException e)
        {
            throw new GitCollectorException($"The tag pattern '{pattern}' is not a valid .NET regular expression: {e.Message}", e);
        }
    }

    private static string FullPath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>The branch HEAD names (also in a bare repository); none when HEAD is detached.</summary>
    private static string? DefaultBranch(Repository repository) =>
        repository.Info.IsHeadDetached ? null : repository.Head.FriendlyName;

    /// <summary>The origin remote's URL without any user or token written into it: the URL is shown by the API.</summary>
    private static string? OriginUrl(Repository repository)
    {
        var url = repository.Network.Remotes["origin"]?.Url;
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 && !uri.IsFile)
        {
            return new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString();
        }
        return url;
    }

    /// <summary>The stored current files of the repository that this run did not find on the default branch (deleted, or no longer collected).</summary>
    private static List<RepositoryFileRemoval> NoLongerPresent(DuckDbDatabase database, string repo, RepositoryFileHistory files)
    {
        var present = files.Current.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return new RepositoryFileReads(database).Current(repo).Keys.Where(path => !present.Contains(path))
            .Select(path => new RepositoryFileRemoval(repo, path)).ToList();
    }

    /// <summary>The id prefix of a repository's tag deployments (TagDeploymentReader writes git:owner/name:TAG).</summary>
    private static string TagDeploymentPrefix(string repo) => $"git:{repo}:";

    /// <summary>Writes the rows; <paramref name="deployments"/> (null: no pattern given) replace the repository's tag deployments. Returns the ids removed.</summary>
    private static IReadOnlyList<string> Write(DuckDbDatabase database, RepositoryRow repository, IReadOnlyList<CommitRow> commits,
        IReadOnlyList<DeploymentRow>? deployments, string deploymentPrefix, RepositoryFileHistory files, CancellationToken cancellationToken)
    {
        var batch = new SourceBatch();
        files.AddTo(batch);
        batch.Repositories.Add(repository);
        batch.Commits.AddRange(commits);
        if (deployments is not null)
        {
            batch.Deployments.AddRange(deployments);
            batch.DeploymentsOwnedByPrefix = deploymentPrefix;
        }
        batch.Write(database, cancellationToken);
        return batch.DeletedDeployments;
    }
}
