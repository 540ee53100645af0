using NodaTime;

namespace DevEx.Collectors.Git;

/// <summary>
/// What one <see cref="GitCollector"/> run wrote: <see cref="TagsMatched"/> can exceed <see cref="Deployments"/> when a
/// matching tag points at something other than a commit; <see cref="Notes"/> say why, and whether the history is shallow.
/// <see cref="RemovedDeployments"/> are the tags whose deployments an earlier run wrote and this run's pattern no longer
/// makes (the tag deployments of a repository are what the latest run with a pattern says); <see cref="Schemes"/> group
/// the matched tags by naming scheme; <see cref="Files"/> and <see cref="Catalog"/> what was read of the repository's files.
/// </summary>
public sealed record GitImportSummary(
    string Repo, string Source, string? DefaultBranch, string? Url, int Commits, int MergeCommits, int Tags, int TagsMatched,
    int Deployments, bool IsShallow, IReadOnlyList<string> Notes, Duration Elapsed)
{
    public IReadOnlyList<string> RemovedDeployments { get; init; } = [];

    public IReadOnlyList<TagScheme> Schemes { get; init; } = [];

    /// <summary>Collected repository files on the default branch, and the versions (file changes) of their history.</summary>
    public int Files { get; init; }

    public int FileVersions { get; init; }

    /// <summary>What importing the repository's catalog files did.</summary>
    public RepositoryFiles.RepositoryCatalogSummary Catalog { get; init; } = RepositoryFiles.RepositoryCatalogSummary.None;
}
