using Dapper;
using DevEx.Store.Reading;
using DuckDB.NET.Data;

namespace DevEx.Store.Writing;

/// <summary>
/// What a derivation deletes before writing its rows, inside its <see cref="DuckDbDatabase.WriteDerived"/>: a full run
/// every row of the derivation's own d_* tables; an incremental run the rows of its scope (its services' deployments,
/// their commits, changes and incidents, its repositories' pull requests, the data-quality entries about them).
/// Ticket tables, meeting weeks and failure signals delete their own.
/// </summary>
public static class DerivedTableDeletes
{
    private static readonly string[] Tables = ["d_deployments", "d_deployment_commits", "d_changes", "d_pull_requests", "d_incidents", "d_data_quality"];

    // Data-quality entries are keyed by subject, not by service: each kind's subject says whose it is. The lead-time
    // entry of a change names its deployment in the detail; a pull request's phase entry has the ref "repo#number".
    private static readonly string DeleteScope = $"""
        DELETE FROM d_data_quality WHERE
            (kind IN ('deployment-sha-unknown', 'previous-deployment-sha-unknown')
                AND (subject IN (SELECT id FROM d_deployments WHERE service {RepoServiceScope.InServices})
                     OR subject IN (SELECT id FROM deployments WHERE service {RepoServiceScope.InServices})))
            OR (kind = 'clamped-span' AND detail LIKE 'change starts %'
                AND regexp_extract(detail, 'after deployment (.+) finished; lead time counted as 0$', 1)
                    IN (SELECT id FROM d_deployments WHERE service {RepoServiceScope.InServices}))
            OR (kind = 'clamped-span' AND detail LIKE 'a phase ends %'
                AND regexp_extract(subject, '^(.+)#[0-9]+$', 1) {RepoServiceScope.InRepos})
            OR (kind = 'incident-cause-unresolved'
                AND (subject IN (SELECT id FROM incidents WHERE service {RepoServiceScope.InServices})
                     OR subject IN (SELECT id FROM d_incidents WHERE service {RepoServiceScope.InServices})));
        DELETE FROM d_deployment_commits WHERE deployment_id IN (SELECT id FROM d_deployments WHERE service {RepoServiceScope.InServices});
        DELETE FROM d_deployments WHERE service {RepoServiceScope.InServices};
        DELETE FROM d_changes WHERE service {RepoServiceScope.InServices};
        DELETE FROM d_pull_requests WHERE repo {RepoServiceScope.InRepos};
        DELETE FROM d_incidents WHERE service {RepoServiceScope.InServices};
        """;

    /// <summary>Every row of the tables, or (with a scope) the scope's rows.</summary>
    public static void Delete(DuckDBConnection connection, DuckDBTransaction transaction, RepoServiceScope? scope)
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
    }
}
