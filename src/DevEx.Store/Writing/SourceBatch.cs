using Dapper;
using DevEx.Store.Rows;
using DevEx.Store.State;
using DuckDB.NET.Data;
using NodaTime;

namespace DevEx.Store.Writing;

/// <summary>A sync cursor that covers the rows of a batch, saved in the batch's transaction.</summary>
public sealed record SourceCursor(string Source, string Scope, string Resource, string? Cursor, string? ETag, Instant At);

/// <summary>What a source sent for the rows of a batch, kept in raw_payloads in the batch's transaction.</summary>
public sealed record RawPayload(string Source, string Kind, string? Key, string Payload, Instant ReceivedAt);

/// <summary>An incident to delete (it lost its label, or its issue is gone); <see cref="Source"/> null: whatever its source.</summary>
public sealed record IncidentRemoval(string Id, string? Source = null);

/// <summary>
/// The source rows of one unit of collection (an import batch, a page of a REST sync, a webhook, a Jira page, a git
/// clone), written in one transaction with the same keys by every source: a webhook, a REST poll and an import of
/// the same object all end in one row. Two kinds of pull request: complete ones (import, REST: with all their
/// commits, reviews and requests, which replace the stored children) and updates (webhooks: the pull request alone,
/// plus any children the event carried, added to the stored ones).
/// </summary>
public sealed class SourceBatch
{
    public List<RepositoryRow> Repositories { get; } = [];

    /// <summary>Commits whose parents are known (import, REST, git): written over whatever is stored.</summary>
    public List<CommitRow> Commits { get; } = [];

    /// <summary>
    /// Commits whose parents are a guess (push webhooks: a chain): written only when the commit is not stored yet, so
    /// a webhook never overwrites real parents with guessed ones.
    /// </summary>
    public List<CommitRow> ProvisionalCommits { get; } = [];

    /// <summary>Complete pull requests: their stored commits, reviews and review requests are replaced.</summary>
    public List<PullRequestRow> PullRequests { get; } = [];

    /// <summary>Pull requests from webhooks: the row is replaced, stored children are kept.</summary>
    public List<PullRequestRow> PullRequestUpdates { get; } = [];

    public List<PullRequestCommitRow> PullRequestCommits { get; } = [];
    public List<ReviewRow> Reviews { get; } = [];
    public List<ReviewRequestRow> ReviewRequests { get; } = [];
    public List<PipelineRunRow> PipelineRuns { get; } = [];
    public List<DeploymentRow> Deployments { get; } = [];
    public List<IncidentRow> Incidents { get; } = [];
    public List<IncidentRemoval> RemovedIncidents { get; } = [];

    /// <summary>Tickets; their transitions replace the stored ones.</summary>
    public List<TicketRow> Tickets { get; } = [];
    public List<TicketTransitionRow> TicketTransitions { get; } = [];
    public List<TicketStatusRow> TicketStatuses { get; } = [];
    public List<ImportRejectRow> ImportRejects { get; } = [];

    /// <summary>Current versions of collected repository files (migration 016).</summary>
    public List<RepositoryFileRow> RepositoryFiles { get; } = [];

    /// <summary>Collected files no longer on the default branch: deleted from repository_files before the batch's files are written.</summary>
    public List<RepositoryFileRemoval> RemovedRepositoryFiles { get; } = [];
    public List<RepositoryFileVersionRow> RepositoryFileVersions { get; } = [];

    /// <summary>Blob texts, one row per blob sha.</summary>
    public List<RepositoryFileContentRow> RepositoryFileContents { get; } = [];

    /// <summary>
    /// Paths whose current row is recomputed from their stored versions once the batch's versions are written (the
    /// import's repository-files kind: it sends history, the newest version is the current file).
    /// </summary>
    public List<RepositoryFileRefresh> RefreshedRepositoryFiles { get; } = [];

    /// <summary>Cursors that cover these rows: an interrupted sync re-reads exactly what was not written.</summary>
    public List<SourceCursor> Cursors { get; } = [];
    public List<RawPayload> RawPayloads { get; } = [];

    /// <summary>
    /// When set, <see cref="Deployments"/> are the whole of the stored deployments whose id starts with it (the tag
    /// deployments of one repository): the others are deleted, and listed in <see cref="DeletedDeployments"/>.
    /// </summary>
    public string? DeploymentsOwnedByPrefix { get; set; }

    /// <summary>After a write with <see cref="DeploymentsOwnedByPrefix"/>: the ids it deleted, in id order.</summary>
    public IReadOnlyList<string> DeletedDeployments { get; private set; } = [];

    /// <summary>Records in the sense of the import format: rows that are not the children of another.</summary>
    public int RecordCount => Repositories.Count + Commits.Count + PullRequests.Count + PipelineRuns.Count
        + Deployments.Count + Incidents.Count + Tickets.Count + RefreshedRepositoryFiles.Count;

    /// <summary>Rows written, child rows and removals included (ticket statuses, rejects and state rows are not).</summary>
    public int RowCount =>
        Repositories.Count + Commits.Count + ProvisionalCommits.Count + PullRequests.Count + PullRequestUpdates.Count
        + PullRequestCommits.Count + Reviews.Count + ReviewRequests.Count + PipelineRuns.Count + Deployments.Count
        + Incidents.Count + RemovedIncidents.Count + Tickets.Count + TicketTransitions.Count
        + RepositoryFiles.Count + RemovedRepositoryFiles.Count + RepositoryFileVersions.Count + RepositoryFileContents.Count;

    /// <summary>Writes the batch in one transaction of its own; returns <see cref="RowCount"/>.</summary>
    public int Write(DuckDbDatabase database, CancellationToken cancellationToken = default) =>
        database.Write((connection, _) =>
        {
            Write(connection);
            return RowCount;
        }, cancellationToken);

    /// <summary>Writes the batch inside a caller's <see cref="DuckDbDatabase.Write{T}"/> (with a delivery record, say).</summary>
    public void Write(DuckDBConnection connection)
    {
        TableWriter.Upsert(connection, Tables.Repositories, Repositories);
        TableWriter.Upsert(connection, Tables.Commits, Commits);
        TableWriter.Upsert(connection, Tables.Commits, NotStored(connection, ProvisionalCommits, Commits));
        TableWriter.Upsert(connection, Tables.PullRequests, PullRequestUpdates.Count == 0 ? PullRequests : [.. PullRequests, .. PullRequestUpdates]);
        ReplaceOrAdd(connection, Tables.PullRequestCommits, PullRequestCommits);
        ReplaceOrAdd(connection, Tables.Reviews, Reviews);
        ReplaceOrAdd(connection, Tables.ReviewRequests, ReviewRequests);
        TableWriter.Upsert(connection, Tables.PipelineRuns, PipelineRuns);
        if (DeploymentsOwnedByPrefix is { } prefix)
        {
            DeletedDeployments = TableWriter.ReplaceKeyPrefix(connection, Tables.Deployments, prefix, Deployments);
        }
        else
        {
            TableWriter.Upsert(connection, Tables.Deployments, Deployments);
        }
        TableWriter.Upsert(connection, Tables.Incidents, Incidents);
        TableWriter.Upsert(connection, Tables.Tickets, Tickets);
        TableWriter.ReplaceChildren(connection, Tables.TicketKeys, Tickets, Tables.TicketTransitions, TicketTransitions);
        TableWriter.Upsert(connection, Tables.TicketStatuses, TicketStatuses);
        TableWriter.Upsert(connection, Tables.ImportRejects, ImportRejects);
        TableWriter.Delete(connection, Tables.RepositoryFileKeys, RemovedRepositoryFiles);
        TableWriter.Upsert(connection, Tables.RepositoryFiles, RepositoryFiles);
        TableWriter.Upsert(connection, Tables.RepositoryFileVersions, RepositoryFileVersions);
        TableWriter.Upsert(connection, Tables.RepositoryFileContents, RepositoryFileContents);
        RepositoryFileCurrent.Refresh(connection, RefreshedRepositoryFiles);
        foreach (var cursor in Cursors)
        {
            SyncStateStore.Upsert(connection, cursor.Source, cursor.Scope, cursor.Resource, cursor.Cursor, cursor.ETag, cursor.At);
        }
        foreach (var payload in RawPayloads)
        {
            RawPayloadArchive.Insert(connection, payload.Source, payload.Kind, payload.Key, payload.Payload, payload.ReceivedAt);
        }
        foreach (var removal in RemovedIncidents.Distinct())
        {
            connection.Execute("DELETE FROM incidents WHERE id = $id AND ($source::VARCHAR IS NULL OR source = $source)",
                new { id = removal.Id, source = removal.Source });
        }
    }

    /// <summary>Adds another batch's rows after this one's (the import's chunks, mapped in parallel, in file order).</summary>
    public void Append(SourceBatch other)
    {
        Repositories.AddRange(other.Repositories);
        Commits.AddRange(other.Commits);
        ProvisionalCommits.AddRange(other.ProvisionalCommits);
        PullRequests.AddRange(other.PullRequests);
        PullRequestUpdates.AddRange(other.PullRequestUpdates);
        PullRequestCommits.AddRange(other.PullRequestCommits);
        Reviews.AddRange(other.Reviews);
        ReviewRequests.AddRange(other.ReviewRequests);
        PipelineRuns.AddRange(other.PipelineRuns);
        Deployments.AddRange(other.Deployments);
        Incidents.AddRange(other.Incidents);
        RemovedIncidents.AddRange(other.RemovedIncidents);
        Tickets.AddRange(other.Tickets);
        TicketTransitions.AddRange(other.TicketTransitions);
        TicketStatuses.AddRange(other.TicketStatuses);
        ImportRejects.AddRange(other.ImportRejects);
        RepositoryFiles.AddRange(other.RepositoryFiles);
        RemovedRepositoryFiles.AddRange(other.RemovedRepositoryFiles);
        RepositoryFileVersions.AddRange(other.RepositoryFileVersions);
        RepositoryFileContents.AddRange(other.RepositoryFileContents);
        RefreshedRepositoryFiles.AddRange(other.RefreshedRepositoryFiles);
        Cursors.AddRange(other.Cursors);
        RawPayloads.AddRange(other.RawPayloads);
    }

    /// <summary>The length of every list of rows, to roll a half-mapped record back to.</summary>
    public Mark Mark() => new(
    [
        Repositories.Count, Commits.Count, PullRequests.Count, PullRequestCommits.Count, Reviews.Count, ReviewRequests.Count,
        PipelineRuns.Count, Deployments.Count, Incidents.Count, Tickets.Count, TicketTransitions.Count,
        RepositoryFileVersions.Count, RepositoryFileContents.Count, RefreshedRepositoryFiles.Count,
    ]);

    /// <summary>Drops what was added since <paramref name="mark"/> (the rows an import record added before it failed).</summary>
    public void Rollback(Mark mark)
    {
        var i = 0;
        Truncate(Repositories, mark.Counts[i++]);
        Truncate(Commits, mark.Counts[i++]);
        Truncate(PullRequests, mark.Counts[i++]);
        Truncate(PullRequestCommits, mark.Counts[i++]);
        Truncate(Reviews, mark.Counts[i++]);
        Truncate(ReviewRequests, mark.Counts[i++]);
        Truncate(PipelineRuns, mark.Counts[i++]);
        Truncate(Deployments, mark.Counts[i++]);
        Truncate(Incidents, mark.Counts[i++]);
        Truncate(Tickets, mark.Counts[i++]);
        Truncate(TicketTransitions, mark.Counts[i++]);
        Truncate(RepositoryFileVersions, mark.Counts[i++]);
        Truncate(RepositoryFileContents, mark.Counts[i++]);
        Truncate(RefreshedRepositoryFiles, mark.Counts[i]);
    }

    private static void Truncate<T>(List<T> list, int count) => list.RemoveRange(count, list.Count - count);

    /// <summary>
    /// Children of complete pull requests replace the stored ones; children of webhook updates are added, because a
    /// webhook carries only the one review or commit it is about.
    /// </summary>
    private void ReplaceOrAdd<TChild>(DuckDBConnection connection, TableSpec<TChild> spec, List<TChild> children)
        where TChild : notnull
    {
        if (PullRequests.Count > 0)
        {
            TableWriter.ReplaceChildren(connection, Tables.PullRequestKeys, PullRequests, spec, children);
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

/// <summary>The lengths of a <see cref="SourceBatch"/>'s row lists at one moment.</summary>
public readonly record struct Mark(int[] Counts);
