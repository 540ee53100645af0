using Dapper;
using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store.State;
using DevEx.Store;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using DuckDB.NET.Data;

namespace DevEx.Collectors.GitHub;

/// <summary>
/// Writes a <see cref="GitHubBatch"/> in one transaction under the database's write lock, with the same keys as the
/// import: a webhook, a REST poll and an import of the same object all end in one row.
/// </summary>
public sealed class GitHubRowWriter(DuckDbDatabase database)
{
    /// <summary>Writes the batch; returns the rows written.</summary>
    public int Write(GitHubBatch batch)
    {
        database.Write((connection, _) => Write(connection, batch));
        return batch.RowCount;
    }

    /// <summary>Writes the batch on a connection whose caller holds the write lock and a transaction.</summary>
    public static void Write(DuckDBConnection connection, GitHubBatch batch)
    {
        TableWriter.Upsert(connection, Tables.Repositories, batch.Repositories);
        TableWriter.Upsert(connection, Tables.Commits, batch.Commits);
        TableWriter.Upsert(connection, Tables.Commits, NotStored(connection, batch.ProvisionalCommits, batch.Commits));
        TableWriter.Upsert(connection, Tables.PullRequests, [.. batch.PullRequests, .. batch.PullRequestUpdates]);
        ReplaceOrAdd(connection, batch.PullRequests, Tables.PullRequestCommits, batch.PullRequestCommits);
        ReplaceOrAdd(connection, batch.PullRequests, Tables.Reviews, batch.Reviews);
        ReplaceOrAdd(connection, batch.PullRequests, Tables.ReviewRequests, batch.ReviewRequests);
        TableWriter.Upsert(connection, Tables.PipelineRuns, batch.PipelineRuns);
        TableWriter.Upsert(connection, Tables.Deployments, batch.Deployments);
        TableWriter.Upsert(connection, Tables.Incidents, batch.Incidents);
        TableWriter.Upsert(connection, Tables.Tickets, batch.Tickets);
        TableWriter.ReplaceChildren(connection, Tables.TicketKeys, batch.Tickets, Tables.TicketTransitions, batch.TicketTransitions);
        TableWriter.Upsert(connection, Tables.TicketStatuses, batch.TicketStatuses);
        foreach (var (scope, resource, cursor, etag, at) in batch.Cursors)
        {
            SyncStateStore.Upsert(connection, GitHubMapping.Source, scope, resource, cursor, etag, at);
        }
        foreach (var (kind, key, payload, receivedAt) in batch.RawPayloads)
        {
            RawPayloadStore.Insert(connection, kind, key, payload, receivedAt);
        }
        foreach (var id in batch.RemovedIncidents.Distinct(StringComparer.Ordinal))
        {
            connection.Execute("DELETE FROM incidents WHERE id = $id", new { id });
        }
    }

    /// <summary>
    /// Children of complete pull requests replace the stored ones (like the import); children of webhook updates are
    /// added, because a webhook carries only the one review or commit it is about.
    /// </summary>
    private static void ReplaceOrAdd<TChild>(DuckDBConnection connection, List<PullRequestRow> complete, TableSpec<TChild> spec, List<TChild> children)
    {
        if (complete.Count > 0)
        {
            TableWriter.ReplaceChildren(connection, Tables.PullRequestKeys, complete, spec, children);
        }
        else
        {
            TableWriter.Upsert(connection, spec, children);
        }
    }

    /// <summary>The provisional commits neither stored nor in the batch's known commits.</summary>
    private static List<CommitRow> NotStored(DuckDBConnection connection, List<CommitRow> provisional, List<CommitRow> known)
    {
        if (provisional.Count == 0)
        {
            return [];
        }
        var present = known.Select(c => (c.Repo, c.Sha)).ToHashSet();
        foreach (var repo in provisional.Select(c => c.Repo).Distinct(StringComparer.Ordinal))
        {
            var shas = string.Join(',', provisional.Where(c => c.Repo == repo).Select(c => c.Sha));
            var stored = connection.Query<string>(
                "SELECT sha FROM commits WHERE repo = $repo AND list_contains(string_split($shas, ','), sha)", new { repo, shas });
            present.UnionWith(stored.Select(sha => (repo, sha)));
        }
        return provisional.Where(c => !present.Contains((c.Repo, c.Sha))).ToList();
    }
}
