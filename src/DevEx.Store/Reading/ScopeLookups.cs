using Dapper;

namespace DevEx.Store.Reading;

/// <summary>
/// Whether the repositories and ticket projects a request names exist: what turns a typo into a 404 (teams and services:
/// <see cref="ScopeCatalog"/>).
/// </summary>
public static class ScopeLookups
{
    public static IReadOnlyList<string> TicketProjects(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<string>("SELECT DISTINCT project FROM tickets ORDER BY project").AsList();
    }

    /// <summary>A repository is known when it is stored, a service names it, or a commit is in it.</summary>
    public static bool RepositoryKnown(DuckDbDatabase database, string repo)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("""
            SELECT (SELECT count(*) FROM repositories WHERE repo = $id) + (SELECT count(*) FROM service_repositories WHERE repo = $id)
                 + (SELECT count(*) FROM (SELECT 1 FROM commits WHERE repo = $id LIMIT 1))
            """, new { id = repo }) > 0;
    }

    /// <summary>True once anything was imported or collected (commits, deployments or teams): the sample is then not seeded.</summary>
    public static bool HasSourceData(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT (SELECT count(*) FROM commits) + (SELECT count(*) FROM deployments) + (SELECT count(*) FROM teams)") > 0;
    }
}
