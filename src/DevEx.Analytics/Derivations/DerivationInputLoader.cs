using Dapper;
using DevEx.Store;
using NodaTime;

namespace DevEx.Analytics.Derivations;

/// <summary>
/// Loads what the derivations read in a handful of queries: the whole org, or with a <see cref="DerivationScope"/> only
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
    public static IReadOnlyDictionary<string, TeamInfo> LoadTeams(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<TeamInfo>("SELECT id, timezone AS TimeZone, working_hours AS WorkingHours FROM teams")
            .ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public static DerivationInput Load(DuckDbDatabase database, DerivationScope? scope = null)
    {
        using var connection = database.Open();
        var pool = new StringPool();
        var inRepos = scope is null ? "" : "WHERE repo " + DerivationScope.InRepos;
        var inServices = scope is null ? "" : "WHERE service " + DerivationScope.InServices;
        var parameters = scope?.Parameters;
        var commits = connection.Query<CommitInfo>(
                $"SELECT repo, sha, parents, author, authored_at AS AuthoredAt, message FROM commits {inRepos}", parameters)
            .Select(c => c with { Repo = pool.Get(c.Repo), Sha = pool.Get(c.Sha), Parents = c.Parents.Select(pool.Get).ToArray(), Author = pool.Get(c.Author) })
            .ToList();
        var pulls = connection.Query<PullRequestInfo>($"""
            SELECT repo, number, author, created_at AS CreatedAt, ready_at AS ReadyAt, merged_at AS MergedAt,
                   merge_commit_sha AS MergeCommitSha, head_branch AS HeadBranch, title, coalesce(labels, []) AS labels,
                   additions, deletions
            FROM pull_requests {inRepos}
            """, parameters).Select(p => p with { Repo = pool.Get(p.Repo), Author = pool.Get(p.Author), MergeCommitSha = pool.GetOrNull(p.MergeCommitSha) }).ToList();
        var pullCommits = connection.Query<(string Repo, int Number, string Sha)>($"SELECT repo, number, sha FROM pull_request_commits {inRepos}", parameters)
            .ToLookup(r => (pool.Get(r.Repo), r.Number), r => pool.Get(r.Sha));
        var reviews = connection.Query<ReviewInfo>($"SELECT repo, number, reviewer, state, submitted_at AS SubmittedAt FROM reviews {inRepos}", parameters)
            .Select(r => r with { Repo = pool.Get(r.Repo), Reviewer = pool.Get(r.Reviewer), State = pool.Get(r.State) })
            .ToLookup(r => (r.Repo, r.Number));
        var deployments = connection.Query<DeploymentInfo>(
            $"SELECT id, service, repo, environment, sha, finished_at AS FinishedAt, status FROM deployments {inServices}", parameters)
            .Select(d => d with { Service = pool.Get(d.Service), Repo = pool.GetOrNull(d.Repo), Environment = pool.Get(d.Environment), Sha = pool.Get(d.Sha), Status = pool.Get(d.Status) })
            .ToList();
        var incidents = connection.Query<IncidentInfo>($"""
            SELECT id, service, opened_at AS OpenedAt, caused_by_deployment AS CausedByDeployment,
                   caused_by_sha AS CausedBySha, caused_by_pr AS CausedByPr, title,
                   caused_by_change AS CausedByChange, caused_by_change_reason AS CausedByChangeReason
            FROM incidents {inServices}
            """, parameters).ToList();
        var serviceRepos = connection.Query<(string ServiceId, string Repo)>("SELECT service_id, repo FROM service_repositories ORDER BY repo")
            .ToLookup(r => r.ServiceId, r => r.Repo);
        var services = connection.Query<(string Id, string? OwnerTeam, string? ProductionEnvironments)>(
                "SELECT id, owner_team, production_environments FROM services")
            .ToDictionary(s => s.Id, s => new ServiceInfo(s.Id, s.OwnerTeam, s.ProductionEnvironments, serviceRepos[s.Id].ToList()), StringComparer.Ordinal);
        var teams = LoadTeams(database);
        var identities = connection.Query<(string Identity, string PersonId)>("SELECT identity, person_id FROM identities")
            .ToDictionary(i => i.Identity, i => i.PersonId, StringComparer.Ordinal);
        var runs = connection.Query<PipelineRunInfo>($"""
            SELECT repo, sha, created_at AS CreatedAt, started_at AS StartedAt, completed_at AS CompletedAt FROM pipeline_runs {inRepos}
            """, parameters).Select(r => r with { Repo = pool.Get(r.Repo), Sha = pool.Get(r.Sha) }).ToLookup(r => (r.Repo, r.Sha));
        return new DerivationInput
        {
            Commits = commits, PullRequests = pulls, PullRequestCommits = pullCommits, Reviews = reviews,
            Deployments = deployments, Incidents = incidents, Services = services, Teams = teams,
            PersonByIdentity = identities, PipelineRuns = runs,
        };
    }
}
