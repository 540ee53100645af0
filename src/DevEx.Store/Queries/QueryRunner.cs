using Dapper;

namespace DevEx.Store.Queries;

/// <summary>Runs a query of queries/ by name with <c>$name</c> parameters and maps its snake_case columns to T.</summary>
public sealed class QueryRunner(DuckDbDatabase database)
{
    public IReadOnlyList<T> Run<T>(string queryName, object parameters, CancellationToken cancellationToken = default) =>
        RunSql<T>(QueryCatalog.Get(queryName), parameters, cancellationToken);

    /// <summary>Runs any SQL of the Store's own (explain listings); user input only ever arrives as parameters.</summary>
    public IReadOnlyList<T> RunSql<T>(string sql, object parameters, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        var bound = parameters is QueryParameters named ? new DynamicParameters(named.Values) : parameters;
        return connection.Query<T>(new CommandDefinition(QueryShape.Apply(sql, parameters), bound, cancellationToken: cancellationToken)).ToList();
    }
}
