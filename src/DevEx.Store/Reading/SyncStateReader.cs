using Dapper;
using NodaTime;

namespace DevEx.Store.Reading;

/// <summary>What sync_state says a sync touched.</summary>
public static class SyncStateReader
{
    /// <summary>
    /// The cursors (scope, for GitHub a repository, and resource) of <paramref name="source"/> written at or after
    /// <paramref name="since"/>: a collector writes a scope's cursor in the transaction of that scope's rows.
    /// </summary>
    public static IReadOnlyList<(string Scope, string Resource)> CursorsWrittenSince(DuckDbDatabase database, string source, Instant since)
    {
        using var connection = database.Open();
        return connection.Query<(string Scope, string Resource)>(
            "SELECT scope, resource FROM sync_state WHERE source = $source AND updated_at >= $since ORDER BY scope, resource",
            new { source, since }).AsList();
    }
}
