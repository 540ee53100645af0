using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Tests.Metrics;

/// <summary>queries/wait_states.sql grouped by team and by period, as the overview dashboard reads it.</summary>
public sealed class WaitStatesGroupingTests
{
    [Fact]
    public void Waits_split_by_owning_team_and_by_week()
    {
        // Team a owns acme/api, team b acme/web (both UTC, 09-17). #1 ready Mon 09:00, first review Mon 11:00 (pickup 2 h);
        // #2 ready Tue 09:00, first review Tue 13:00 (pickup 4 h). Both merged in the first week; the second week is empty.
        using var scenario = new Scenario()
            .Team("a").Team("b").Service("api", "a").Service("web", "b", repo: "acme/web")
            .Commit("c1", "Mon 08:00").Commit("c2", "Tue 08:00", repo: "acme/web")
            .PullRequest(1, "Mon 09:00", "Mon 12:00", mergeSha: "m1", commitShas: ["c1"], ready: "Mon 09:00")
            .Review(1, "reviewer", "APPROVED", "Mon 11:00")
            .PullRequest(2, "Tue 09:00", "Tue 14:00", mergeSha: "m2", commitShas: ["c2"], ready: "Tue 09:00", repo: "acme/web")
            .Review(2, "reviewer", "APPROVED", "Tue 13:00", repo: "acme/web")
            .Derive();
        var service = new WaitStatesService(new QueryRunner(scenario.Database));
        var byTeam = service.ByTeam(Scenario.Window("2026-02-02", "2026-02-09"), MetricScope.Org);
        Assert.Equal(["a", "b"], byTeam.Keys.Order());
        Assert.Equal(2.0, byTeam["a"].Single(w => w.Wait == "pr-pickup").TotalWorkingHours);
        Assert.Equal(4.0, byTeam["b"].Single(w => w.Wait == "pr-pickup").TotalWorkingHours);
        var series = service.Series(Scenario.Window("2026-02-02", "2026-02-16"), MetricScope.Org, MetricInterval.Week);
        Assert.Equal(2, series.Count);
        Assert.Equal((2L, 6.0), (series[0].Waits.Single(w => w.Wait == "pr-pickup").SampleSize, series[0].Waits.Single(w => w.Wait == "pr-pickup").TotalWorkingHours!.Value));
        Assert.Empty(series[1].Waits);
    }

    [Fact]
    public void Waits_of_pull_requests_no_team_owns_are_the_unowned_teams()
    {
        // Team a owns acme/api; acme/web deploys as a service without an owner. #1 (api) ready Mon 09:00, reviewed 11:00:
        // pickup 2 h, team a's. #2 (web) ready Tue 09:00, reviewed 13:00: pickup 4 h, no team's. The org's 6 h = 2 + 4.
        using var scenario = new Scenario()
            .Team("a").Service("api", "a").Service("web", null, repo: "acme/web")
            .Commit("c1", "Mon 08:00").Commit("c2", "Tue 08:00", repo: "acme/web")
            .PullRequest(1, "Mon 09:00", "Mon 12:00", mergeSha: "m1", commitShas: ["c1"], ready: "Mon 09:00")
            .Review(1, "reviewer", "APPROVED", "Mon 11:00")
            .PullRequest(2, "Tue 09:00", "Tue 14:00", mergeSha: "m2", commitShas: ["c2"], ready: "Tue 09:00", repo: "acme/web")
            .Review(2, "reviewer", "APPROVED", "Tue 13:00", repo: "acme/web")
            .Derive();
        var service = new WaitStatesService(new QueryRunner(scenario.Database));
        var week = Scenario.Window("2026-02-02", "2026-02-09");
        var byTeam = service.ByTeam(week, MetricScope.Org);
        Assert.Equal(["a", MetricScope.Unowned], byTeam.Keys.Order());
        Assert.Equal(2.0, byTeam["a"].Single(w => w.Wait == "pr-pickup").TotalWorkingHours);
        Assert.Equal(4.0, byTeam[MetricScope.Unowned].Single(w => w.Wait == "pr-pickup").TotalWorkingHours);
        Assert.Equal(6.0, service.Get(week, MetricScope.Org).Waits.Single(w => w.Wait == "pr-pickup").TotalWorkingHours);
    }
}
