using DevEx.Store.Rows;
using LibGit2Sharp;
using NodaTime;

namespace DevEx.Collectors.Git;

/// <summary>
/// Every commit reachable from the local branches, remote-tracking branches, tags and HEAD: a fresh clone has most
/// of its history only under refs/remotes, and a deployed tag need not be on any branch. In a shallow clone the
/// commits past the boundary are simply not there (libgit2 reports the boundary commits without parents).
/// </summary>
internal static class GitHistoryReader
{
    private static readonly string[] TipPrefixes = ["refs/heads/", "refs/remotes/", "refs/tags/"];

    public static IReadOnlyList<CommitRow> Read(Repository repository, string repo, string source, CancellationToken cancellationToken)
    {
        var tips = Tips(repository);
        if (tips.Count == 0)
        {
            return [];
        }
        // Parents before children, ties by time: the same repository always gives rows in the same order.
        var filter = new CommitFilter
        {
            IncludeReachableFrom = tips,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time | CommitSortStrategies.Reverse,
        };
        var rows = new List<CommitRow>();
        foreach (var commit in repository.Commits.QueryBy(filter))
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows.Add(new CommitRow(repo, commit.Sha, commit.Parents.Select(p => p.Sha).ToList(), Identity(commit.Author),
                Instant.FromDateTimeOffset(commit.Author.When), Instant.FromDateTimeOffset(commit.Committer.When),
                Message(commit.Message), source));
        }
        return rows;
    }

    /// <summary>The commits the refs point at; refs to trees, blobs or objects a shallow clone lacks are left out.</summary>
    private static List<Commit> Tips(Repository repository)
    {
        var tips = new Dictionary<ObjectId, Commit>();
        var references = repository.Refs.Where(r => TipPrefixes.Any(p => r.CanonicalName.StartsWith(p, StringComparison.Ordinal)))
            .Append(repository.Refs.Head);
        foreach (var reference in references)
        {
            if (ObjectPeeler.Peel(reference?.ResolveToDirectReference()?.Target) is Commit commit)
            {
                tips.TryAdd(commit.Id, commit);
            }
        }
        return tips.Values.ToList();
    }

    /// <summary>The email is the identity other sources can map to a person; git allows an empty one, then the name.</summary>
    internal static string Identity(Signature signature) =>
        (string.IsNullOrWhiteSpace(signature.Email) ? signature.Name : signature.Email).Trim().ToLowerInvariant();

    /// <summary>Git ends a message with a newline that GitHub's API leaves off; without it both sources store the same text.</summary>
    private static string Message(string message) => message.TrimEnd('\n', '\r');
}
