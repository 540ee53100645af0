using Dapper;
using DevEx.Store.Rows;
using DuckDB.NET.Data;
using NodaTime;

namespace DevEx.Store.Writing;

/// <summary>
/// Recomputes repository_files for the paths of <see cref="SourceBatch.RefreshedRepositoryFiles"/> from their stored
/// versions (the import's repository-files kind sends history, not current files): per path the newest version by
/// commit time (of two at one instant the lesser commit sha, as <see cref="Reading.RepositoryFileReads.AsOf"/> reads
/// them) becomes the current row; a path whose newest version deleted it loses its row.
/// </summary>
internal static class RepositoryFileCurrent
{
    private sealed record Newest(string Path, string CommitSha, Instant CommittedAt, string? BlobSha, long? Size, string? Content, string? Omitted);

    public static void Refresh(DuckDBConnection connection, IReadOnlyCollection<RepositoryFileRefresh> paths)
    {
        if (paths.Count == 0)
        {
            return;
        }
        var current = new List<RepositoryFileRow>();
        var removed = new List<RepositoryFileRemoval>();
        foreach (var repo in paths.GroupBy(p => p.Repo, StringComparer.Ordinal))
        {
            var wanted = repo.GroupBy(p => p.Path, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Last(), StringComparer.Ordinal);
            var newest = connection.Query<Newest>("""
                    SELECT v.path, v.commit_sha AS CommitSha, v.committed_at AS CommittedAt, v.blob_sha AS BlobSha, c.size, c.content, c.omitted
                    FROM repository_file_versions v LEFT JOIN repository_file_contents c ON c.blob_sha = v.blob_sha
                    WHERE v.repo = $repo
                    QUALIFY row_number() OVER (PARTITION BY v.path ORDER BY v.committed_at DESC, v.commit_sha) = 1
                    """, new { repo = repo.Key })
                .Where(v => wanted.ContainsKey(v.Path));
            foreach (var version in newest)
            {
                var refresh = wanted[version.Path];
                removed.Add(new RepositoryFileRemoval(repo.Key, version.Path));
                if (version.BlobSha is { } blob)
                {
                    current.Add(new RepositoryFileRow(repo.Key, version.Path, blob, version.CommitSha, version.CommittedAt, version.Content,
                        version.Size ?? 0, version.Omitted, refresh.FetchedAt, refresh.Source));
                }
            }
        }
        TableWriter.Delete(connection, Tables.RepositoryFileKeys, removed);
        TableWriter.Upsert(connection, Tables.RepositoryFiles, current);
    }
}
