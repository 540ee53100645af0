using System.Text.RegularExpressions;

namespace DevEx.Collectors.RepositoryFiles;

/// <summary>
/// The paths a repository's files are collected from: the fixed catalog and workflow paths plus the configured ones. A
/// pattern is a literal folder and a file-name glob, so the folders to look in are known without walking the tree
/// (the GitHub sync lists exactly these folders; the git reader compares exactly these trees commit by commit).
/// </summary>
public sealed class RepositoryFilePatterns
{
    /// <summary>The root catalog files, in the order Backstage looks for them.</summary>
    public static readonly IReadOnlyList<string> CatalogFiles = ["catalog-info.yaml", "catalog-info.yml"];

    private static readonly string[] Fixed = ["catalog-info.yaml", "catalog-info.yml", ".github/workflows/*.yml", ".github/workflows/*.yaml"];

    private readonly Dictionary<string, List<Regex>> namesByFolder = new(StringComparer.Ordinal);

    private RepositoryFilePatterns()
    {
    }

    /// <summary>The folders (root = "") holding collected files.</summary>
    public IReadOnlyCollection<string> Folders => namesByFolder.Keys;

    /// <exception cref="ArgumentException">A pattern has a wildcard in its folder part, or is absolute or climbs out (..).</exception>
    public static RepositoryFilePatterns From(RepositoryFilesOptions options)
    {
        var patterns = new RepositoryFilePatterns();
        foreach (var pattern in Fixed.Concat(options.Paths))
        {
            var trimmed = pattern.Trim().Replace('\\', '/');
            var slash = trimmed.LastIndexOf('/');
            var folder = slash < 0 ? "" : trimmed[..slash];
            var name = trimmed[(slash + 1)..];
            if (trimmed.StartsWith('/') || folder.Contains('*') || folder.Contains('?') || folder.Split('/').Contains("..") || name.Length == 0)
            {
                throw new ArgumentException(
                    $"{RepositoryFilesOptions.Section}:Paths: '{pattern}' is not a path relative to the repository root with wildcards (* ?) only in the file name.");
            }
            if (!patterns.namesByFolder.TryGetValue(folder, out var names))
            {
                patterns.namesByFolder[folder] = names = [];
            }
            names.Add(Glob(name));
        }
        return patterns;
    }

    /// <summary>Whether the file <paramref name="name"/> in <paramref name="folder"/> is collected.</summary>
    public bool Matches(string folder, string name) =>
        namesByFolder.TryGetValue(folder, out var names) && names.Any(n => n.IsMatch(name));

    /// <summary>Whether a path (folder/name) is collected.</summary>
    public bool Matches(string path)
    {
        var slash = path.LastIndexOf('/');
        return Matches(slash < 0 ? "" : path[..slash], path[(slash + 1)..]);
    }

    public static bool IsCatalogFile(string path) => CatalogFiles.Contains(path, StringComparer.Ordinal);

    private static Regex Glob(string name) =>
        new("^" + Regex.Escape(name).Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant);
}
