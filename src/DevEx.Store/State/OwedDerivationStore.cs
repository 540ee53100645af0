using Dapper;
using DuckDB.NET.Data;
using NodaTime;

namespace DevEx.Store.State;

/// <summary>A derivation owed to written rows (derivation_requests); <see cref="Repos"/> null: a full one.</summary>
public sealed record OwedDerivation(string Id, string Reason, IReadOnlyList<string>? Repos, IReadOnlyList<string> Services);

/// <summary>Derivations owed to accepted deliveries, kept until a run covering them has committed.</summary>
public sealed class OwedDerivationStore(DuckDbDatabase database)
{
    /// <summary>Records an owed derivation inside a caller's write (the rows it is owed to); returns its id.</summary>
    public static string Insert(DuckDBConnection connection, string reason, IEnumerable<string>? repos, IEnumerable<string>? services, Instant at)
    {
        var id = Guid.NewGuid().ToString("N");
        connection.Execute("INSERT INTO derivation_requests VALUES ($id, $reason, $repos, $services, $at)", new
        {
            id,
            reason,
            repos = repos is null ? null : string.Join('\n', repos),
            services = repos is null ? null : string.Join('\n', services ?? []),
            at,
        });
        return id;
    }

    /// <summary>Records an owed derivation in a write of its own (a sync, before it writes rows); returns its id.</summary>
    public string Record(string reason, IEnumerable<string>? repos, IEnumerable<string>? services, Instant at) =>
        database.Write((connection, _) => Insert(connection, reason, repos, services, at));

    /// <summary>Everything still owed, oldest first.</summary>
    public IReadOnlyList<OwedDerivation> All()
    {
        using var connection = database.Open();
        return connection.Query<(string Id, string Reason, string? Repos, string? Services)>(
                "SELECT id, reason, repos, services FROM derivation_requests ORDER BY requested_at, id")
            .Select(r => new OwedDerivation(r.Id, r.Reason, r.Repos is null ? null : Split(r.Repos), Split(r.Services)))
            .ToList();
    }

    /// <summary>Deletes what a committed run covered.</summary>
    public void Clear(IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }
        database.Write((connection, _) => connection.Execute("DELETE FROM derivation_requests WHERE id IN $ids", new { ids = ids.ToArray() }));
    }

    private static string[] Split(string? joined) => string.IsNullOrEmpty(joined) ? [] : joined.Split('\n');
}
