using Dapper;
using DuckDB.NET.Data;
using NodaTime;

namespace DevEx.Store.Reading;

/// <summary>
/// What a webhook needs to know of the stored rows, read on the connection (and under the write lock) it writes
/// with, so the read and the write see the same state.
/// </summary>
public sealed class StoredGitHubRows(DuckDBConnection connection)
{
    /// <summary>The stored ready time of a pull request: webhooks other than ready_for_review cannot know it.</summary>
    public Instant? ReadyAt(string repo, int number) =>
        connection.QueryFirstOrDefault<PullRequestReady>("SELECT ready_at AS ReadyAt FROM pull_requests WHERE repo = $repo AND number = $number",
            new { repo, number })?.ReadyAt;

    /// <summary>Merged pull requests of <paramref name="repo"/> whose merge commit is one of <paramref name="shas"/>: number by merge sha.</summary>
    public IReadOnlyDictionary<string, int> MergedPullRequestsByMergeSha(string repo, IEnumerable<string> shas)
    {
        var list = string.Join(',', shas);
        return list.Length == 0
            ? new Dictionary<string, int>()
            : connection.Query<(string Sha, int Number)>("""
                    SELECT merge_commit_sha, number FROM pull_requests
                    WHERE repo = $repo AND merged_at IS NOT NULL AND list_contains(string_split($list, ','), merge_commit_sha)
                    ORDER BY merged_at
                    """, new { repo, list })
                .GroupBy(p => p.Sha, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Number, StringComparer.Ordinal);
    }

    public IReadOnlySet<string> PullRequestCommits(string repo, int number) =>
        connection.Query<string>("SELECT sha FROM pull_request_commits WHERE repo = $repo AND number = $number", new { repo, number })
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Up to <paramref name="count"/> stored commits from <paramref name="head"/> down its first parents (head first);
    /// stops at the first commit not stored.
    /// </summary>
    public IReadOnlyList<string> FirstParentChain(string repo, string head, int count)
    {
        var chain = new List<string>();
        var sha = head;
        while (chain.Count < count && sha is not null && !chain.Contains(sha))
        {
            var row = connection.QueryFirstOrDefault<FirstParent>("SELECT sha AS Sha, parents[1] AS Parent FROM commits WHERE repo = $repo AND sha = $sha",
                new { repo, sha });
            if (row is null)
            {
                break;
            }
            chain.Add(row.Sha);
            sha = row.Parent;
        }
        return chain;
    }

    /// <summary>The services stored incidents belong to: an incident an event moves or removes leaves its old service to re-derive.</summary>
    public IReadOnlyList<string> IncidentServices(IEnumerable<string> ids)
    {
        var list = string.Join('\n', ids);
        return list.Length == 0
            ? []
            : connection.Query<string>("SELECT DISTINCT service FROM incidents WHERE list_contains(string_split($list, chr(10)), id)", new { list }).AsList();
    }

    private sealed record PullRequestReady(Instant? ReadyAt);

    private sealed record FirstParent(string Sha, string? Parent);
}
