using Dapper;
using DevEx.Analytics.Adoption;
using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Tests.Adoption;

// Query: adoption_coverage.
/// <summary>
/// Adoption coverage over two ISO weeks, Mon 2026-02-02 and Mon 02-09 (UTC). Teams: eng (a department) with core below
/// it, and ops; core has a member (a hasMember relation), ops none. Components (and their repositories):
/// - api (core, acme/api): description, lifecycle, system and techdocs-ref; first seen 02-10, but acme/api's
///   catalog-info.yaml was committed 2026-01-20, so it is known in both weeks;
/// - web (core, acme/web): lifecycle only; first seen Tue 02-10: known in the second week only;
/// - tools (ops, acme/tools): description, lifecycle, system, a blank techdocs-ref; first seen Tue 02-03: both weeks.
/// acme/scripts belongs to no service. Commits: acme/api Wed 02-04 and Wed 02-11, acme/web Thu 02-05, acme/tools Thu 02-12,
/// acme/scripts Wed 02-04 and Thu 02-12.
/// </summary>
public sealed class AdoptionCoverageTests : IDisposable
{
    private readonly Scenario scenario = new Scenario()
        .Team("eng")
        .Team("core", parent: "eng")
        .Team("ops")
        .Service("api", "core", repo: "acme/api")
        .Service("web", "core", repo: "acme/web")
        .Service("tools", "ops", repo: "acme/tools")
        .Commit("a1", "Wed 10:00", repo: "acme/api")
        .Commit("a2", "2026-02-11T10:00:00Z", ["a1"], repo: "acme/api")
        .Commit("w1", "Thu 10:00", repo: "acme/web")
        .Commit("t1", "2026-02-12T10:00:00Z", repo: "acme/tools")
        .Commit("s1", "Wed 10:00", repo: "acme/scripts")
        .Commit("s2", "2026-02-12T10:00:00Z", ["s1"], repo: "acme/scripts")
        .Derive();

    public AdoptionCoverageTests()
    {
        scenario.Database.Write((connection, _) =>
        {
            void Entity(string kind, string name, string? description, string? lifecycle, string? owner, string? system, string annotations, string firstSeen) =>
                connection.Execute("""
                    INSERT INTO catalog_entities VALUES (lower($kind) || ':default/' || $name, $kind, 'default', $name, NULL, $description,
                        $lifecycle, $owner, $system, NULL, NULL, NULL, $annotations, '{}', '[]', '{}', 'catalog/all.yaml', 1,
                        $firstSeen::TIMESTAMPTZ, $firstSeen::TIMESTAMPTZ)
                    """, new { kind, name, description, lifecycle, owner, system, annotations, firstSeen });
            Entity("Group", "eng", null, null, null, null, "{}", "2026-01-01 00:00:00+00");
            Entity("Group", "core", null, null, null, null, "{}", "2026-01-01 00:00:00+00");
            Entity("Group", "ops", null, null, null, null, "{}", "2026-01-01 00:00:00+00");
            Entity("Component", "api", "The API", "production", "group:default/core", "system:default/shop",
                """{"backstage.io/techdocs-ref": "dir:."}""", "2026-02-10 09:00:00+00");
            Entity("Component", "web", null, "production", "group:default/core", null, "{}", "2026-02-10 09:00:00+00");
            Entity("Component", "tools", "Scripts for ops", "experimental", "group:default/ops", "system:default/ops",
                """{"backstage.io/techdocs-ref": " "}""", "2026-02-03 09:00:00+00");
            connection.Execute("INSERT INTO catalog_relations VALUES ('group:default/core', 'hasMember', 'user:default/ann')");
            connection.Execute("INSERT INTO repository_file_versions VALUES ('acme/api', 'catalog-info.yaml', 'c0', TIMESTAMPTZ '2026-01-20 09:00:00+00', 'b0')");
        });
    }

    private AdoptionCoverage Coverage(string? team = null) =>
        new AdoptionCoverageService(new QueryRunner(scenario.Database)).Get(Scenario.Window("2026-02-02", "2026-02-16"), new MetricScope(Team: team));

    [Fact]
    public void The_scope_counts_active_catalogued_repositories_owned_components_and_their_fields_as_of_each_week()
    {
        // Week 02-02 (as of 02-09): active api, web, scripts = 3; catalogued api only (web known 02-10, scripts no service) = 1.
        //   Known Components: api (from 01-20), tools (02-03) = 2; owned: api (core has a member; ops none) = 1;
        //   description 2, lifecycle 2, system 2, techdocs 1 (tools' is blank), all four 1 (api).
        // Week 02-09 (as of 02-16): active api, tools, scripts = 3; catalogued api, tools = 2. Known: api, web, tools = 3;
        //   owned api, web = 2; description api, tools = 2; lifecycle 3; system 2; techdocs 1; all four 1.
        var coverage = Coverage();
        Assert.Equal(
        [
            new CoverageWeek(new LocalDate(2026, 2, 2), 3, 1, 2, 1, 2, 2, 2, 1, 1),
            new CoverageWeek(new LocalDate(2026, 2, 9), 3, 2, 3, 2, 2, 3, 2, 1, 1),
        ], coverage.Weeks);
        Assert.Equal(1 / 3.0, coverage.Weeks[0].CatalogCoverage!.Value, 9);
        Assert.Equal(2 / 3.0, coverage.Weeks[1].OwnerCoverage!.Value, 9);
        Assert.Equal(1 / 3.0, coverage.Weeks[1].CompleteShare!.Value, 9);
    }

    [Fact]
    public void Each_owning_team_has_its_series_and_what_no_team_owns_is_unowned()
    {
        // core: week 1 active api, web (1 catalogued); api known: 1 Component, owned, all four. Week 2 active api (catalogued);
        //   api and web: 2 owned, description 1, lifecycle 2, system 1, techdocs 1, all four 1.
        // ops: week 1 no commit; tools known: 1 Component, not owned, description, lifecycle, system. Week 2 tools active and catalogued.
        // unowned: acme/scripts active in both weeks, never catalogued; no Component.
        var teams = Coverage().Teams.ToDictionary(t => t.Team, t => t.Weeks);
        Assert.Equal(["core", "ops", MetricScope.Unowned], teams.Keys);
        Assert.Equal(
        [
            new CoverageWeek(new LocalDate(2026, 2, 2), 2, 1, 1, 1, 1, 1, 1, 1, 1),
            new CoverageWeek(new LocalDate(2026, 2, 9), 1, 1, 2, 2, 1, 2, 1, 1, 1),
        ], teams["core"]);
        Assert.Equal(
        [
            new CoverageWeek(new LocalDate(2026, 2, 2), 0, 0, 1, 0, 1, 1, 1, 0, 0),
            new CoverageWeek(new LocalDate(2026, 2, 9), 1, 1, 1, 0, 1, 1, 1, 0, 0),
        ], teams["ops"]);
        Assert.Equal(
        [
            new CoverageWeek(new LocalDate(2026, 2, 2), 1, 0, 0, 0, 0, 0, 0, 0, 0),
            new CoverageWeek(new LocalDate(2026, 2, 9), 1, 0, 0, 0, 0, 0, 0, 0, 0),
        ], teams[MetricScope.Unowned]);
        Assert.Null(teams[MetricScope.Unowned][0].OwnerCoverage); // no Component: nothing to share
    }

    [Fact]
    public void A_department_rolls_up_the_teams_below_it()
    {
        // eng owns nothing itself; core is below it: the scope is core's figures, ops and unowned are left out.
        var coverage = Coverage("eng");
        Assert.Equal(["core"], coverage.Teams.Select(t => t.Team));
        Assert.Equal(
        [
            new CoverageWeek(new LocalDate(2026, 2, 2), 2, 1, 1, 1, 1, 1, 1, 1, 1),
            new CoverageWeek(new LocalDate(2026, 2, 9), 1, 1, 2, 2, 1, 2, 1, 1, 1),
        ], coverage.Weeks);
    }

    public void Dispose() => scenario.Dispose();
}
