using DevEx.Collectors.RepositoryFiles;

namespace DevEx.Collectors.Git;

/// <summary>
/// What <c>devex import-git</c> reads: a local clone or bare repository at <see cref="Path"/>, stored as
/// <see cref="Repo"/> (owner/name, so its rows join those of GitHub and the import format). Tags whose name matches
/// <see cref="TagPattern"/> (a .NET regular expression, unanchored like Regex.IsMatch) become successful deployments
/// of <see cref="Service"/> (default: the name part of Repo) to <see cref="Environment"/>. <see cref="Files"/> says which
/// files of the default branch are collected with their history (and catalog files imported).
/// </summary>
public sealed record GitCollectorOptions(
    string Path, string Repo, string? TagPattern = null, string? Service = null, string Environment = "production")
{
    /// <summary>The service the tag deployments belong to: a repo with no catalog entry is its own service.</summary>
    public string ServiceName => Service ?? Repo[(Repo.IndexOf('/') + 1)..];

    /// <summary>The repository files to collect (<c>DevEx:RepositoryFiles</c>).</summary>
    public RepositoryFilesOptions Files { get; init; } = new();
}
