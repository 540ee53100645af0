using Dapper;
using DevEx.Store.Reading;
using DuckDB.NET.Data;

namespace DevEx.Store.Writing;

/// <summary>
/// Fills d_failure_signals from d_deployments and the source tables, in the transaction that wrote d_deployments and
/// d_incidents: per service, repository and owner team, whether anything imported could mark a deployment failed
/// (docs/metrics.md#change-fail-rate). It does not depend on a window, so the DORA queries read it instead of searching
/// every deployment and pull request per request. Rebuilt whole: a few hundred rows from one pass over each table;
/// an incremental derivation rebuilds its services' rows only (their repositories are the scope's, and so are the
/// incidents and deployments read), keeping the time it holds the write lock short.
/// </summary>
public static class FailureSignals
{
    public static void Rebuild(DuckDBConnection connection, DuckDBTransaction transaction, RepoServiceScope? scope = null)
    {
        var only = scope is null ? "" : "WHERE service " + RepoServiceScope.InServices;
        connection.Execute($"""
            DELETE FROM d_failure_signals {only};
            INSERT INTO d_failure_signals
            SELECT d.service, d.repo, d.owner_team,
                   d.service IN (SELECT service FROM d_incidents WHERE not_caused_reason IS NULL),
                   d.service IN (SELECT service FROM deployments WHERE status = 'failure'),
                   coalesce(d.repo IN (SELECT repo FROM pull_requests WHERE merged_at IS NOT NULL), false),
                   d.failed
            FROM (SELECT service, repo, owner_team, bool_or(failed) AS failed FROM d_deployments {only} GROUP BY ALL) d;
            """, scope?.Parameters, transaction);
    }
}
