using Dapper;
using DevEx.Analytics.Adoption;
using DevEx.Analytics.Metrics;
using DevEx.Collectors.Import;
using DevEx.Store;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Analytics.Tests.Adoption;

/// <summary>
/// The bundled sample's golden path (sample-data/scorecards/shared-ci.yaml) over its 26 weeks, imported as written and
/// evaluated as of Sun 2026-11-22 12:00 UTC: ISO weeks Mon 2026-05-25 .. 2026-11-16. The expected values are read off
/// sample-data/repository_files.ndjson and catalog/components.yaml by hand (listed per case below).
/// </summary>
public sealed class SampleScorecardTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));
    private readonly DuckDbDatabase database;

    public SampleScorecardTests()
    {
        Directory.CreateDirectory(directory);
        database = MigratedTemplate.OpenCopy(Path.Combine(directory, "t.duckdb"));
        var sample = Path.Combine(RepositoryRoot.Path, "sample-data");
        new DirectoryImporter(database, new FakeClock(Instant.FromUtc(2026, 12, 1, 0, 0))).Import(sample);
        var scorecards = Path.Combine(sample, "scorecards");
        new ScorecardDeriver(database, new MetricOptions())
            .Run(ScorecardSet.Load(scorecards, ScorecardSet.List(scorecards).Files), Instant.FromUtc(2026, 11, 22, 12, 0), weeks: 26);
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Every_week_evaluates_the_seventeen_services_and_adoption_of_the_shared_ci_grows_week_by_week()
    {
        // 17 service Components (platform-ci is a library: not evaluated), each known from its catalog-info.yaml of
        // Feb-Mar 2026, so in all 26 weeks: 17 x 5 checks x 26 weeks.
        Assert.Equal(2210L, Scalar<long>("SELECT count(*) FROM d_scorecard_checks"));
        Assert.Equal(26L, Scalar<long>("SELECT count(DISTINCT week) FROM d_scorecard_checks"));
        var passing = Query<(DateTime Week, long Passed)>("""
            SELECT week, count(*) FILTER (passed) FROM d_scorecard_checks WHERE check_id = 'uses-shared-ci' GROUP BY week ORDER BY week
            """).ToDictionary(r => LocalDate.FromDateTime(r.Week), r => r.Passed);
        // 05-25 (as of 06-01): identity-web, since 04-07 (the legacy repository's 05-05 switch has no Component).
        Assert.Equal(1, passing[new LocalDate(2026, 5, 25)]);
        // 06-01 (as of 06-08): notifications-web joins on 06-02.
        Assert.Equal(2, passing[new LocalDate(2026, 6, 1)]);
        // 11-16 (as of 11-22 12:00): all but search-web, billing and billing-web, whose repositories never switch: 14.
        Assert.Equal(14, passing[new LocalDate(2026, 11, 16)]);
        Assert.True(passing.Values.Distinct().Count() >= 8, "adoption steps up over many weeks");
        Assert.Equal(["billing", "billing-web", "search-web"], Query<string>("""
            SELECT component FROM d_scorecard_checks WHERE check_id = 'uses-shared-ci' GROUP BY component HAVING NOT bool_or(passed) ORDER BY component
            """));
    }

    [Fact]
    public void A_service_on_v1_fails_until_it_upgrades_to_v2()
    {
        // identity-service: ci.yml @v1 from Tue 10-13, @v2.1 from Tue 11-03.
        var identity = Query<(DateTime Week, bool Passed, string Detail)>("""
            SELECT week, passed, detail FROM d_scorecard_checks WHERE check_id = 'uses-shared-ci' AND component = 'identity'
            AND week IN ('2026-10-05', '2026-10-12', '2026-11-02') ORDER BY week
            """);
        Assert.Equal((false, "no workflow under .github/workflows/ uses acme/platform-ci/.github/workflows/build.yml"), (identity[0].Passed, identity[0].Detail));
        Assert.False(identity[1].Passed);
        Assert.StartsWith("uses acme/platform-ci/.github/workflows/build.yml@v1, not a version matching", identity[1].Detail);
        Assert.Equal((true, "uses acme/platform-ci/.github/workflows/build.yml@v2.1"), (identity[2].Passed, identity[2].Detail));
    }

    [Fact]
    public void Descriptions_and_techdocs_are_missing_where_the_catalog_leaves_them_out()
    {
        // Components numbered 0..16 in team order: no description at 3, 8, 13 (checkout, notifications, analytics);
        // no TechDocs at 2, 6, 10, 14 (payments-web, identity, catalog-api, analytics-web). Same in every week.
        Assert.Equal(["analytics", "checkout", "notifications"], Failing("has-description"));
        Assert.Equal(["analytics-web", "catalog-api", "identity", "payments-web"], Failing("has-techdocs"));
        Assert.Empty(Failing("has-owner")); // "growth" is an owner, if not a Group: the catalog's coverage finds it
    }

    private List<string> Failing(string check) => Query<string>($"""
        SELECT component FROM d_scorecard_checks WHERE check_id = '{check}' GROUP BY component HAVING NOT bool_or(passed) ORDER BY component
        """);

    private List<T> Query<T>(string sql)
    {
        using var connection = database.Open();
        return connection.Query<T>(sql).ToList();
    }

    private T Scalar<T>(string sql)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<T>(sql)!;
    }
}
