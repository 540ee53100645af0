using Dapper;

namespace DevEx.Store.Queries;

/// <summary>Runs a query of queries/ by name with <c>$name</c> parameters and maps its snake_case columns to T.</summary>
public sealed class QueryRunner(DuckDbDatabase database)
{
    private readonly Reading.TeamTree teams = Reading.TeamTree.For(database);

    public IReadOnlyList<T> Run<T>(string queryName, object parameters, CancellationToken cancellationToken = default) =>
        RunSql<T>(QueryCatalog.Get(queryName), parameters, cancellationToken);

    /// <summary>
    /// A query of queries/ without parameters over small tables (the teams, the services), read once per committed write and
    /// served from memory until the next: every page and roll-up asks it, where a statement each would queue behind the
    /// computations under load (docs/benchmarks.md, "Load").
    /// </summary>
    public Reading.PerWriteSnapshot<IReadOnlyList<T>> PerWrite<T>(string queryName)
    {
        var sql = QueryShape.Apply(QueryCatalog.Get(queryName), null);
        return new(database, connection => connection.Query<T>(sql).ToList());
    }

    /// <summary>Runs any SQL of the Store's own (explain listings); user input only ever arrives as parameters.</summary>
    public IReadOnlyList<T> RunSql<T>(string sql, object parameters, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        var values = WithTeamsBelow(parameters);
        return connection.Query<T>(new CommandDefinition(QueryShape.Apply(sql, values), new DynamicParameters(values), cancellationToken: cancellationToken)).ToList();
    }

    /// <summary>Runs a query of queries/ by name and returns its columns and rows as they come.</summary>
    public QueryTable Table(string queryName, QueryParameters parameters, CancellationToken cancellationToken = default) =>
        TableSql(QueryCatalog.Get(queryName), parameters, cancellationToken);

    /// <summary>
    /// Runs SQL whose columns the caller does not know (a dashboard's query file read from disk) and returns its columns
    /// and rows; values a person chose arrive as parameters only.
    /// </summary>
    public QueryTable TableSql(string sql, QueryParameters parameters, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        var values = WithTeamsBelow(parameters);
        using var reader = connection.ExecuteReader(new CommandDefinition(QueryShape.Apply(sql, values), new DynamicParameters(values),
            cancellationToken: cancellationToken));
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new QueryColumn(reader.GetName(i), reader.GetFieldType(i))).ToList();
        var rows = new List<IReadOnlyList<object?>>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return new QueryTable(columns, rows);
    }

    /// <summary>
    /// The query's parameters, with <c>$teams</c> beside a <c>$team</c>: the team and every team below it, comma-separated
    /// (<see cref="Reading.TeamTree"/>), which the shipped queries filter on so that a department rolls up its teams
    /// (queries/README.md, "Parameters").
    /// </summary>
    private Dictionary<string, object?> WithTeamsBelow(object parameters)
    {
        var values = QueryShape.Values(parameters);
        if (values.TryGetValue("team", out var team) && !values.ContainsKey("teams"))
        {
            values["teams"] = teams.Below(team as string);
        }
        return values;
    }
}
