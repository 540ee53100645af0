using DevEx.Collectors.RepositoryFiles;
using DevEx.Store.Rows;
using LibGit2Sharp;
using NodaTime;

namespace DevEx.Collectors.Git;

/// <summary>
/// The collected files of a clone's default branch (HEAD) and their history: the first-parent chain is walked oldest
/// first and, per commit, only the trees of the folders that hold collected files are compared with the previous
/// commit's (a folder whose tree id is unchanged is skipped without reading it), so a commit that touched no collected
/// folder costs one tree lookup per folder. A merge commit's versions are what it changed against its first parent.
/// Every blob is read once.
/// </summary>
internal static class GitRepositoryFileReader
{
    /// <param name="paths">Single files collected besides the patterns' (the targets of catalog Locations).</param>
    public static RepositoryFileHistory Read(Repository repository, string repo, string source, RepositoryFilePatterns patterns,
        IReadOnlySet<string> paths, long maxFileBytes, Instant fetchedAt, CancellationToken cancellationToken)
    {
        if (repository.Info.IsHeadUnborn || repository.Head.Tip is null)
        {
            return RepositoryFileHistory.None;
        }
        var folders = patterns.Folders.Concat(paths.Select(Folder)).Distinct(StringComparer.Ordinal).ToArray();
        var trees = new ObjectId?[folders.Length];
        var files = folders.Select(_ => new Dictionary<string, ObjectId>(StringComparer.Ordinal)).ToArray();
        var versions = new List<RepositoryFileVersionRow>();
        var latest = new Dictionary<string, RepositoryFileVersionRow>(StringComparer.Ordinal);
        var filter = new CommitFilter
        {
            IncludeReachableFrom = repository.Head.Tip,
            FirstParentOnly = true,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse,
        };
        foreach (var commit in repository.Commits.QueryBy(filter))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var committedAt = Instant.FromDateTimeOffset(commit.Committer.When);
            for (var i = 0; i < folders.Length; i++)
            {
                var tree = folders[i].Length == 0 ? commit.Tree : commit[folders[i]]?.Target as Tree;
                if (tree?.Id == trees[i])
                {
                    continue;
                }
                trees[i] = tree?.Id;
                var now = Collected(tree, folders[i], patterns, paths);
                foreach (var change in Changes(files[i], now))
                {
                    var version = new RepositoryFileVersionRow(repo, change.Path, commit.Sha, committedAt, change.Blob?.Sha);
                    versions.Add(version);
                    latest[change.Path] = version;
                }
                files[i] = now;
            }
        }
        var contents = versions.Where(v => v.BlobSha is not null).Select(v => v.BlobSha!).Distinct(StringComparer.Ordinal)
            .Select(sha => Content(repository, sha, maxFileBytes))
            .ToDictionary(c => c.BlobSha, StringComparer.Ordinal);
        var current = files.SelectMany(f => f)
            .Select(f => (File: f, Version: latest[f.Key], Content: contents[f.Value.Sha]))
            .OrderBy(f => f.File.Key, StringComparer.Ordinal)
            .Select(f => new RepositoryFileRow(repo, f.File.Key, f.File.Value.Sha, f.Version.CommitSha, f.Version.CommittedAt,
                f.Content.Content, f.Content.Size, f.Content.Omitted, fetchedAt, source))
            .ToList();
        return new RepositoryFileHistory(current, versions, contents.Values.ToList(), []);
    }

    private static string Folder(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : "";

    /// <summary>The collected blobs of a folder's tree, by path.</summary>
    private static Dictionary<string, ObjectId> Collected(Tree? tree, string folder, RepositoryFilePatterns patterns, IReadOnlySet<string> paths)
    {
        var collected = new Dictionary<string, ObjectId>(StringComparer.Ordinal);
        if (tree is null)
        {
            return collected;
        }
        foreach (var entry in tree)
        {
            if (entry.TargetType != TreeEntryTargetType.Blob)
            {
                continue;
            }
            var path = folder.Length == 0 ? entry.Name : $"{folder}/{entry.Name}";
            if (patterns.Matches(folder, entry.Name) || paths.Contains(path))
            {
                collected[path] = entry.Target.Id;
            }
        }
        return collected;
    }

    /// <summary>Added and changed paths with their new blob, deleted ones with none, in path order.</summary>
    private static IEnumerable<(string Path, ObjectId? Blob)> Changes(Dictionary<string, ObjectId> before, Dictionary<string, ObjectId> after) =>
        after.Where(a => !before.TryGetValue(a.Key, out var old) || old != a.Value).Select(a => (a.Key, (ObjectId?)a.Value))
            .Concat(before.Keys.Where(path => !after.ContainsKey(path)).Select(path => (path, (ObjectId?)null)))
            .OrderBy(c => c.Item1, StringComparer.Ordinal);

    private static RepositoryFileContentRow Content(Repository repository, string sha, long maxFileBytes) =>
        GitBlobContent.Row(repository.Lookup<Blob>(sha), maxFileBytes);
}
