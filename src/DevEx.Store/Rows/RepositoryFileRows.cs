using NodaTime;

namespace DevEx.Store.Rows;

/// <summary>
/// The current version of a collected repository file (repository_files). <c>CommitSha</c>: the commit that brought this
/// blob, where known; <c>Content</c> null when <c>Omitted</c> says why (over the size cap, not UTF-8 text).
/// </summary>
public sealed record RepositoryFileRow(
    string Repo, string Path, string BlobSha, string? CommitSha, Instant? CommittedAt, string? Content, long Size, string? Omitted,
    Instant FetchedAt, string Source);

/// <summary>A commit that added, changed (<c>BlobSha</c> the new blob) or deleted (<c>BlobSha</c> null) a collected path.</summary>
public sealed record RepositoryFileVersionRow(string Repo, string Path, string CommitSha, Instant CommittedAt, string? BlobSha);

/// <summary>The text of one blob, kept once however many versions and repositories name it.</summary>
public sealed record RepositoryFileContentRow(string BlobSha, long Size, string? Content, string? Omitted);

/// <summary>A collected path that is no longer on the default branch: its repository_files row is deleted.</summary>
public sealed record RepositoryFileRemoval(string Repo, string Path);

/// <summary>
/// A path whose repository_files row is recomputed from its stored history after a batch's versions are written: the
/// newest version (by commit time) is the current file, or, when it deleted the path, the row is removed. An import of
/// versions in any order, or twice, ends in the same current file.
/// </summary>
public sealed record RepositoryFileRefresh(string Repo, string Path, Instant FetchedAt, string Source);
