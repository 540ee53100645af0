namespace DevEx.Collectors.RepositoryFiles;

/// <summary>
/// Configuration section <c>DevEx:RepositoryFiles</c>: which files of a repository's default branch are collected, with
/// their history, by <c>import-git</c> and the GitHub sync. <c>catalog-info.yaml</c> / <c>.yml</c> at the root and
/// <c>.github/workflows/*.yml|yaml</c> always are; <see cref="Paths"/> adds more (a golden-path check may name any file).
/// </summary>
public sealed class RepositoryFilesOptions
{
    public const string Section = "DevEx:RepositoryFiles";

    /// <summary>Collect repository files at all (the GitHub sync then asks the contents and commits APIs per repository).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// More paths, relative to the repository root: a literal folder part and a file name that may hold <c>*</c> and
    /// <c>?</c> (<c>*.csproj</c>, <c>.github/CODEOWNERS</c>, <c>deploy/*.yaml</c>). A configured list replaces the defaults.
    /// </summary>
    public IList<string> Paths { get; } =
        ["Dockerfile", "package.json", "go.mod", "pom.xml", "build.gradle", "build.gradle.kts", "*.csproj", ".github/CODEOWNERS", "CODEOWNERS", "mkdocs.yml"];

    /// <summary>Files larger than this are recorded with their size and blob, without content.</summary>
    public long MaxFileBytes { get; set; } = 512 * 1024;

    /// <summary>How many Location hops are followed from a root catalog file (catalog-info.yaml → target → target ...).</summary>
    public int MaxLocationDepth { get; set; } = 3;
}
