using System.Globalization;
using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Tests.Metrics;

/// <summary>Windows, zones, series and levels of the DORA service.</summary>
public sealed class DoraWindowTests
{
    [Fact]
    public void Median_deploy_days_counts_weeks_without_deployments_as_zero()
    {
        // Three deployments on two days of week 1, none in week 2: deploy-days [2, 0] -> median 1; 2 deploy-days
        // over 2 weeks -> 1 per week -> high.
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Deployment("D1", "k1", "Mon 09:00")
            .Deployment("D2", "k1", "Mon 10:00")
            .Deployment("D3", "k1", "Wed 10:00")
            .Derive();
        var dora = scenario.Dora(to: "2026-02-16");
        Assert.Equal(3, dora.DeploymentFrequency.Deployments);
        Assert.Equal(1.5, dora.DeploymentFrequency.PerWeek);
        Assert.Equal(1.0, dora.DeploymentFrequency.MedianDeployDaysPerWeek);
        Assert.Equal("high", dora.DeploymentFrequency.Level);
    }

    [Fact]
    public void Window_dates_are_local_to_the_org_zone()
    {
        // Sun 2026-02-08 20:00Z is already Monday 09:00 in Auckland (UTC+13): outside [02-02, 02-09) there.
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Deployment("D1", "k1", "Sun 20:00")
            .Derive();
        var service = new DoraMetricsService(new QueryRunner(scenario.Database), new DoraLevels(new DoraLevelThresholds()));
        Assert.Equal(1, service.Get(Scenario.Window("2026-02-02", "2026-02-09"), MetricScope.Org).DeploymentFrequency.Deployments);
        Assert.Equal(0, service.Get(Scenario.Window("2026-02-02", "2026-02-09", "Pacific/Auckland"), MetricScope.Org).DeploymentFrequency.Deployments);
    }

    [Fact]
    public void Series_has_every_period_and_nulls_where_there_is_no_data()
    {
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Commit("k2", "Mon 10:00", ["k1"])
            .Deployment("D1", "k1", "Mon 09:00")
            .Deployment("D2", "k2", "Mon 12:00")
            .Derive();
        var series = new DoraMetricsService(new QueryRunner(scenario.Database), new DoraLevels(new DoraLevelThresholds()))
            .Series(Scenario.Window("2026-02-02", "2026-02-16"), MetricScope.Org, MetricInterval.Week);
        Assert.Equal(2, series.Count);
        Assert.Equal((2L, 2.0), (series[0].DeploymentFrequency.Deployments, series[0].ChangeLeadTime.MedianHours!.Value));
        Assert.Equal(0, series[1].DeploymentFrequency.Deployments);
        Assert.Null(series[1].ChangeLeadTime.MedianHours);
        Assert.Null(series[1].ChangeFailRate.Rate);
        Assert.Null(series[1].DeploymentFrequency.Level);
    }

    [Fact]
    public void By_group_gives_each_team_and_service_its_own_figures_from_one_pass()
    {
        // payments/api: P0 (first, empty) and P1 both on Mon; p2 committed Mon 10:00, deployed Mon 12:00 -> 2 h.
        // search/web: W0 (first) Mon, W1 Wed; w2 committed Tue 09:00, deployed Wed 09:00 -> 24 h.
        // Over two weeks: payments deploy-days [1, 0] -> median 0.5; web [2, 0] -> median 1.
        using var scenario = new Scenario()
            .Team("payments").Team("search")
            .Service("api", "payments").Service("web", "search", repo: "acme/web")
            .Commit("p1", "Mon 08:00").Commit("p2", "Mon 10:00", ["p1"])
            .Commit("w1", "Mon 08:00", repo: "acme/web").Commit("w2", "Tue 09:00", ["w1"], repo: "acme/web")
            .Deployment("P0", "p1", "Mon 08:30")
            .Deployment("P1", "p2", "Mon 12:00")
            .Deployment("W0", "w1", "Mon 09:00", service: "web", repo: "acme/web")
            .Deployment("W1", "w2", "Wed 09:00", service: "web", repo: "acme/web")
            .Derive();
        var service = new DoraMetricsService(new QueryRunner(scenario.Database), new DoraLevels(new DoraLevelThresholds()));
        var window = Scenario.Window("2026-02-02", "2026-02-16");
        var byTeam = service.ByGroup(window, MetricScope.Org, MetricGrouping.Team);
        Assert.Equal(["payments", "search"], byTeam.Keys.Order());
        Assert.Equal((2L, 0.5, 2.0), (byTeam["payments"].DeploymentFrequency.Deployments, byTeam["payments"].DeploymentFrequency.MedianDeployDaysPerWeek!.Value,
            byTeam["payments"].ChangeLeadTime.MedianHours!.Value));
        Assert.Equal((2L, 1.0, 24.0), (byTeam["search"].DeploymentFrequency.Deployments, byTeam["search"].DeploymentFrequency.MedianDeployDaysPerWeek!.Value,
            byTeam["search"].ChangeLeadTime.MedianHours!.Value));
        var byService = service.ByGroup(window, new MetricScope(Team: "search"), MetricGrouping.Service);
        Assert.Equal(["web"], byService.Keys);
        Assert.Equal(24.0, byService["web"].ChangeLeadTime.MedianHours);
    }

    [Fact]
    public void Scopes_filter_by_owning_team_service_and_repo()
    {
        using var scenario = new Scenario()
            .Team("payments").Team("search")
            .Service("api", "payments").Service("web", "search", repo: "acme/web")
            .Commit("k1", "Mon 08:00").Commit("w1", "Mon 08:00", repo: "acme/web")
            .Deployment("D1", "k1", "Mon 09:00")
            .Deployment("W1", "w1", "Mon 09:00", service: "web", repo: "acme/web")
            .Deployment("W2", "w1", "Tue 09:00", service: "web", repo: "acme/web")
            .Derive();
        Assert.Equal(1, scenario.Dora(scope: new MetricScope(Team: "payments")).DeploymentFrequency.Deployments);
        Assert.Equal(2, scenario.Dora(scope: new MetricScope(Service: "web")).DeploymentFrequency.Deployments);
        Assert.Equal(2, scenario.Dora(scope: new MetricScope(Repo: "acme/web")).DeploymentFrequency.Deployments);
        Assert.Equal(3, scenario.Dora().DeploymentFrequency.Deployments);
    }

    [Theory]
    [InlineData(0.5, 5.0, 23.9, 0.05, 0.9, "elite", "elite", "elite", "elite")]
    [InlineData(1.0, 1.0, 24.0, 0.06, 1.0, "high", "high", "high", "high")]
    [InlineData(0.25, 0.0, 167.9, 0.15, 167.9, "medium", "high", "medium", "medium")]
    [InlineData(0.2, 0.0, 720.0, 0.16, 168.0, "low", "low", "low", "low")]
    public void Levels_follow_the_2024_thresholds(double deployDaysPerWeek, double medianDeployDays, double leadHours, double failRate,
        double recoveryHours, string frequency, string lead, string fail, string recovery)
    {
        var levels = new DoraLevels(new DoraLevelThresholds());
        Assert.Equal(frequency, levels.DeploymentFrequency(deployDaysPerWeek, medianDeployDays));
        Assert.Equal(lead, levels.ChangeLeadTime(leadHours));
        Assert.Equal(fail, levels.ChangeFailRate(failRate));
        Assert.Equal(recovery, levels.RecoveryTime(recoveryHours));
    }
}
