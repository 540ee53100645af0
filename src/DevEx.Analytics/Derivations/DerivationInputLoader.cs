using DevEx.Store;
using DevEx.Store.Reading;

namespace DevEx.Analytics.Derivations;

/// <summary>
/// What the derivations read, loaded through <see cref="DerivationSourceReader"/> in a handful of queries: the whole org, or with a <see cref="DerivationScope"/> only
/// its repositories' commits, pull requests, reviews and CI runs and its services' deployments and incidents (services,
/// teams and identities are small and always whole).
/// </summary>
internal sealed class DerivationInput
{
    public required IReadOnlyList<CommitInfo> Commits { get; init; }
    public required IReadOnlyList<PullRequestInfo> PullRequests { get; init; }
    public required ILookup<(string Repo, int Number), string> PullRequestCommits { get; init; }
    public required ILookup<(string Repo, int Number), ReviewInfo> Reviews { get; init; }
    public required IReadOnlyList<DeploymentInfo> Deployments { get; init; }
    public required IReadOnlyList<IncidentInfo> Incidents { get; init; }
    public required IReadOnlyDictionary<string, ServiceInfo> Services { get; init; }
    public required IReadOnlyDictionary<string, TeamInfo> Teams { get; init; }
    public required IReadOnlyDictionary<string, string> PersonByIdentity { get; init; }
    public required ILookup<(string Repo, string Sha), PipelineRunInfo> PipelineRuns { get; init; }

    /// <summary>The person behind an identity as the source wrote it; unknown names stay their own identity.</summary>
    public string Person(string identity) =>
        PersonByIdentity.TryGetValue(identity.Trim().ToLowerInvariant(), out var person) ? person : "unmapped:" + identity.Trim().ToLowerInvariant();

    /// <summary>The teams (their zones and working hours), on their own: meeting weeks need nothing else.</summary>
    public static IReadOnlyDictionary<string, TeamInfo> LoadTeams(DuckDbDatabase database) => DerivationSourceReader.Teams(database);

    public static DerivationInput Load(DuckDbDatabase database, DerivationScope? scope = null)
    {
        var pool = new StringPool();
        var filter = scope?.Filter;
        var commits = DerivationSourceReader.Commits(database, filter)
            .Select(c => c with { Repo = pool.Get(c.Repo), Sha = pool.Get(c.Sha), Parents = c.Parents.Select(pool.Get).ToArray(), Author = pool.Get(c.Author) })
            .ToList();
        var pulls = DerivationSourceReader.PullRequests(database, filter)
            .Select(p => p with { Repo = pool.Get(p.Repo), Author = pool.Get(p.Author), MergeCommitSha = pool.GetOrNull(p.MergeCommitSha) }).ToList();
        var pullCommits = DerivationSourceReader.PullRequestCommits(database, filter).ToLookup(r => (pool.Get(r.Repo), r.Number), r => pool.Get(r.Sha));
        var reviews = DerivationSourceReader.Reviews(database, filter)
            .Select(r => r with { Repo = pool.Get(r.Repo), Reviewer = pool.Get(r.Reviewer), State = pool.Get(r.State) })
            .ToLookup(r => (r.Repo, r.Number));
        var deployments = DerivationSourceReader.Deployments(database, filter)
            .Select(d => d with { Service = pool.Get(d.Service), Repo = pool.GetOrNull(d.Repo), Environment = pool.Get(d.Environment), Sha = pool.Get(d.Sha), Status = pool.Get(d.Status) })
            .ToList();
        var incidents = DerivationSourceReader.Incidents(database, filter).ToList();
        var runs = DerivationSourceReader.PipelineRuns(database, filter)
            .Select(r => r with { Repo = pool.Get(r.Repo), Sha = pool.Get(r.Sha) }).ToLookup(r => (r.Repo, r.Sha));
        return new DerivationInput
        {
            Commits = commits, PullRequests = pulls, PullRequestCommits = pullCommits, Reviews = reviews,
            Deployments = deployments, Incidents = incidents, Services = DerivationSourceReader.Services(database), Teams = LoadTeams(database),
            PersonByIdentity = DerivationSourceReader.PersonByIdentity(database), PipelineRuns = runs,
        };
    }

    /// <summary>
    /// What ticket links read of the whole org, after a full derivation by connected sets: every pull request, its
    /// commits and their messages; nothing else (no graph, deployments or CI runs).
    /// </summary>
    public static DerivationInput LoadForTicketLinks(DuckDbDatabase database)
    {
        var pool = new StringPool();
        return new DerivationInput
        {
            Commits = DerivationSourceReader.PullRequestCommitMessages(database).Select(c => c with { Repo = pool.Get(c.Repo), Sha = pool.Get(c.Sha) }).ToList(),
            PullRequests = DerivationSourceReader.PullRequests(database, null).Select(p => p with { Repo = pool.Get(p.Repo), Author = pool.Get(p.Author) }).ToList(),
            PullRequestCommits = DerivationSourceReader.PullRequestCommits(database, null).ToLookup(r => (pool.Get(r.Repo), r.Number), r => pool.Get(r.Sha)),
            Reviews = Array.Empty<ReviewInfo>().ToLookup(r => (r.Repo, r.Number)),
            Deployments = [], Incidents = [], Services = DerivationSourceReader.Services(database), Teams = LoadTeams(database),
            PersonByIdentity = new Dictionary<string, string>(), PipelineRuns = Array.Empty<PipelineRunInfo>().ToLookup(r => (r.Repo, r.Sha)),
        };
    }
}
