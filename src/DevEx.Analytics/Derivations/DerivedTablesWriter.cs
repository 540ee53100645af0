using DevEx.Store;
using DevEx.Store.Writing;

namespace DevEx.Analytics.Derivations;

/// <summary>What one connected set of repositories and services derives to (every derived table but tickets and meeting weeks).</summary>
internal sealed record DerivedSetRows(
    IReadOnlyList<DerivedDeployment> Deployments, IReadOnlyList<DerivedTables.ChangeRow> Changes, IReadOnlyList<PullRequestFlowRow> PullRequests,
    IReadOnlyList<IncidentReading> Incidents, DataQualityLog Quality);

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
    /// <summary>An incremental run's rows (or a full run's in one piece) in one transaction.</summary>
    /// <param name="cancellationToken">Gives up while waiting for the derived tables' lock; never inside the transaction.</param>
    public static void Write(DuckDbDatabase database, DerivationScope? scope, DerivedRows rows, CancellationToken cancellationToken = default) =>
        // Under the derived tables' own lock: a webhook's source write does not wait for this one.
        database.WriteDerived((connection, transaction) =>
        {
            DerivedTableDeletes.Delete(connection, transaction, scope?.Filter);
            WriteSet(new TransactionRows(connection), new DerivedSetRows(rows.Deployments, rows.Changes, rows.PullRequests, rows.Incidents, rows.Quality));
            Tickets.TicketDeriver.Replacements(rows.Tickets).Apply(connection);
            if (rows.MeetingWeeks is { } weeks)
            {
                Calendar.MeetingWeekDeriver.Replacements(weeks).Apply(connection);
            }
            FailureSignals.Rebuild(connection, transaction, scope?.Filter);
        }, cancellationToken);

    /// <summary>
    /// A full run by parts (<see cref="DerivedSetRows"/> derived lazily, one at a time, as they are written) in one
    /// transaction: every table emptied, each part written, then the tickets (derived once the parts are: they read
    /// every part's pull requests), meeting weeks and failure signals. Readers see the old state until it commits.
    /// </summary>
    public static void WriteFull(DuckDbDatabase database, IEnumerable<DerivedSetRows> parts, Func<Tickets.TicketDerivation> tickets,
        DataQualityLog ticketQuality, IReadOnlyList<Calendar.PersonWeek> meetingWeeks, CancellationToken cancellationToken = default) =>
        database.WriteDerived((connection, transaction) =>
        {
            DerivedTableDeletes.Delete(connection, transaction, null);
            var rows = new TransactionRows(connection);
            foreach (var part in parts)
            {
                WriteSet(rows, part);
            }
            cancellationToken.ThrowIfCancellationRequested();
            Tickets.TicketDeriver.Replacements(tickets()).Apply(connection);
            rows.Upsert(DerivedTables.Quality, QualityRows(ticketQuality));
            Calendar.MeetingWeekDeriver.Replacements(meetingWeeks).Apply(connection);
            FailureSignals.Rebuild(connection, transaction);
        }, cancellationToken);

    private static void WriteSet(TransactionRows rows, DerivedSetRows set)
    {
        var commits = set.Deployments.Where(d => d.Repo is not null)
            .SelectMany(d => d.ChangeSet.Select(sha => new DerivedTables.DeploymentCommitRow(d.Id, d.Repo!, sha))).ToList();
        rows.Upsert(DerivedTables.Deployments, set.Deployments.ToList());
        rows.Upsert(DerivedTables.DeploymentCommits, commits);
        rows.Upsert(DerivedTables.Changes, set.Changes.ToList());
        rows.Upsert(DerivedTables.PullRequests, set.PullRequests.ToList());
        rows.Upsert(DerivedTables.Incidents, set.Incidents.ToList());
        rows.Upsert(DerivedTables.Quality, QualityRows(set.Quality));
    }

    private static List<DerivedTables.QualityRow> QualityRows(DataQualityLog quality) =>
        quality.Entries.Select(e => new DerivedTables.QualityRow(e.Kind, e.Subject, e.Detail)).Distinct().ToList();
}
