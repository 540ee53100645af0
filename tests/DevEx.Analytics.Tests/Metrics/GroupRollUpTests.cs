using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Tests.Metrics;

/// <summary>
/// A department's figures are those of every team below it (docs/metrics.md, "Teams and services"): org → dept → (web,
/// app), and a team "other" outside the department. Each team owns one service with its own repository.
/// </summary>
public sealed class GroupRollUpTests : IDisposable
{
    // Every service is first deployed Mon 07:00 from a commit of Mon 06:00: that first deployment has no change of its own
    // to time (its history is the baseline). Then, each deployment of one commit authored 2 h (web), 4 h (app) or 10 h
    // (other) before it:
    //   web:   W1 Mon 10:00 (commit Mon 08:00), W2 Tue 10:00 (commit Tue 08:00)        lead times 2, 2
    //   app:   A1 Wed 12:00 (commit Wed 08:00)                                          lead time  4
    //   other: O1 Thu 18:00 (commit Thu 08:00)                                          lead time 10
    // By hand: web 3 deployments, median 2; app 2, median 4; dept = web + app = 5 deployments, lead times {2, 2, 4},
    // median 2; other 2, median 10; the top group "org" has no service of its own and rolls up everything: 7 deployments,
    // lead times {2, 2, 4, 10}, median (2 + 4) / 2 = 3.
    private readonly Scenario scenario = new Scenario()
        .Team("org")
        .Team("dept", parent: "org")
        .Team("web", parent: "dept")
        .Team("app", parent: "dept")
        .Team("other", parent: "org")
        .Service("web-site", "web", repo: "acme/web")
        .Service("app-api", "app", repo: "acme/app")
        .Service("ledger", "other", repo: "acme/ledger")
        .Commit("w0", "Mon 06:00", repo: "acme/web")
        .Commit("w1", "Mon 08:00", ["w0"], repo: "acme/web")
        .Commit("w2", "Tue 08:00", ["w1"], repo: "acme/web")
        .Commit("a0", "Mon 06:00", repo: "acme/app")
        .Commit("a1", "Wed 08:00", ["a0"], repo: "acme/app")
        .Commit("o0", "Mon 06:00", repo: "acme/ledger")
        .Commit("o1", "Thu 08:00", ["o0"], repo: "acme/ledger")
        .Deployment("W0", "w0", "Mon 07:00", service: "web-site", repo: "acme/web")
        .Deployment("W1", "w1", "Mon 10:00", service: "web-site", repo: "acme/web")
        .Deployment("W2", "w2", "Tue 10:00", service: "web-site", repo: "acme/web")
        .Deployment("A0", "a0", "Mon 07:00", service: "app-api", repo: "acme/app")
        .Deployment("A1", "a1", "Wed 12:00", service: "app-api", repo: "acme/app")
        .Deployment("O0", "o0", "Mon 07:00", service: "ledger", repo: "acme/ledger")
        .Deployment("O1", "o1", "Thu 18:00", service: "ledger", repo: "acme/ledger")
        .Derive();

    [Theory]
    [InlineData("web", 3, 2.0)]
    [InlineData("app", 2, 4.0)]
    [InlineData("dept", 5, 2.0)]
    [InlineData("other", 2, 10.0)]
    [InlineData("org", 7, 3.0)]
    public void A_group_counts_the_deployments_and_changes_of_every_team_below_it(string team, long deployments, double medianLeadTime)
    {
        var dora = scenario.Dora(scope: new MetricScope(Team: team));
        Assert.Equal(deployments, dora.DeploymentFrequency.Deployments);
        Assert.Equal(medianLeadTime, dora.ChangeLeadTime.MedianHours);
    }

    [Fact]
    public void Grouping_by_team_inside_a_department_gives_its_teams_rows()
    {
        var byTeam = new DoraMetricsService(new QueryRunner(scenario.Database), new DoraLevels(new DoraLevelThresholds()))
            .ByGroup(Scenario.Window("2026-02-02", "2026-02-09"), new MetricScope(Team: "dept"), MetricGrouping.Team);
        Assert.Equal([("app", 2L), ("web", 3L)], byTeam.Select(g => (g.Key, g.Value.DeploymentFrequency.Deployments)).OrderBy(g => g.Key));
    }

    public void Dispose() => scenario.Dispose();
}
