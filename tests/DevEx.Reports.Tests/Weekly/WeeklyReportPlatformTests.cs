using Dapper;
using DevEx.Analytics.Adoption;
using DevEx.Analytics.Metrics;
using DevEx.Reports.Weekly;
using NodaTime;

namespace DevEx.Reports.Tests.Weekly;

/// <summary>
/// The weekly report's platform-adoption section for team core in 2026-W07 (Mon 02-09 .. Mon 02-16, UTC) against
/// W06, the scorecards evaluated on Wed 2026-02-18 12:00 for the weeks of 02-02, 02-09 and 02-16.
/// <list type="bullet">
/// <item>web (acme/web): catalog-info.yaml committed 2026-01-20; owner core (a Group with a member), a description, no
/// system; .github/workflows/ci.yml uses the shared workflow @v1.4.0 from Tue 02-03 (c1) and @v2.0.0 from Tue 02-10 (c2).</item>
/// <item>api (acme/api): catalog-info.yaml committed Tue 02-10; owner group "nobody" (no such Group), no description, no workflow.</item>
/// <item>Commits: web Mon 02-02 and Tue 02-10, api Tue 02-03 and Wed 02-11: both repositories are active in both weeks.</item>
/// </list>
/// </summary>
public sealed class WeeklyReportPlatformTests : IDisposable
{
    private const string Card = """
        id: shared-ci
        title: Shared CI
        appliesTo: { types: [service] }
        checks:
          - id: uses-shared-ci
            title: Uses the shared CI workflow v2
            kind: workflow-uses
            uses: acme/platform-ci/.github/workflows/build.yml
            version: '^v2\.'
          - id: has-description
            title: Has a description
            kind: component-field
            field: metadata.description
        levels:
          - { name: bronze, checks: [uses-shared-ci] }
          - { name: silver, checks: [has-description] }
        """;

    private static readonly Instant Now = Instant.FromUtc(2026, 2, 18, 12, 0);

    private readonly Scenario scenario = new Scenario()
        .Team("core")
        .Service("web", "core", repo: "acme/web")
        .Service("api", "core", repo: "acme/api")
        .Commit("k0", "2026-02-02T06:00:00Z", repo: "acme/web")
        .Commit("k1", "2026-02-10T08:00:00Z", ["k0"], repo: "acme/web")
        .Commit("a0", "2026-02-03T10:00:00Z", repo: "acme/api")
        .Commit("a1", "2026-02-11T10:00:00Z", ["a0"], repo: "acme/api")
        .Derive();

    private readonly ScorecardSet scorecards;

    public WeeklyReportPlatformTests()
    {
        scenario.Database.Write((connection, _) =>
        {
            foreach (var (name, description, owner) in new[] { ("web", "The web shop", "group:default/core"), ("api", null, "group:default/nobody") })
            {
                connection.Execute("""
                    INSERT INTO catalog_entities VALUES ('component:default/' || $name, 'Component', 'default', $name, NULL, $description,
                        'production', $owner, NULL, NULL, NULL, 'service', '{}', '{}', '[]', '{"type": "service"}', 'catalog/components.yaml', 1,
                        TIMESTAMPTZ '2026-02-16 10:00:00+00', TIMESTAMPTZ '2026-02-16 10:00:00+00')
                    """, new { name, description, owner });
            }
            connection.Execute("""
                INSERT INTO catalog_entities VALUES ('group:default/core', 'Group', 'default', 'core', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                    'team', '{}', '{}', '[]', '{"type": "team"}', 'catalog/groups.yaml', 1, TIMESTAMPTZ '2026-01-01 00:00:00+00', TIMESTAMPTZ '2026-01-01 00:00:00+00');
                INSERT INTO catalog_relations VALUES ('group:default/core', 'hasMember', 'user:default/ann');
                """);
            void Version(string repo, string path, string commit, string at, string blob, string content)
            {
                connection.Execute("INSERT INTO repository_file_versions VALUES ($repo, $path, $commit, $at::TIMESTAMPTZ, $blob)", new { repo, path, commit, at, blob });
                connection.Execute("INSERT INTO repository_file_contents VALUES ($blob, length($content), $content, NULL)", new { blob, content });
            }
            const string component = "apiVersion: backstage.io/v1alpha1\nkind: Component\n";
            Version("acme/web", "catalog-info.yaml", "w0", "2026-01-20 09:00:00+00", "bw", component);
            Version("acme/api", "catalog-info.yaml", "a9", "2026-02-10 09:00:00+00", "ba", component + "# api\n");
            Version("acme/web", ".github/workflows/ci.yml", "c1", "2026-02-03 09:00:00+00", "b1", Workflow("v1.4.0"));
            Version("acme/web", ".github/workflows/ci.yml", "c2", "2026-02-10 09:00:00+00", "b2", Workflow("v2.0.0"));
        });
        var (card, problems) = ScorecardReader.Read(new StringReader(Card), "scorecards/shared-ci.yaml");
        Assert.Empty(problems);
        scorecards = new ScorecardSet([card!], [], null);
        new ScorecardDeriver(scenario.Database, scenario.Options).Run(scorecards, Now, weeks: 3);
    }

    private static string Workflow(string version) =>
        $"name: CI\non: push\njobs:\n  build:\n    uses: acme/platform-ci/.github/workflows/build.yml@{version}\n";

    private WeeklyReport Report() => ScenarioWeek.Builder(scenario, scorecards, Now)
        .Build(new TeamSummary("core", "Core", null, "UTC", "Mon-Fri 09:00-17:00", 2, ["api", "web"]), IsoWeek.Parse("2026-W07"));

    [Fact]
    public void Coverage_figures_count_the_week_and_the_week_before_as_of_each_weeks_end()
    {
        // W07, as of 02-16: both repositories active; web known since 01-20 and api since its catalog file of 02-10: 2 of 2.
        //   Components 2; owned: web (core is a Group with a member), not api: 1 of 2. Complete: neither has a system: 0 of 2.
        // W06, as of 02-09: both active, only web known: 1 of 2; Components 1 (web), owned 1 of 1; complete 0 of 1.
        var report = Report();
        Assert.Equal((1.0, 0.5), Pair(report.Figure("catalogCoverage")));
        Assert.Equal((0.5, 1.0), Pair(report.Figure("ownerCoverage")));
        Assert.Equal((0.0, 0.0), Pair(report.Figure("metadataCompleteShare")));
        var rows = ReportTables.Platform(report).Rows;
        Assert.Equal(["Catalog coverage (active repositories with a Component)", "100%", "50%", "+50 pp", "2 of 2 active repositories"], rows[0]);
        Assert.Equal(["Owner coverage (Components owned by a staffed team)", "50%", "100%", "−50 pp", "1 of 2 Components"], rows[1]);
    }

    [Fact]
    public void Scorecard_figures_are_those_evaluated_for_the_reports_week_against_the_week_before()
    {
        // Week of 02-09 (as of 02-16): web @v2.0.0 passes, has a description: silver. api (known 02-10): fails both, no level.
        //   bronze or higher 1, silver 1, of 2; uses-shared-ci 1 of 2, has-description 1 of 2.
        // Week of 02-02 (as of 02-09): web alone, @v1.4.0 fails, description passes: no level (bronze fails).
        //   bronze 0, silver 0; uses-shared-ci 0 of 1, has-description 1 of 1.
        var report = Report();
        Assert.Equal(new LocalDate(2026, 2, 9), report.Platform.ScorecardWeek);
        Assert.Equal((1.0, 0.0), Pair(report.Figure("scorecard.shared-ci.level.bronze")));
        Assert.Equal((1.0, 0.0), Pair(report.Figure("scorecard.shared-ci.level.silver")));
        Assert.Equal((0.5, 0.0), Pair(report.Figure("scorecard.shared-ci.uses-shared-ci")));
        Assert.Equal((0.5, 1.0), Pair(report.Figure("scorecard.shared-ci.has-description")));
        Assert.Contains(ReportTables.Platform(report).Rows,
            r => r.SequenceEqual(["Shared CI: Uses the shared CI workflow v2", "50%", "0%", "+50 pp", "1 of 2 Components"]));
    }

    [Fact]
    public void The_components_failing_a_check_are_listed_with_what_the_check_looked_for()
    {
        var report = Report();
        Assert.Equal(2, report.Platform.FailingCount);
        Assert.Equal([("api", "Uses the shared CI workflow v2"), ("api", "Has a description")],
            report.Platform.Failing.Select(f => (f.Component, f.Check)).ToList());
        Assert.All(report.Platform.Failing, f => Assert.Null(f.File));
    }

    [Fact]
    public void Every_format_carries_the_section()
    {
        var report = Report();
        var csv = WeeklyReportCsv.Write(report);
        Assert.Contains("\ncore,2026-W07,catalogCoverage,1,ratio,0.5,0.5\n", csv);
        Assert.Contains("\ncore,2026-W07,scorecard.shared-ci.has-description,0.5,ratio,1,-0.5\n", csv);
        var markdown = WeeklyReportMarkdown.Write(report, [], "charts");
        Assert.Contains("## Platform adoption", markdown);
        Assert.Contains("| Catalog coverage (active repositories with a Component) | 100% | 50% | +50 pp | 2 of 2 active repositories |", markdown);
        Assert.Contains("## Golden-path checks failing", markdown);
        Assert.Contains("\"catalogCoverage\": 1", WeeklyReportJson.Write(report));
    }

    [Fact]
    public void A_team_without_a_catalog_gets_the_way_to_add_one_not_zeros()
    {
        using var plain = ScenarioWeek.Build();
        var report = ScenarioWeek.Builder(plain).Build(ScenarioWeek.Team(), ScenarioWeek.Week);
        Assert.True(report.Platform.Empty);
        var table = ReportTables.Platform(report);
        Assert.Empty(table.Rows);
        Assert.Contains("import catalog/*.yaml or configure DevEx:Catalog:Backstage", table.Empty);
    }

    private static (double?, double?) Pair(ReportFigure figure) => (figure.Value, figure.Previous);

    public void Dispose() => scenario.Dispose();
}
