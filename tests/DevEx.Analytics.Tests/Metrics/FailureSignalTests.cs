using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Tests.Metrics;

// Queries: dora_failure_signal (whether anything imported for the scope could mark a deployment failed).
/// <summary>A change fail rate earns a level only where something imported could have marked a deployment failed.</summary>
public sealed class FailureSignalTests
{
    // Tags only: k1 -> k2 -> k3, one deployment each, nothing else. 0 of 3 failed, but nothing could have failed them.
    private static Scenario Tags() => new Scenario()
        .Commit("k1", "Mon 08:00")
        .Commit("k2", "Mon 10:00", ["k1"])
        .Commit("k3", "Tue 10:00", ["k2"])
        .Deployment("D1", "k1", "Mon 09:00")
        .Deployment("D2", "k2", "Mon 11:00")
        .Deployment("D3", "k3", "Tue 11:00");

    [Fact]
    public void Tag_only_import_has_no_failure_signal_and_no_level()
    {
        using var scenario = Tags().Derive();
        var rate = scenario.Dora().ChangeFailRate;
        Assert.Equal((0L, 3L, 0.0), (rate.FailedDeployments, rate.Deployments, rate.Rate!.Value));
        Assert.Null(rate.Level);
        Assert.Equal("no failure signal: import incidents or deployment statuses", rate.NoFailureSignal);
        Assert.Equal("no failure signal: import incidents or deployment statuses", rate.LevelOrReason);
    }

    [Fact]
    public void An_incident_of_the_service_outside_the_window_is_a_signal()
    {
        // Opened a week after the window (and 6 days after D3): it fails nothing, but incidents are imported for api.
        using var scenario = Tags().Incident("I1", "2026-02-10T12:00:00Z", "2026-02-10T13:00:00Z").Derive();
        var rate = scenario.Dora().ChangeFailRate;
        Assert.Equal((0L, "elite"), (rate.FailedDeployments, rate.Level));
        Assert.Null(rate.NoFailureSignal);
    }

    [Fact]
    public void A_failed_status_deployment_or_a_merged_pull_request_is_a_signal()
    {
        using (var failedStatus = Tags().Deployment("F1", "k3", "Tue 10:30", status: "failure").Derive())
        {
            Assert.Equal("elite", failedStatus.Dora().ChangeFailRate.Level);
        }
        using var pulls = Tags().PullRequest(1, created: "Mon 09:30", merged: "Mon 10:00", mergeSha: "k2").Derive();
        Assert.Equal("elite", pulls.Dora().ChangeFailRate.Level);
    }

    [Fact]
    public void A_rollback_that_happened_is_a_signal()
    {
        // D4 redeploys k2, an ancestor of k3: a rollback, so D3 failed: 1 of 4 -> 25 % -> low.
        using var scenario = Tags().Deployment("D4", "k2", "Tue 12:00").Derive();
        var rate = scenario.Dora().ChangeFailRate;
        Assert.Equal((1L, 4L, 0.25, "low"), (rate.FailedDeployments, rate.Deployments, rate.Rate!.Value, rate.Level));
        Assert.Null(rate.NoFailureSignal);
    }

    [Fact]
    public void Signal_is_judged_per_team_and_service()
    {
        // api (team a) has an incident; web (team b, repo acme/web) has tags only.
        using var scenario = Tags()
            .Team("a").Team("b").Service("api", "a").Service("web", "b", repo: "acme/web")
            .Commit("w1", "Mon 08:00", repo: "acme/web").Commit("w2", "Mon 10:00", ["w1"], repo: "acme/web")
            .Deployment("W1", "w1", "Mon 09:00", service: "web", repo: "acme/web")
            .Deployment("W2", "w2", "Mon 11:00", service: "web", repo: "acme/web")
            .Incident("I1", "2026-02-10T12:00:00Z", null)
            .Derive();
        var dora = new DoraMetricsService(new QueryRunner(scenario.Database), new DoraLevels(new DoraLevelThresholds()));
        var window = Scenario.Window("2026-02-02", "2026-02-09");
        var byTeam = dora.ByGroup(window, MetricScope.Org, MetricGrouping.Team);
        Assert.Equal("elite", byTeam["a"].ChangeFailRate.Level);
        Assert.Null(byTeam["b"].ChangeFailRate.Level);
        Assert.Equal(ChangeFailRate.NoFailureSignalReason, byTeam["b"].ChangeFailRate.NoFailureSignal);
        Assert.Equal(ChangeFailRate.NoFailureSignalReason, dora.Get(window, new MetricScope(Service: "web")).ChangeFailRate.NoFailureSignal);
        // The org as a whole has a signal (api's incident), and a series carries the scope's reading in every period.
        Assert.Equal("elite", dora.Get(window, MetricScope.Org).ChangeFailRate.Level);
        Assert.All(dora.Series(window, new MetricScope(Team: "b"), MetricInterval.Day).Where(p => p.ChangeFailRate.Deployments > 0),
            p => Assert.Equal(ChangeFailRate.NoFailureSignalReason, p.ChangeFailRate.NoFailureSignal));
    }

    [Fact]
    public void The_unowned_row_by_team_is_judged_on_the_unowned_services_signals()
    {
        // api (team a) has an incident; web's owner "ghost" is no catalog team, and web has tags only: the by-team row
        // "unowned" holds web's 2 deployments, 0 failed, and nothing could have failed them: no level, the reason instead.
        using var scenario = Tags()
            .Team("a").Service("api", "a").Service("web", "ghost", repo: "acme/web")
            .Commit("w1", "Mon 08:00", repo: "acme/web").Commit("w2", "Mon 10:00", ["w1"], repo: "acme/web")
            .Deployment("W1", "w1", "Mon 09:00", service: "web", repo: "acme/web")
            .Deployment("W2", "w2", "Mon 11:00", service: "web", repo: "acme/web")
            .Incident("I1", "2026-02-10T12:00:00Z", null)
            .Derive();
        var dora = new DoraMetricsService(new QueryRunner(scenario.Database), new DoraLevels(new DoraLevelThresholds()));
        var byTeam = dora.ByGroup(Scenario.Window("2026-02-02", "2026-02-09"), MetricScope.Org, MetricGrouping.Team);
        var unowned = byTeam[MetricScope.Unowned].ChangeFailRate;
        Assert.Equal((0L, 2L), (unowned.FailedDeployments, unowned.Deployments));
        Assert.Null(unowned.Level);
        Assert.Equal(ChangeFailRate.NoFailureSignalReason, unowned.NoFailureSignal);
        Assert.Equal("elite", byTeam["a"].ChangeFailRate.Level);
    }

    [Fact]
    public void A_failing_query_reports_its_own_error_not_an_aggregate()
    {
        // The DORA queries run side by side; a failure must still name what failed.
        using var scenario = Tags().Derive();
        using (var connection = scenario.Database.Open())
        {
            Dapper.SqlMapper.Execute(connection, "DROP TABLE d_failure_signals");
        }
        var error = Assert.ThrowsAny<Exception>(() => scenario.Dora());
        Assert.IsNotType<AggregateException>(error);
        Assert.Contains("d_failure_signals", error.Message, StringComparison.Ordinal);
    }
}
