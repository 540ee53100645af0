using Dapper;

namespace DevEx.Store.Reading;

/// <summary>
/// The catalog's teams and services (with the team owning each), read once per <see cref="DuckDbDatabase.WriteGeneration"/>:
/// every metric request that names a team or service checks it exists (a typo is a 404), and a lookup statement of its
/// own cost a DuckDB planning round on each of them (docs/benchmarks.md, "Small questions").
/// </summary>
public sealed class ScopeCatalog(DuckDbDatabase database)
{
    private Snapshot? current;

    private sealed record Snapshot(long Generation, HashSet<string> Teams, Dictionary<string, string?> ServiceOwners);

    public bool TeamExists(string id) => Current().Teams.Contains(id);

    public bool ServiceExists(string id) => Current().ServiceOwners.ContainsKey(id);

    /// <summary>The team owning a service; null when no team (no Group of its owner's id) does, or no such service.</summary>
    public string? OwnerTeam(string serviceId) => Current().ServiceOwners.GetValueOrDefault(serviceId);

    private Snapshot Current()
    {
        var snapshot = Volatile.Read(ref current);
        // Read before loading: a write committed while loading leaves the snapshot a generation behind, so the next call reloads.
        var generation = database.WriteGeneration;
        if (snapshot?.Generation == generation)
        {
            return snapshot;
        }
        using var connection = database.Open();
        var teams = connection.Query<string>("SELECT id FROM teams").ToHashSet(StringComparer.Ordinal);
        var owners = connection.Query<(string Id, string? Owner)>("SELECT s.id, t.id FROM services s LEFT JOIN teams t ON t.id = s.owner_team")
            .ToDictionary(s => s.Id, s => s.Owner, StringComparer.Ordinal);
        snapshot = new Snapshot(generation, teams, owners);
        Volatile.Write(ref current, snapshot);
        return snapshot;
    }
}
