using DevEx.Collectors.RepositoryFiles;
using LibGit2Sharp;

namespace DevEx.Collectors.Git;

/// <summary>The catalog files of a clone's default branch (HEAD): the root catalog-info.yaml / .yml and the files their Locations name.</summary>
internal static class GitCatalogFiles
{
    public static CatalogFiles Read(Repository repository, RepositoryFilesOptions options, CancellationToken cancellationToken)
    {
        var tree = repository.Head.Tip?.Tree;
        if (tree is null)
        {
            return new CatalogFiles([], []);
        }
        var roots = RepositoryFilePatterns.CatalogFiles
            .Select(path => (Path: path, Text: Text(tree, path, options.MaxFileBytes)))
            .Where(r => r.Text is not null)
            .Select(r => new CatalogFile(r.Path, r.Text!, 0))
            .ToList();
        // Everything is in the clone: the reads complete synchronously.
        return CatalogLocationFollower.FollowAsync(roots, options.MaxLocationDepth,
            (path, _) => Task.FromResult(Text(tree, path, options.MaxFileBytes)), cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>The text of the blob at <paramref name="path"/>; null when there is none, or it is over the cap or not text.</summary>
    private static string? Text(Tree tree, string path, long maxFileBytes)
    {
        if (tree[path]?.Target is not Blob blob)
        {
            return null;
        }
        return GitBlobContent.Row(blob, maxFileBytes).Content;
    }
}
