using Dapper;
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
/// requests, the data-quality entries about them, the tickets it re-derived) and writes them again.
/// </summary>
internal static class DerivedTablesWriter
{
    private static readonly string[] Tables = ["d_deployments", "d_deployment_commits", "d_changes", "d_pull_requests", "d_incidents", "d_data_quality"];

    // Data-quality entries are keyed by subject, not by service: each kind's subject says whose it is. The lead-time
    // entry of a change names its deployment in the detail; a pull request's phase entry has the ref "repo#number".
    private static readonly string DeleteScope = $"""
        DELETE FROM d_data_quality WHERE
            (kind IN ('deployment-sha-unknown', 'previous-deployment-sha-unknown')
                AND (subject IN (SELECT id FROM d_deployments WHERE service {DerivationScope.InServices})
                     OR subject IN (SELECT id FROM deployments WHERE service {DerivationScope.InServices})))
            OR (kind = 'clamped-span' AND detail LIKE 'change starts %'
                AND regexp_extract(detail, 'after deployment (.+) finished; lead time counted as 0$', 1)
                    IN (SELECT id FROM d_deployments WHERE service {DerivationScope.InServices}))
            OR (kind = 'clamped-span' AND detail LIKE 'a phase ends %'
                AND regexp_extract(subject, '^(.+)#[0-9]+$', 1) {DerivationScope.InRepos})
            OR (kind = 'incident-cause-unresolved'
                AND (subject IN (SELECT id FROM incidents WHERE service {DerivationScope.InServices})
                     OR subject IN (SELECT id FROM d_incidents WHERE service {DerivationScope.InServices})));
        DELETE FROM d_deployment_commits WHERE deployment_id IN (SELECT id FROM d_deployments WHERE service {DerivationScope.InServices});
        DELETE FROM d_deployments WHERE service {DerivationScope.InServices};
        DELETE FROM d_changes WHERE service {DerivationScope.InServices};
        DELETE FROM d_pull_requests WHERE repo {DerivationScope.InRepos};
        DELETE FROM d_incidents WHERE service {DerivationScope.InServices};
        """;

    public static void Write(DuckDbDatabase database, DerivationScope? scope, DerivedRows rows)
    {
        var commits = rows.Deployments.Where(d => d.Repo is not null)
            .SelectMany(d => d.ChangeSet.Select(sha => new DerivedTables.DeploymentCommitRow(d.Id, d.Repo!, sha))).ToList();
        var qualityRows = rows.Quality.Entries.Select(e => new DerivedTables.QualityRow(e.Kind, e.Subject, e.Detail)).Distinct().ToList();
        // Under the derived tables' own lock: a webhook's source write does not wait for this one.
        database.WriteDerived((connection, transaction) =>
        {
            if (scope is null)
            {
                foreach (var table in Tables)
                {
                    connection.Execute($"DELETE FROM {table}", transaction: transaction);
                }
            }
            else
            {
                connection.Execute(DeleteScope, scope.Parameters, transaction);
            }
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
            FailureSignalDeriver.Derive(connection, transaction, scope);
        });
    }
}
