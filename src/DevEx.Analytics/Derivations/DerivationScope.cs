using Dapper;
using DevEx.Store;
using DuckDB.NET.Data;

namespace DevEx.Analytics.Derivations;

/// <summary>
/// The repositories and services an incremental derivation re-derives: every one the changed ones are connected to,
/// so that the rows it rewrites are exactly the rows a full derivation would change. Two are connected when
/// <list type="bullet">
/// <item>a service lists a repository (catalog), or deploys from it (deployments, and the d_deployments the last run wrote);</item>
/// <item>a deployment moved from one service to another (same id);</item>
/// <item>an incident of one service names a cause (deployment, sha, pull request) that lies in another service or
/// repository: the failure rules look there when the incident's own service has no match, and an incident that
/// moved service (same id) links the old one and the new.</item>
/// </list>
/// Deployment streams, change sets, changes, failures, recovery and pull-request flow never reach outside such a
/// connected set, so deriving it alone gives the full derivation's rows for it.
/// </summary>
internal sealed record DerivationScope(IReadOnlyList<string> Repos, IReadOnlyList<string> Services)
{
    /// <summary>A list parameter for the scope's queries: DuckDB splits it back with <c>string_split($p, chr(10))</c>.</summary>
    public string RepoList => string.Join('\n', Repos);

    public string ServiceList => string.Join('\n', Services);

    public const string InRepos = "IN (SELECT unnest(string_split($repos, chr(10))))";
    public const string InServices = "IN (SELECT unnest(string_split($services, chr(10))))";

    public object Parameters => new { repos = RepoList, services = ServiceList };

    public static DerivationScope Resolve(DuckDbDatabase database, DerivationRequest request)
    {
        using var connection = database.Open();
        var links = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Link(string a, string b)
        {
            (links.TryGetValue(a, out var fromA) ? fromA : links[a] = new HashSet<string>(StringComparer.Ordinal)).Add(b);
            (links.TryGetValue(b, out var fromB) ? fromB : links[b] = new HashSet<string>(StringComparer.Ordinal)).Add(a);
        }
        foreach (var (service, repo) in ServiceRepoPairs(connection))
        {
            Link(ServiceNode(service), RepoNode(repo));
        }
        foreach (var (a, b) in ServicePairs(connection))
        {
            Link(ServiceNode(a), ServiceNode(b));
        }
        foreach (var (service, cause) in connection.Query<(string Service, string Cause)>(
                     "SELECT service, caused_by_pr FROM incidents WHERE caused_by_pr IS NOT NULL AND caused_by_deployment IS NULL AND caused_by_sha IS NULL"))
        {
            if (PullRequestReference.TryParse(cause, out var repo, out _))
            {
                Link(ServiceNode(service), RepoNode(repo));
            }
        }
        var reached = Reach(links, request.Repos!.Select(RepoNode).Concat(request.Services!.Select(ServiceNode)));
        return new DerivationScope(
            reached.Where(n => n.StartsWith("r:", StringComparison.Ordinal)).Select(n => n[2..]).Order(StringComparer.Ordinal).ToList(),
            reached.Where(n => n.StartsWith("s:", StringComparison.Ordinal)).Select(n => n[2..]).Order(StringComparer.Ordinal).ToList());
    }

    private static string RepoNode(string repo) => "r:" + repo;

    private static string ServiceNode(string service) => "s:" + service;

    private static HashSet<string> Reach(Dictionary<string, HashSet<string>> links, IEnumerable<string> seeds)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new Queue<string>(seeds);
        while (frontier.TryDequeue(out var node))
        {
            if (!reached.Add(node))
            {
                continue;
            }
            foreach (var next in links.GetValueOrDefault(node) ?? [])
            {
                frontier.Enqueue(next);
            }
        }
        return reached;
    }

    /// <summary>Service–repository pairs: catalog, source deployments, the last derivation's deployments, and sha causes.</summary>
    private static IEnumerable<(string Service, string Repo)> ServiceRepoPairs(DuckDBConnection connection) =>
        connection.Query<(string Service, string Repo)>("""
            SELECT service_id, repo FROM service_repositories
            UNION SELECT service, repo FROM deployments WHERE repo IS NOT NULL
            UNION SELECT service, repo FROM d_deployments WHERE repo IS NOT NULL
            UNION SELECT i.service, c.repo FROM incidents i JOIN commits c ON c.sha = lower(trim(i.caused_by_sha))
                  WHERE i.caused_by_deployment IS NULL
            """);

    /// <summary>Service–service pairs: a deployment or incident that changed service, an incident caused elsewhere.</summary>
    private static IEnumerable<(string A, string B)> ServicePairs(DuckDBConnection connection) =>
        connection.Query<(string A, string B)>("""
            SELECT dd.service, d.service FROM d_deployments dd JOIN deployments d USING (id) WHERE dd.service <> d.service
            UNION SELECT di.service, i.service FROM d_incidents di JOIN incidents i USING (id) WHERE di.service <> i.service
            UNION SELECT i.service, d.service FROM incidents i JOIN deployments d ON d.id = i.caused_by_deployment
                  WHERE i.service <> d.service
            UNION SELECT i.service, d.service FROM incidents i JOIN deployments d ON lower(d.sha) = lower(trim(i.caused_by_sha))
                  WHERE i.caused_by_deployment IS NULL AND i.service <> d.service
            """);
}
