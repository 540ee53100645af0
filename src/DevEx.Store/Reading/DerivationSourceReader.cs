using Dapper;

namespace DevEx.Store.Reading;

/// <summary>
/// The source rows the derivations read, one query per table: the whole org, or with a <see cref="RepoServiceScope"/>
/// only its repositories' commits, pull requests, reviews and CI runs and its services' deployments and incidents
/// (services, teams and identities are small and always whole). Rows stream (unbuffered): the caller builds its own
/// lists from them (interning strings), so a table is never held twice.
/// </summary>
public static class DerivationSourceReader
{
    public static IEnumerable<CommitInfo> Commits(DuckDbDatabase database, RepoServiceScope? scope) =>
        Stream<CommitInfo>(database, $"SELECT repo, sha, parents, author, authored_at AS AuthoredAt, message FROM commits {InRepos(scope)}", scope);

    /// <summary>
    /// The commits of pull requests with their messages only (no parents, author or time): what ticket links read
    /// when the rest of the org's commits are no longer held (a full derivation by connected sets).
    /// </summary>
    public static IEnumerable<CommitInfo> PullRequestCommitMessages(DuckDbDatabase database) =>
        Stream<(string Repo, string Sha, string? Message)>(database, """
            SELECT c.repo, c.sha, c.message FROM commits c
            WHERE EXISTS (SELECT 1 FROM pull_request_commits p WHERE p.repo = c.repo AND p.sha = c.sha)
            """, null).Select(c => new CommitInfo(c.Repo, c.Sha, [], "", default, c.Message));

    public static IEnumerable<PullRequestInfo> PullRequests(DuckDbDatabase database, RepoServiceScope? scope) =>
        Stream<PullRequestInfo>(database, $"""
            SELECT repo, number, author, created_at AS CreatedAt, ready_at AS ReadyAt, merged_at AS MergedAt,
                   merge_commit_sha AS MergeCommitSha, head_branch AS HeadBranch, title, coalesce(labels, []) AS labels,
                   additions, deletions
            FROM pull_requests {InRepos(scope)}
            """, scope);

    public static IEnumerable<(string Repo, int Number, string Sha)> PullRequestCommits(DuckDbDatabase database, RepoServiceScope? scope) =>
        Stream<(string Repo, int Number, string Sha)>(database, $"SELECT repo, number, sha FROM pull_request_commits {InRepos(scope)}", scope);

    public static IEnumerable<ReviewInfo> Reviews(DuckDbDatabase database, RepoServiceScope? scope) =>
        Stream<ReviewInfo>(database, $"SELECT repo, number, reviewer, state, submitted_at AS SubmittedAt FROM reviews {InRepos(scope)}", scope);

    public static IEnumerable<DeploymentInfo> Deployments(DuckDbDatabase database, RepoServiceScope? scope) =>
        Stream<DeploymentInfo>(database,
            $"SELECT id, service, repo, environment, sha, finished_at AS FinishedAt, status FROM deployments {InServices(scope)}", scope);

    public static IEnumerable<IncidentInfo> Incidents(DuckDbDatabase database, RepoServiceScope? scope) =>
        Stream<IncidentInfo>(database, $"""
            SELECT id, service, opened_at AS OpenedAt, caused_by_deployment AS CausedByDeployment,
                   caused_by_sha AS CausedBySha, caused_by_pr AS CausedByPr, title,
                   caused_by_change AS CausedByChange, caused_by_change_reason AS CausedByChangeReason
            FROM incidents {InServices(scope)}
            """, scope);

    public static IEnumerable<PipelineRunInfo> PipelineRuns(DuckDbDatabase database, RepoServiceScope? scope) =>
        Stream<PipelineRunInfo>(database,
            $"SELECT repo, sha, created_at AS CreatedAt, started_at AS StartedAt, completed_at AS CompletedAt FROM pipeline_runs {InRepos(scope)}", scope);

    /// <summary>Every service with its repositories (catalog order: by repository).</summary>
    public static IReadOnlyDictionary<string, ServiceInfo> Services(DuckDbDatabase database)
    {
        using var connection = database.Open();
        var serviceRepos = connection.Query<(string ServiceId, string Repo)>("SELECT service_id, repo FROM service_repositories ORDER BY repo")
            .ToLookup(r => r.ServiceId, r => r.Repo);
        return connection.Query<(string Id, string? OwnerTeam, string? ProductionEnvironments)>(
                "SELECT id, owner_team, production_environments FROM services")
            .ToDictionary(s => s.Id, s => new ServiceInfo(s.Id, s.OwnerTeam, s.ProductionEnvironments, serviceRepos[s.Id].ToList()), StringComparer.Ordinal);
    }

    /// <summary>The teams (their zones and working hours).</summary>
    public static IReadOnlyDictionary<string, TeamInfo> Teams(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<TeamInfo>("SELECT id, timezone AS TimeZone, working_hours AS WorkingHours FROM teams")
            .ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    /// <summary>The person behind each stored identity.</summary>
    public static IReadOnlyDictionary<string, string> PersonByIdentity(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<(string Identity, string PersonId)>("SELECT identity, person_id FROM identities")
            .ToDictionary(i => i.Identity, i => i.PersonId, StringComparer.Ordinal);
    }

    private static string InRepos(RepoServiceScope? scope) => scope is null ? "" : "WHERE repo " + RepoServiceScope.InRepos;

    private static string InServices(RepoServiceScope? scope) => scope is null ? "" : "WHERE service " + RepoServiceScope.InServices;

    // The connection stays open while the caller enumerates; the SQL is this class's own, the scope only binds parameters.
    private static IEnumerable<T> Stream<T>(DuckDbDatabase database, string sql, RepoServiceScope? scope)
    {
        using var connection = database.Open();
        foreach (var row in connection.Query<T>(sql, scope?.Parameters, buffered: false))
        {
            yield return row;
        }
    }
}
