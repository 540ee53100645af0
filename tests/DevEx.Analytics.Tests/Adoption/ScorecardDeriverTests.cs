using Dapper;
using DevEx.Analytics.Adoption;
using NodaTime;

namespace DevEx.Analytics.Tests.Adoption;

/// <summary>
/// The scorecard step over three ISO weeks (Mon 2026-02-02, 02-09, 02-16; the run is Wed 2026-02-18 12:00 UTC, so the
/// last week is as of then). Components: web (repository acme/web, a service with a description), api (acme/api, a
/// service without one) and lib (a library: the scorecard does not apply). The catalog was first seen on 02-16, but
/// web's catalog-info.yaml was committed on 2026-01-20, so web is evaluated from the first week and api only in the last.
/// web's .github/workflows/ci.yml uses the shared workflow @v1.4.0 from Tue 02-03 (commit c1) and @v2.0.0 from
/// Tue 02-10 (c2); old.yml used @v2.0.0 from 01-26 until a commit deleted it on Wed 02-04.
/// web deploys first Mon 02-02 07:00 (no change of its own), then a commit of Tue 02-10 08:00 at 18:00: lead time 10 h.
/// </summary>
public sealed class ScorecardDeriverTests : IDisposable
{
    private const string Card = """
        id: shared-ci
        appliesTo: { types: [service] }
        checks:
          - id: uses-shared-ci
            kind: workflow-uses
            uses: acme/platform-ci/.github/workflows/build.yml
            version: '^v2\.'
          - id: has-description
            kind: component-field
            field: metadata.description
          - id: fast-lead-time
            kind: metric
            metric: change_lead_time_median_hours
            below: 24
            weeks: 1
        levels:
          - { name: bronze, checks: [uses-shared-ci] }
          - { name: silver, checks: [has-description] }
          - { name: gold, checks: [fast-lead-time] }
        """;

    private static string Workflow(string version) =>
        $"name: CI\non: push\njobs:\n  build:\n    uses: acme/platform-ci/.github/workflows/build.yml@{version}\n";

    private readonly Scenario scenario = new Scenario()
        .Team("core")
        .Service("web", "core", repo: "acme/web")
        .Service("api", "core", repo: "acme/api")
        .Service("lib", "core", repo: "acme/lib")
        .Commit("k0", "Mon 06:00", repo: "acme/web")
        .Commit("k1", "2026-02-10T08:00:00Z", ["k0"], repo: "acme/web")
        .Deployment("D0", "k0", "Mon 07:00", service: "web", repo: "acme/web")
        .Deployment("D1", "k1", "2026-02-10T18:00:00Z", service: "web", repo: "acme/web")
        .Derive();

    public ScorecardDeriverTests()
    {
        scenario.Database.Write((connection, _) =>
        {
            foreach (var (name, type, description) in new[] { ("web", "service", "The web shop"), ("api", "service", null), ("lib", "library", "Shared code") })
            {
                connection.Execute("""
                    INSERT INTO catalog_entities VALUES ('component:default/' || $name, 'Component', 'default', $name, NULL, $description,
                        'production', 'group:default/core', NULL, NULL, NULL, $type, '{}', '{}', '[]',
                        '{"type": "' || $type || '", "lifecycle": "production", "owner": "core"}', 'catalog/components.yaml', 1,
                        TIMESTAMPTZ '2026-02-16 10:00:00+00', TIMESTAMPTZ '2026-02-16 10:00:00+00')
                    """, new { name, type, description });
            }
            void Version(string path, string commit, string at, string? blob, string? content)
            {
                connection.Execute("INSERT INTO repository_file_versions VALUES ('acme/web', $path, $commit, $at::TIMESTAMPTZ, $blob)",
                    new { path, commit, at, blob });
                if (blob is not null)
                {
                    connection.Execute("INSERT INTO repository_file_contents VALUES ($blob, length($content), $content, NULL)", new { blob, content });
                }
            }
            Version("catalog-info.yaml", "c0", "2026-01-20 09:00:00+00", "b0", "apiVersion: backstage.io/v1alpha1\nkind: Component\n");
            Version(".github/workflows/old.yml", "c00", "2026-01-26 09:00:00+00", "b00", Workflow("v2.0.0"));
            Version(".github/workflows/ci.yml", "c1", "2026-02-03 09:00:00+00", "b1", Workflow("v1.4.0"));
            Version(".github/workflows/old.yml", "cdel", "2026-02-04 09:00:00+00", null, null);
            Version(".github/workflows/ci.yml", "c2", "2026-02-10 09:00:00+00", "b2", Workflow("v2.0.0"));
        });
    }

    private ScorecardDerivation Run()
    {
        var (card, problems) = ScorecardReader.Read(new StringReader(Card), "scorecards/shared-ci.yaml");
        Assert.Empty(problems);
        return new ScorecardDeriver(scenario.Database, scenario.Options)
            .Run(new ScorecardSet([card!], [], null), Instant.FromUtc(2026, 2, 18, 12, 0), weeks: 3);
    }

    [Fact]
    public void Each_week_reads_the_files_of_that_week_and_the_levels_build_on_each_other()
    {
        // By hand:
        //   web 02-02 (as of 02-09): ci.yml @v1.4.0 (old.yml deleted 02-04): fails at line 5, commit c1; description
        //     passes; no change deployed in the week: lead time fails -> no level (bronze fails), 1 of 3.
        //   web 02-09 (as of 02-16): @v2.0.0, c2, passes; description; lead time 10 h < 24: gold, 3 of 3.
        //   web 02-16 (as of 02-18 12:00): @v2.0.0; description; no change this week: silver, 2 of 3.
        //   api 02-16 only (known from the catalog's first sight): no workflow, no description, no lead time: none, 0 of 3.
        //   lib: a library, not evaluated.
        var summary = Run();
        Assert.Equal(12, summary.CheckResults);
        var levels = scenario.Rows<(string Component, DateTime Week, string? Level, int Passed)>(
            "SELECT component, week, level, passed FROM d_scorecard_levels ORDER BY component, week");
        Assert.Equal(
        [
            ("api", new DateTime(2026, 2, 16), null, 0),
            ("web", new DateTime(2026, 2, 2), null, 1),
            ("web", new DateTime(2026, 2, 9), "gold", 3),
            ("web", new DateTime(2026, 2, 16), "silver", 2),
        ], levels);
        var ci = scenario.Rows<(DateTime Week, bool Passed, string? File, int? Line, string? Commit)>(
            "SELECT week, passed, evidence_file, evidence_line, evidence_commit FROM d_scorecard_checks WHERE component = 'web' AND check_id = 'uses-shared-ci' ORDER BY week");
        Assert.Equal(
        [
            (new DateTime(2026, 2, 2), false, ".github/workflows/ci.yml", 5, "c1"),
            (new DateTime(2026, 2, 9), true, ".github/workflows/ci.yml", 5, "c2"),
            (new DateTime(2026, 2, 16), true, ".github/workflows/ci.yml", 5, "c2"),
        ], ci);
    }

    [Fact]
    public void A_second_run_replaces_the_results_rather_than_adding_to_them()
    {
        Run();
        Run();
        Assert.Equal(12L, scenario.Rows<long>("SELECT count(*) FROM d_scorecard_checks").Single());
    }

    public void Dispose() => scenario.Dispose();
}
