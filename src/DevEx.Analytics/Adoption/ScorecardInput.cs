using System.Text.Json;
using Dapper;
using DevEx.Store;
using NodaTime;

namespace DevEx.Analytics.Adoption;

/// <summary>A Component as the scorecard step reads it: its service id, owner team, repositories, catalog fields and since when it is known.</summary>
internal sealed record ScorecardComponent(string Id, string? OwnerTeam, IReadOnlyList<string> Repos, string? Type, string? Lifecycle,
    IReadOnlyDictionary<string, string> Annotations, IReadOnlyDictionary<string, string> Fields, Instant KnownFrom);

/// <summary>One version of a collected file: from <see cref="At"/> until the next version; null content with <see cref="Deleted"/> when a commit removed it.</summary>
internal sealed record FileVersion(string Path, Instant At, string Commit, string? Content, bool Deleted);

/// <summary>
/// What the scorecard step reads, once per run: the catalog's Components (services with a Component entity), their
/// repositories' file histories (repository_file_versions, contents once per blob), and since when each Component is
/// known: its entity's first_seen, or earlier the first commit of a catalog file in its repositories.
/// </summary>
internal sealed class ScorecardInput
{
    public required IReadOnlyList<ScorecardComponent> Components { get; init; }

    /// <summary>Per repository, per path, its versions oldest first.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<FileVersion>>> Files { get; init; }

    public static ScorecardInput Load(DuckDbDatabase database)
    {
        using var connection = database.Open();
        var contents = new Dictionary<string, string?>(StringComparer.Ordinal);
        var versions = connection.Query<(string Repo, string Path, string Commit, DateTime At, string? Blob, string? Content)>(
            """
            SELECT v.repo, v.path, v.commit_sha, v.committed_at, v.blob_sha, c.content
            FROM repository_file_versions v LEFT JOIN repository_file_contents c ON c.blob_sha = v.blob_sha
            UNION ALL
            -- A current file whose history was not collected: one version, from when it was committed (or fetched).
            SELECT f.repo, f.path, coalesce(f.commit_sha, f.blob_sha), coalesce(f.committed_at, f.fetched_at), f.blob_sha, f.content
            FROM repository_files f
            WHERE NOT EXISTS (SELECT 1 FROM repository_file_versions v WHERE v.repo = f.repo AND v.path = f.path)
            ORDER BY 1, 2, 4
            """).ToList();
        var files = versions.GroupBy(v => v.Repo, StringComparer.Ordinal).ToDictionary(r => r.Key,
            r => (IReadOnlyDictionary<string, IReadOnlyList<FileVersion>>)r.GroupBy(v => v.Path, StringComparer.Ordinal).ToDictionary(p => p.Key,
                p => (IReadOnlyList<FileVersion>)[.. p.Select(v => new FileVersion(v.Path, Instant.FromDateTimeUtc(DateTime.SpecifyKind(v.At, DateTimeKind.Utc)),
                    v.Commit, v.Blob is null ? null : Shared(contents, v.Blob, v.Content), v.Blob is null))], StringComparer.Ordinal), StringComparer.Ordinal);
        var repos = connection.Query<(string Service, string Repo)>("SELECT service_id, repo FROM service_repositories ORDER BY 1, 2")
            .ToLookup(r => r.Service, r => r.Repo, StringComparer.Ordinal);
        var components = connection.Query<ComponentRow>(
            """
            SELECT s.id, t.id AS owner_team, e.type, e.lifecycle, e.title, e.description, e.annotations, e.spec, e.first_seen
            FROM services s
            JOIN (SELECT *, row_number() OVER (PARTITION BY name ORDER BY namespace <> 'default', namespace) AS n
                  FROM catalog_entities WHERE kind = 'Component') e ON e.name = s.id AND e.n = 1
            LEFT JOIN teams t ON t.id = s.owner_team
            ORDER BY s.id
            """).Select(c => c.ToComponent([.. repos[c.Id]], files)).ToList();
        return new ScorecardInput { Components = components, Files = files };
    }

    /// <summary>One string instance per blob, so a parse cached by instance serves every week the version stays current.</summary>
    private static string? Shared(Dictionary<string, string?> contents, string blob, string? content)
    {
        if (!contents.TryGetValue(blob, out var held))
        {
            contents[blob] = held = content;
        }
        return held;
    }

    private sealed record ComponentRow(string Id, string? OwnerTeam, string? Type, string? Lifecycle, string? Title, string? Description,
        string Annotations, string Spec, DateTime FirstSeen)
    {
        public ScorecardComponent ToComponent(IReadOnlyList<string> repos, Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<FileVersion>>> files)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["metadata.name"] = Id };
            void Set(string key, string? value)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    fields[key] = value;
                }
            }
            Set("metadata.title", Title);
            Set("metadata.description", Description);
            foreach (var (key, value) in Scalars(Spec))
            {
                Set($"spec.{key}", value);
            }
            var catalogFiles = repos.SelectMany(r => files.GetValueOrDefault(r)?.Values ?? [])
                .Where(v => v.Count > 0 && v[0].Path is "catalog-info.yaml" or "catalog-info.yml").Select(v => v[0].At);
            var known = catalogFiles.Append(Instant.FromDateTimeUtc(DateTime.SpecifyKind(FirstSeen, DateTimeKind.Utc))).Min();
            return new ScorecardComponent(Id, OwnerTeam, repos, Type, Lifecycle, Scalars(Annotations), fields, known);
        }

        private static Dictionary<string, string> Scalars(string json)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return values;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                {
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
            return values;
        }
    }
}
