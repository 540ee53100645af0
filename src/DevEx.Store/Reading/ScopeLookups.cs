using Dapper;

namespace DevEx.Store.Reading;

/// <summary>Whether the teams, services, repositories and ticket projects a request names exist: what turns a typo into a 404.</summary>
public static class ScopeLookups
{
    public static IReadOnlyList<string> TicketProjects(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<string>("SELECT DISTINCT project FROM tickets ORDER BY project").AsList();
    }

    public static bool TeamExists(DuckDbDatabase database, string id)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM teams WHERE id = $id", new { id }) > 0;
    }

    public static bool ServiceExists(DuckDbDatabase database, string id)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM services WHERE id = $id", new { id }) > 0;
    }

    /// <summary>The team owning a service; null when no team (no Group of its owner's id) does.</summary>
    public static string? OwnerTeam(DuckDbDatabase database, string serviceId)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<string?>(
            "SELECT t.id FROM services s LEFT JOIN teams t ON t.id = s.owner_team WHERE s.id = $id", new { id = serviceId });
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
