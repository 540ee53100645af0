using Dapper;
using DevEx.Analytics.Adoption;
using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Tests.Adoption;

// Queries: adoption_scorecard_levels, adoption_service_weeks.
/// <summary>
/// Adopters against non-adopters on change lead time over the ISO weeks of Mon 2026-02-02 and 02-09 (UTC). Levels on
/// scorecard fast: a holds bronze in both weeks (adopted 02-02), b from 02-09 (adopted then), c never. Changes deployed
/// (lead time): a 02-03 10 h, 02-04 20 h, 02-10 4 h; b 02-03 30 h, 02-11 6 h; c 02-05 40 h, 02-12 50 h, 02-13 60 h.
/// Weekly medians: a 15 and 4, b 30 and 6, c 40 and 55.
/// </summary>
public sealed class AdoptionImpactServiceTests : IDisposable
{
    private static readonly ScorecardSet Set = new(
        [new Scorecard("fast", "Fast lead time", null, ScorecardFilter.Any, [new ScorecardLevel("bronze", ["c1"])],
            [new ScorecardCheck("c1", "Has the annotation", CheckKind.Annotation, "acme.io/fast")], "scorecards/fast.yaml")], [], null);

    private readonly Scenario scenario = new Scenario().Team("core").Derive();

    public AdoptionImpactServiceTests()
    {
        scenario.Database.Write((connection, _) =>
        {
            foreach (var (component, week, level) in new[] { ("a", "2026-02-02", "bronze"), ("a", "2026-02-09", "bronze"), ("b", "2026-02-02", null),
                         ("b", "2026-02-09", "bronze"), ("c", "2026-02-02", null), ("c", "2026-02-09", null) })
            {
                connection.Execute("INSERT INTO d_scorecard_levels VALUES ('fast', $component, 'core', $week::DATE, $level, 1, $passed)",
                    new { component, week, level, passed = level is null ? 0 : 1 });
            }
            foreach (var (service, sha, at, hours) in new[] { ("a", "a1", "2026-02-03", 10.0), ("a", "a2", "2026-02-04", 20.0), ("a", "a3", "2026-02-10", 4.0),
                         ("b", "b1", "2026-02-03", 30.0), ("b", "b2", "2026-02-11", 6.0),
                         ("c", "c1", "2026-02-05", 40.0), ("c", "c2", "2026-02-12", 50.0), ("c", "c3", "2026-02-13", 60.0) })
            {
                connection.Execute("""
                    INSERT INTO d_changes VALUES ($service, 'commit', 'acme/' || $service, $sha, $at::TIMESTAMPTZ - INTERVAL 1 HOUR, 'commit', 'D-' || $sha,
                        ($at || ' 12:00:00+00')::TIMESTAMPTZ, $hours, $hours, false, false, 'core')
                    """, new { service, sha, at, hours });
            }
        });
    }

    [Fact]
    public void Adopters_weeks_are_compared_with_the_others_and_the_estimate_is_withheld_below_five_of_each()
    {
        // Adopters' weeks: a 15, a 4, b 6 -> median 6 over 2 Components and 3 weeks. Non-adopters' weeks: b 30 (before it
        // adopted), c 40, c 55 -> median 40, 2 Components, 3 weeks.
        // Difference-in-differences: a adopted in the first week, with no figure in the 8 weeks before: left out; b changed
        // 6 - 30 = -24 against c's 55 - 40 = +15 (c never adopted): 1 adopter and 1 control, below 5 of each: withheld.
        var impact = new AdoptionImpactService(new QueryRunner(scenario.Database), new AdoptionImpact())
            .Get(Set, Scenario.Window("2026-02-02", "2026-02-16"), MetricScope.Org).Single();
        Assert.Equal(("fast", 3L, 2L), (impact.Scorecard, impact.Components, impact.Adopted));
        var lead = impact.Figures.Single(f => f.Figure == MetricThresholds.LeadTimeMedianHours);
        Assert.Equal(new SideMedian(2, 3, 6), lead.Adopters);
        Assert.Equal(new SideMedian(2, 3, 40), lead.NonAdopters);
        Assert.Equal((1, 1), (lead.Estimate.Adopters, lead.Estimate.Controls));
        Assert.Null(lead.Estimate.Effect);
        Assert.Equal("1 adopting and 1 not-yet-adopted Components with figures on both sides; the comparison needs 5 of each", lead.Estimate.WithheldReason);
    }

    [Fact]
    public void Deployments_per_week_count_a_week_without_one_as_zero_from_the_first_deployment_on()
    {
        // Production deployments: a 02-03 twice and 02-10 once; b 02-03 once and none in the week of 02-09 (0 then);
        // c first on 02-12, then 02-13 and 02-14 (3 in the week of 02-09; no figure in the week before its first).
        // Adopters' weeks: a 2, a 1, b 0 -> median 1, 2 Components, 3 weeks (left out, b's empty week would make it 1.5
        // over 2 weeks). Non-adopters' weeks: b 1 (before it adopted), c 3 -> median 2, 2 Components, 2 weeks.
        scenario.Database.Write((connection, _) =>
        {
            foreach (var (id, service, at) in new[] { ("d1", "a", "2026-02-03 10:00"), ("d2", "a", "2026-02-03 15:00"), ("d3", "a", "2026-02-10 10:00"),
                         ("d4", "b", "2026-02-03 11:00"), ("d5", "c", "2026-02-12 09:00"), ("d6", "c", "2026-02-13 09:00"), ("d7", "c", "2026-02-14 09:00") })
            {
                connection.Execute("""
                    INSERT INTO d_deployments (id, service, repo, environment, sha, finished_at, is_first, sha_known, is_rollback, change_set_size,
                        change_count, failed, rework, owner_team)
                    VALUES ($id, $service, 'acme/' || $service, 'production', 'sha-' || $id, ($at || ':00+00')::TIMESTAMPTZ, false, true, false, 1, 1,
                        false, false, 'core')
                    """, new { id, service, at });
            }
        });
        var impact = new AdoptionImpactService(new QueryRunner(scenario.Database), new AdoptionImpact())
            .Get(Set, Scenario.Window("2026-02-02", "2026-02-16"), MetricScope.Org).Single();
        var deployments = impact.Figures.Single(f => f.Figure == MetricThresholds.DeploymentsPerWeek);
        Assert.Equal("per week", deployments.Unit);
        Assert.Equal(new SideMedian(2, 3, 1), deployments.Adopters);
        Assert.Equal(new SideMedian(2, 2, 2), deployments.NonAdopters);
    }

    [Fact]
    public void A_team_outside_the_scope_brings_no_Components()
    {
        // Every Component is core's: a scope of another team has none, and nothing to compare.
        scenario.Database.Write((connection, _) => connection.Execute("INSERT INTO teams VALUES ('ops', NULL, NULL, 'UTC', 'Mon-Fri 09:00-17:00')"));
        var impact = new AdoptionImpactService(new QueryRunner(scenario.Database), new AdoptionImpact())
            .Get(Set, Scenario.Window("2026-02-02", "2026-02-16"), new MetricScope(Team: "ops")).Single();
        Assert.Equal((0L, 0L), (impact.Components, impact.Adopted));
        Assert.All(impact.Figures, f => Assert.Equal(new SideMedian(0, 0, null), f.Adopters));
    }

    public void Dispose() => scenario.Dispose();
}
