using Dapper;
using DevEx.Store.Queries;

namespace DevEx.Store.Tests.Queries;

/// <summary>Each filter shape gets its own statement; what a person typed stays a bound parameter.</summary>
public sealed class QueryShapeTests
{
    private const string Sql = """
        SELECT CASE $group WHEN 'team' THEN owner_team END AS grp, count(*) FROM d_changes
        WHERE deployed_at >= $from
          AND ($team::VARCHAR IS NULL OR owner_team = $team)
          AND ($service::VARCHAR IS NULL OR repo IN (SELECT repo FROM service_repositories WHERE service_id = $service))
          AND ($failed::BOOLEAN IS NULL OR failed = $failed)
        GROUP BY 1
        """;

    [Fact]
    public void A_null_filter_becomes_true_a_set_one_keeps_its_condition_and_the_grouping_is_written_in()
    {
        var parameters = new DynamicParameters();
        parameters.Add("from", new DateTime(2026, 1, 5));
        parameters.Add("team", "payments");
        parameters.Add("service", null);
        parameters.Add("failed", false);
        parameters.Add("group", "team");
        Assert.Equal("""
            SELECT (owner_team) AS grp, count(*) FROM d_changes
            WHERE deployed_at >= $from
              AND (owner_team = $team)
              AND true
              AND (failed = $failed)
            GROUP BY 1
            """, QueryShape.Apply(Sql, parameters));
    }

    [Fact]
    public void A_filter_whose_parameter_is_not_given_is_left_as_written()
    {
        Assert.Equal(Sql.Replace("CASE $group WHEN 'team' THEN owner_team END", "NULL::VARCHAR", StringComparison.Ordinal),
            QueryShape.Apply(Sql, new { group = "none" }));
    }

    [Fact]
    public void A_grouping_value_outside_the_closed_set_stays_a_parameter()
    {
        // Values are enumerations written by the program; anything else (here a quote) is never written into the SQL.
        var shaped = QueryShape.Apply(Sql, new { group = "team' OR 1=1 --", team = (string?)null, service = (string?)null, failed = (bool?)null });
        Assert.Contains("CASE $group WHEN", shaped, StringComparison.Ordinal);
        Assert.DoesNotContain("1=1", shaped, StringComparison.Ordinal);
    }

    [Fact]
    public void Shaped_queries_give_the_rows_of_the_query_as_written()
    {
        using var database = new DuckDbDatabase(":memory:");
        using var connection = database.Open();
        connection.Execute("""
            CREATE TABLE t (team VARCHAR, n INTEGER);
            INSERT INTO t VALUES ('a', 1), ('a', 2), ('b', 4), (NULL, 8);
            """);
        const string sum = "SELECT coalesce(sum(n), 0)::BIGINT FROM t WHERE ($team::VARCHAR IS NULL OR team = $team)";
        long Run(string? team) => connection.ExecuteScalar<long>(QueryShape.Apply(sum, new { team }), new { team });
        // a: 1 + 2; b: 4; no filter: 1 + 2 + 4 + 8; a team no row has: 0.
        Assert.Equal((3L, 4L, 15L, 0L), (Run("a"), Run("b"), Run(null), Run("c")));
    }

    [Theory]
    [InlineData("team", "SELECT (CASE WHEN owner_team IN (SELECT id FROM teams) THEN owner_team END) AS grp, 'x' FROM t")]
    [InlineData("service", "SELECT (service) AS grp, 'x' FROM t")]
    [InlineData("none", "SELECT NULL::VARCHAR AS grp, 'x' FROM t")]
    public void A_grouping_case_becomes_the_arm_of_the_grouping_asked_for(string group, string expected)
    {
        const string sql = "SELECT CASE $group WHEN 'team' THEN CASE WHEN owner_team IN (SELECT id FROM teams) THEN owner_team END WHEN 'service' THEN service END AS grp, 'x' FROM t";
        Assert.Equal(expected, QueryShape.Apply(sql, new { group }));
    }

    [Theory]
    [InlineData("team", "SELECT (owner_team) AS grp")]
    [InlineData("service", "SELECT ('all') AS grp")]
    public void A_grouping_case_with_an_else_gives_the_else_to_a_grouping_no_arm_names(string group, string expected)
    {
        Assert.Equal(expected, QueryShape.Apply("SELECT CASE $group WHEN 'team' THEN owner_team ELSE 'all' END AS grp", new { group }));
    }
}
