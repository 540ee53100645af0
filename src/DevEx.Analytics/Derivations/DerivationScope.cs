using DevEx.Store;
using DevEx.Store.Reading;

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

    public const string InRepos = RepoServiceScope.InRepos;
    public const string InServices = RepoServiceScope.InServices;

    public object Parameters => Filter.Parameters;

    /// <summary>The scope as Store's readers and writers filter by it.</summary>
    public RepoServiceScope Filter => new(Repos, Services);

    public static DerivationScope Resolve(DuckDbDatabase database, DerivationRequest request)
    {
        var reached = Reach(Links(database), request.Repos!.Select(RepoNode).Concat(request.Services!.Select(ServiceNode)));
        return Of(reached);
    }

    /// <summary>
    /// The whole org as connected sets, packed into at most <paramref name="parts"/> scopes of similar size (largest
    /// sets first, each into the smallest part so far): a full derivation derives them one at a time, so it never holds
    /// the whole org's input at once. Every repository and service a source row names is in exactly one part.
    /// </summary>
    public static IReadOnlyList<DerivationScope> Partition(DuckDbDatabase database, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var links = Links(database);
        var nodes = DerivationLinkReader.Repos(database).Select(RepoNode).Concat(DerivationLinkReader.Services(database).Select(ServiceNode))
            .Concat(links.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var sets = new List<HashSet<string>>();
        foreach (var node in nodes.Where(n => !placed.Contains(n)))
        {
            var set = Reach(links, [node]);
            placed.UnionWith(set);
            sets.Add(set);
        }
        var bins = Enumerable.Range(0, Math.Min(parts, Math.Max(sets.Count, 1))).Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
        foreach (var set in sets.OrderByDescending(s => s.Count).ThenBy(s => s.Min(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            bins.MinBy(b => b.Count)!.UnionWith(set);
        }
        return bins.Where(b => b.Count > 0).Select(Of).ToList();
    }

    private static DerivationScope Of(HashSet<string> reached) => new(
        reached.Where(n => n.StartsWith("r:", StringComparison.Ordinal)).Select(n => n[2..]).Order(StringComparer.Ordinal).ToList(),
        reached.Where(n => n.StartsWith("s:", StringComparison.Ordinal)).Select(n => n[2..]).Order(StringComparer.Ordinal).ToList());

    private static Dictionary<string, HashSet<string>> Links(DuckDbDatabase database)
    {
        var links = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Link(string a, string b)
        {
            (links.TryGetValue(a, out var fromA) ? fromA : links[a] = new HashSet<string>(StringComparer.Ordinal)).Add(b);
            (links.TryGetValue(b, out var fromB) ? fromB : links[b] = new HashSet<string>(StringComparer.Ordinal)).Add(a);
        }
        foreach (var (service, repo) in DerivationLinkReader.ServiceRepoPairs(database))
        {
            Link(ServiceNode(service), RepoNode(repo));
        }
        foreach (var (a, b) in DerivationLinkReader.ServicePairs(database))
        {
            Link(ServiceNode(a), ServiceNode(b));
        }
        foreach (var (service, cause) in DerivationLinkReader.PullRequestCauses(database))
        {
            if (PullRequestReference.TryParse(cause, out var repo, out _))
            {
                Link(ServiceNode(service), RepoNode(repo));
            }
        }
        return links;
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
}
