using Dapper;

namespace DevEx.Store.Reading;

/// <summary>
/// The pairs that connect repositories and services for an incremental derivation (DerivationScope in Analytics
/// walks them): what the catalog, the deployments, the last derivation's rows and the incidents' causes link.
/// </summary>
public static class DerivationLinkReader
{
    /// <summary>Service–repository pairs: catalog, source deployments, the last derivation's deployments, and sha causes.</summary>
    public static IReadOnlyList<(string Service, string Repo)> ServiceRepoPairs(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<(string Service, string Repo)>("""
            SELECT service_id, repo FROM service_repositories
            UNION SELECT service, repo FROM deployments WHERE repo IS NOT NULL
            UNION SELECT service, repo FROM d_deployments WHERE repo IS NOT NULL
            UNION SELECT i.service, c.repo FROM incidents i JOIN commits c ON c.sha = lower(trim(i.caused_by_sha))
                  WHERE i.caused_by_deployment IS NULL
            """).AsList();
    }

    /// <summary>Service–service pairs: a deployment or incident that changed service, an incident caused elsewhere.</summary>
    public static IReadOnlyList<(string A, string B)> ServicePairs(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<(string A, string B)>("""
            SELECT dd.service, d.service FROM d_deployments dd JOIN deployments d USING (id) WHERE dd.service <> d.service
            UNION SELECT di.service, i.service FROM d_incidents di JOIN incidents i USING (id) WHERE di.service <> i.service
            UNION SELECT i.service, d.service FROM incidents i JOIN deployments d ON d.id = i.caused_by_deployment
                  WHERE i.service <> d.service
            UNION SELECT i.service, d.service FROM incidents i JOIN deployments d ON lower(d.sha) = lower(trim(i.caused_by_sha))
                  WHERE i.caused_by_deployment IS NULL AND i.service <> d.service
            """).AsList();
    }

    /// <summary>Incidents whose only cause is a pull request reference (as written): service and reference.</summary>
    public static IReadOnlyList<(string Service, string PullRequest)> PullRequestCauses(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<(string Service, string PullRequest)>(
            "SELECT service, caused_by_pr FROM incidents WHERE caused_by_pr IS NOT NULL AND caused_by_deployment IS NULL AND caused_by_sha IS NULL").AsList();
    }

    /// <summary>Every repository a source row names: a repository with no service still has pull requests to derive.</summary>
    public static IReadOnlyList<string> Repos(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<string>("""
            SELECT repo FROM repositories UNION SELECT repo FROM commits UNION SELECT repo FROM pull_requests
            UNION SELECT repo FROM pipeline_runs UNION SELECT repo FROM service_repositories
            UNION SELECT repo FROM deployments WHERE repo IS NOT NULL
            ORDER BY 1
            """).AsList();
    }

    /// <summary>Every service a source row names.</summary>
    public static IReadOnlyList<string> Services(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<string>("SELECT id FROM services UNION SELECT service FROM deployments UNION SELECT service FROM incidents ORDER BY 1").AsList();
    }
}
