using Dapper;

namespace DevEx.Store.Reading;

/// <summary>One collected version of a repository file with its blob's text; a null blob when a commit removed the file.</summary>
public sealed record StoredFileVersion(string Repo, string Path, string Commit, DateTime At, string? Blob, string? Content);

/// <summary>A service with a catalog Component entity: its owner team (when the catalog holds it) and the entity's fields as stored.</summary>
public sealed record StoredComponent(string Id, string? OwnerTeam, string? Type, string? Lifecycle, string? Title, string? Description,
    string Annotations, string Spec, DateTime FirstSeen);

/// <summary>What the weekly scorecard step reads, once per run: file histories, service repositories and Components.</summary>
public sealed class ScorecardSourceReads(DuckDbDatabase database)
{
    /// <summary>Every collected file's versions, ordered by repository, path and time; a current file without history as one version.</summary>
    public IReadOnlyList<StoredFileVersion> FileVersions()
    {
        using var connection = database.Open();
        return connection.Query<StoredFileVersion>(
            """
            SELECT v.repo, v.path, v.commit_sha AS "Commit", v.committed_at AS At, v.blob_sha AS Blob, c.content
            FROM repository_file_versions v LEFT JOIN repository_file_contents c ON c.blob_sha = v.blob_sha
            UNION ALL
            -- A current file whose history was not collected: one version, from when it was committed (or fetched).
            SELECT f.repo, f.path, coalesce(f.commit_sha, f.blob_sha), coalesce(f.committed_at, f.fetched_at), f.blob_sha, f.content
            FROM repository_files f
            WHERE NOT EXISTS (SELECT 1 FROM repository_file_versions v WHERE v.repo = f.repo AND v.path = f.path)
            ORDER BY 1, 2, 4
            """).ToList();
    }

    /// <summary>Each service's repositories.</summary>
    public ILookup<string, string> ServiceRepositories()
    {
        using var connection = database.Open();
        return connection.Query<(string Service, string Repo)>("SELECT service_id, repo FROM service_repositories ORDER BY 1, 2")
            .ToLookup(r => r.Service, r => r.Repo, StringComparer.Ordinal);
    }

    /// <summary>The services that have a Component entity (the default namespace's when several share the name).</summary>
    public IReadOnlyList<StoredComponent> Components()
    {
        using var connection = database.Open();
        return connection.Query<StoredComponent>(
            """
            SELECT s.id, t.id AS OwnerTeam, e.type, e.lifecycle, e.title, e.description, e.annotations, e.spec, e.first_seen AS FirstSeen
            FROM services s
            JOIN (SELECT *, row_number() OVER (PARTITION BY name ORDER BY namespace <> 'default', namespace) AS n
                  FROM catalog_entities WHERE kind = 'Component') e ON e.name = s.id AND e.n = 1
            LEFT JOIN teams t ON t.id = s.owner_team
            ORDER BY s.id
            """).ToList();
    }
}
