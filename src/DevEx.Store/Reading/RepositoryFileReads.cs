using Dapper;
using NodaTime;

namespace DevEx.Store.Reading;

/// <summary>A stored current file: its blob and the commit that brought it.</summary>
public sealed record StoredRepositoryFile(string Path, string BlobSha, string? CommitSha, Instant? CommittedAt);

/// <summary>A collected file as it was at some instant: its version's commit and blob, and the blob's text (null when omitted).</summary>
public sealed record RepositoryFileAsOf(string Path, string CommitSha, Instant CommittedAt, string BlobSha, string? Content, string? Omitted);

/// <summary>
/// Reads of repository_files and its history: what an incremental GitHub sync compares against, and a file's content as
/// of any instant (what a weekly golden-path check evaluates).
/// </summary>
public sealed class RepositoryFileReads(DuckDbDatabase database)
{
    /// <summary>The repository's current collected files, by path.</summary>
    public IReadOnlyDictionary<string, StoredRepositoryFile> Current(string repo)
    {
        using var connection = database.Open();
        return connection.Query<StoredRepositoryFile>(
                "SELECT path, blob_sha AS BlobSha, commit_sha AS CommitSha, committed_at AS CommittedAt FROM repository_files WHERE repo = $repo",
                new { repo })
            .ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    /// <summary>The newest stored version's commit of every path of the repository (deleted paths too): where a history read stops.</summary>
    public IReadOnlyDictionary<string, string> NewestVersionCommits(string repo)
    {
        using var connection = database.Open();
        return connection.Query<(string Path, string CommitSha)>("""
                SELECT path, commit_sha FROM repository_file_versions WHERE repo = $repo
                QUALIFY row_number() OVER (PARTITION BY path ORDER BY committed_at DESC, commit_sha) = 1
                """, new { repo })
            .ToDictionary(v => v.Path, v => v.CommitSha, StringComparer.Ordinal);
    }

    /// <summary>
    /// The files of the repository as they were at <paramref name="at"/>: per path the newest version committed at or
    /// before it, unless that version deleted the file.
    /// </summary>
    public IReadOnlyList<RepositoryFileAsOf> AsOf(string repo, Instant at)
    {
        using var connection = database.Open();
        return connection.Query<RepositoryFileAsOf>("""
                WITH latest AS (
                    SELECT path, commit_sha, committed_at, blob_sha FROM repository_file_versions
                    WHERE repo = $repo AND committed_at <= $at
                    QUALIFY row_number() OVER (PARTITION BY path ORDER BY committed_at DESC, commit_sha) = 1)
                SELECT l.path, l.commit_sha AS CommitSha, l.committed_at AS CommittedAt, l.blob_sha AS BlobSha, c.content, c.omitted
                FROM latest l LEFT JOIN repository_file_contents c ON c.blob_sha = l.blob_sha
                WHERE l.blob_sha IS NOT NULL
                ORDER BY l.path
                """, new { repo, at })
            .ToList();
    }
}
