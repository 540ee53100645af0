using Dapper;

namespace DevEx.Store.Reading;

/// <summary>
/// The catalog's teams and services (with the team owning each), read once per <see cref="DuckDbDatabase.WriteGeneration"/>:
/// every metric request that names a team or service checks it exists (a typo is a 404), and a lookup statement of its
/// own cost a DuckDB planning round on each of them (docs/benchmarks.md, "Small questions").
/// </summary>
public sealed class ScopeCatalog(DuckDbDatabase database)
{
    private sealed record Catalog(Dictionary<string, string?> TeamParents, Dictionary<string, string?> ServiceOwners, ILookup<string, string?> RepoOwners);

    private readonly PerWriteSnapshot<Catalog> snapshot = new(database, Load);

    public bool TeamExists(string id) => Current().TeamParents.ContainsKey(id);

    /// <summary>The team a team sits under (the Group's spec.parent), null for a top-level or unknown team.</summary>
    public string? ParentTeam(string id) => Current().TeamParents.GetValueOrDefault(id);

    /// <summary>The teams owning the services a repository belongs to (null for a service no team owns); empty when none claims it.</summary>
    public IReadOnlyList<string?> RepoOwnerTeams(string repo) => [.. Current().RepoOwners[repo]];

    /// <summary>Whether <paramref name="team"/> is <paramref name="ancestor"/> or sits below it (a cycle in the catalog ends the walk).</summary>
    public bool IsAtOrBelow(string team, string ancestor)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? current = team; current is not null && seen.Add(current); current = ParentTeam(current))
        {
            if (current == ancestor)
            {
                return true;
            }
        }
        return false;
    }

    public bool ServiceExists(string id) => Current().ServiceOwners.ContainsKey(id);

    /// <summary>The team owning a service; null when no team (no Group of its owner's id) does, or no such service.</summary>
    public string? OwnerTeam(string serviceId) => Current().ServiceOwners.GetValueOrDefault(serviceId);

    private Catalog Current() => snapshot.Current;

    private static Catalog Load(DuckDB.NET.Data.DuckDBConnection connection)
    {
        var teams = connection.Query<(string Id, string? Parent)>("SELECT id, parent FROM teams").ToDictionary(t => t.Id, t => t.Parent, StringComparer.Ordinal);
        var owners = connection.Query<(string Id, string? Owner)>("SELECT s.id, t.id FROM services s LEFT JOIN teams t ON t.id = s.owner_team")
            .ToDictionary(s => s.Id, s => s.Owner, StringComparer.Ordinal);
        var repos = connection.Query<(string Repo, string Service)>("SELECT repo, service_id FROM service_repositories")
            .ToLookup(r => r.Repo, r => owners.GetValueOrDefault(r.Service), StringComparer.Ordinal);
        return new Catalog(teams, owners, repos);
    }
}
