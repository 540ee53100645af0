using System.Text.Json;
using DevEx.Store;
using DevEx.Store.Reading;
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
        var reads = new ScorecardSourceReads(database);
        var contents = new Dictionary<string, string?>(StringComparer.Ordinal);
        var files = reads.FileVersions().GroupBy(v => v.Repo, StringComparer.Ordinal).ToDictionary(r => r.Key,
            r => (IReadOnlyDictionary<string, IReadOnlyList<FileVersion>>)r.GroupBy(v => v.Path, StringComparer.Ordinal).ToDictionary(p => p.Key,
                p => (IReadOnlyList<FileVersion>)[.. p.Select(v => new FileVersion(v.Path, Instant.FromDateTimeUtc(DateTime.SpecifyKind(v.At, DateTimeKind.Utc)),
                    v.Commit, v.Blob is null ? null : Shared(contents, v.Blob, v.Content), v.Blob is null))], StringComparer.Ordinal), StringComparer.Ordinal);
        var repos = reads.ServiceRepositories();
        var components = reads.Components().Select(c => ToComponent(c, [.. repos[c.Id]], files)).ToList();
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

    private static ScorecardComponent ToComponent(StoredComponent c, IReadOnlyList<string> repos, Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<FileVersion>>> files)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["metadata.name"] = c.Id };
        void Set(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                fields[key] = value;
            }
        }
        Set("metadata.title", c.Title);
        Set("metadata.description", c.Description);
        foreach (var (key, value) in Scalars(c.Spec))
        {
            Set($"spec.{key}", value);
        }
        var catalogFiles = repos.SelectMany(r => files.GetValueOrDefault(r)?.Values ?? [])
            .Where(v => v.Count > 0 && v[0].Path is "catalog-info.yaml" or "catalog-info.yml").Select(v => v[0].At);
        var known = catalogFiles.Append(Instant.FromDateTimeUtc(DateTime.SpecifyKind(c.FirstSeen, DateTimeKind.Utc))).Min();
        return new ScorecardComponent(c.Id, c.OwnerTeam, repos, c.Type, c.Lifecycle, Scalars(c.Annotations), fields, known);
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
