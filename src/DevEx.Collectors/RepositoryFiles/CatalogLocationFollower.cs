using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DevEx.Collectors.RepositoryFiles;

/// <summary>A catalog file of a repository: a root catalog-info.yaml, or a file a Location entity names.</summary>
public sealed record CatalogFile(string Path, string Text, int Depth);

/// <summary>The catalog files read, and why any target was not followed.</summary>
public sealed record CatalogFiles(IReadOnlyList<CatalogFile> Files, IReadOnlyList<string> Notes);

/// <summary>
/// Follows the <c>spec.target</c> / <c>spec.targets</c> of Location entities from a repository's root catalog files to
/// the files they name in the same repository (paths relative to the Location's file), at most
/// <see cref="RepositoryFilesOptions.MaxLocationDepth"/> hops, each file once (a cycle ends where it closes). URLs,
/// globs, paths outside the repository and missing files are not followed, each with a note saying so.
/// </summary>
public static class CatalogLocationFollower
{
    /// <param name="read">The text of a file of the repository, or null when there is none (or it has no text).</param>
    public static async Task<CatalogFiles> FollowAsync(IReadOnlyList<CatalogFile> roots, int maxDepth,
        Func<string, CancellationToken, Task<string?>> read, CancellationToken cancellationToken)
    {
        var files = new List<CatalogFile>();
        var notes = new List<string>();
        var seen = new HashSet<string>(roots.Select(r => r.Path), StringComparer.Ordinal);
        var queue = new Queue<CatalogFile>(roots);
        while (queue.TryDequeue(out var file))
        {
            files.Add(file);
            foreach (var target in Targets(file.Text))
            {
                if (Resolve(file.Path, target) is not { } path)
                {
                    notes.Add($"{file.Path}: Location target '{target}' not followed: {Unfollowed(target)}");
                    continue;
                }
                if (!seen.Add(path))
                {
                    continue; // read already: a cycle, or two Locations naming one file
                }
                if (file.Depth + 1 > maxDepth)
                {
                    notes.Add($"{file.Path}: Location target '{target}' not followed: deeper than {maxDepth} Location hops ({RepositoryFilesOptions.Section}:MaxLocationDepth)");
                    continue;
                }
                if (await read(path, cancellationToken) is { } text)
                {
                    queue.Enqueue(new CatalogFile(path, text, file.Depth + 1));
                }
                else
                {
                    notes.Add($"{file.Path}: Location target '{target}' not followed: {path} is not a text file on the default branch");
                }
            }
        }
        return new CatalogFiles(files, notes);
    }

    /// <summary>The targets of the text's Location entities; a document that is not valid YAML has none (the catalog import reports it).</summary>
    public static IReadOnlyList<string> Targets(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception e) when (e is YamlException or ArgumentException or InvalidOperationException or FormatException)
        {
            return [];
        }
        var targets = new List<string>();
        foreach (var root in stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>())
        {
            if (!string.Equals(Scalar(root, "kind"), "Location", StringComparison.OrdinalIgnoreCase)
                || Child(root, "spec") is not YamlMappingNode spec)
            {
                continue;
            }
            if (Scalar(spec, "target") is { Length: > 0 } one)
            {
                targets.Add(one);
            }
            if (Child(spec, "targets") is YamlSequenceNode many)
            {
                targets.AddRange(many.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(v => v.Length > 0));
            }
        }
        return targets;
    }

    /// <summary>The repository path a target names relative to <paramref name="from"/>'s folder; null when it names no file of the repository.</summary>
    public static string? Resolve(string from, string target)
    {
        if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith('/') || target.IndexOfAny(['*', '?', '{']) >= 0)
        {
            return null;
        }
        var slash = from.LastIndexOf('/');
        var parts = new List<string>(slash < 0 ? [] : from[..slash].Split('/'));
        foreach (var part in target.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    private static string Unfollowed(string target) =>
        target.Contains("://", StringComparison.Ordinal) ? "a URL, not a path in this repository"
        : target.IndexOfAny(['*', '?', '{']) >= 0 ? "a glob (only paths of single files are followed)"
        : "outside the repository";

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
