using DevEx.Store.Queries;

namespace DevEx.Store.Tests.Queries;

/// <summary>The runner's table call: columns as the SQL names them, values as DuckDB returns them, NULL as null, filters shaped.</summary>
public sealed class QueryRunnerTableTests : IDisposable
{
    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();

    public void Dispose() => temporary.Dispose();

    private const string Sql = """
        SELECT x AS n, 'row ' || x AS label, CASE WHEN x = 2 THEN NULL ELSE x * 1.5 END AS half_hours
        FROM range(1, 4) t(x)
        WHERE ($team::VARCHAR IS NULL OR x <> 3)
        ORDER BY x
        """;

    [Fact]
    public void A_table_has_the_columns_and_rows_of_the_sql()
    {
        var parameters = new QueryParameters();
        parameters.Add("team", null);

        var table = new QueryRunner(temporary.Database).TableSql(Sql, parameters);

        Assert.Equal(["n", "label", "half_hours"], table.Columns.Select(c => c.Name));
        Assert.Equal(typeof(string), table.Columns[1].Type);
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal("row 1", table.Rows[0][1]);
        Assert.Null(table.Rows[1][2]);
        Assert.Equal(4.5, Convert.ToDouble(table.Rows[2][2], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_set_filter_parameter_keeps_its_condition()
    {
        var parameters = new QueryParameters();
        parameters.Add("team", "payments");

        var table = new QueryRunner(temporary.Database).TableSql(Sql, parameters);

        // x <> 3 holds for 1 and 2 only.
        Assert.Equal(2, table.Rows.Count);
    }

    [Fact]
    public void A_named_query_runs_from_the_catalog()
    {
        var table = new QueryRunner(temporary.Database).Table("panel_unowned_services", new QueryParameters());

        // An empty database has no services, so no unowned ones; the columns are the file's.
        Assert.Empty(table.Rows);
        Assert.Equal(["service", "named_owner", "deployments", "incidents", "repos"], table.Columns.Select(c => c.Name));
    }
}
