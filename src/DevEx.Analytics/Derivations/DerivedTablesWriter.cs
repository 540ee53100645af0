using DevEx.Store;
using DevEx.Store.Writing;

namespace DevEx.Analytics.Derivations;

/// <summary>Everything one derivation run produced, written together.</summary>
internal sealed record DerivedRows(
    IReadOnlyList<DerivedDeployment> Deployments, IReadOnlyList<DerivedTables.ChangeRow> Changes, IReadOnlyList<PullRequestFlowRow> PullRequests,
    IReadOnlyList<IncidentReading> Incidents, DataQualityLog Quality, Tickets.TicketDerivation Tickets, IReadOnlyList<Calendar.PersonWeek>? MeetingWeeks);

/// <summary>
/// Writes a derivation's rows in one transaction (the d_* tables, the ticket tables, d_person_weeks, d_failure_signals),
/// so a reader sees the old state or the new, never a mix. A full run replaces the tables; an incremental run deletes
/// the rows of its scope (its services' deployments, their commits, changes and incidents, its repositories' pull
/// requests, the data-quality entries about them, the tickets it re-derived: <see cref="DerivedTableDeletes"/>) and writes
/// them again. A further derived table (rollups, say) is one more line in the transaction below.
/// </summary>
internal static class DerivedTablesWriter
{
    /// <param name="cancellationToken">Gives up while waiting for the derived tables' lock; never inside the transaction.</param>
    public static void Write(DuckDbDatabase database, DerivationScope? scope, DerivedRows rows, CancellationToken cancellationToken = default)
    {
        var commits = rows.Deployments.Where(d => d.Repo is not null)
            .SelectMany(d => d.ChangeSet.Select(sha => new DerivedTables.DeploymentCommitRow(d.Id, d.Repo!, sha))).ToList();
        var qualityRows = rows.Quality.Entries.Select(e => new DerivedTables.QualityRow(e.Kind, e.Subject, e.Detail)).Distinct().ToList();
        // Under the derived tables' own lock: a webhook's source write does not wait for this one.
        database.WriteDerived((connection, transaction) =>
        {
            DerivedTableDeletes.Delete(connection, transaction, scope?.Filter);
            TableWriter.Upsert(connection, DerivedTables.Deployments, rows.Deployments.ToList());
            TableWriter.Upsert(connection, DerivedTables.DeploymentCommits, commits);
            TableWriter.Upsert(connection, DerivedTables.Changes, rows.Changes.ToList());
            TableWriter.Upsert(connection, DerivedTables.PullRequests, rows.PullRequests.ToList());
            TableWriter.Upsert(connection, DerivedTables.Incidents, rows.Incidents.ToList());
            TableWriter.Upsert(connection, DerivedTables.Quality, qualityRows);
            Tickets.TicketDeriver.Write(connection, rows.Tickets);
            if (rows.MeetingWeeks is { } weeks)
            {
                Calendar.MeetingWeekDeriver.Write(connection, weeks);
            }
            FailureSignals.Rebuild(connection, transaction, scope?.Filter);
        }, cancellationToken);
    }
}
