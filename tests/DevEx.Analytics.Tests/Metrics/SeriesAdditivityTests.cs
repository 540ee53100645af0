using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Tests.Metrics;

/// <summary>
/// Every series, every interval: the periods add up to the window, and each period equals the window of that period
/// asked for on its own. The window 2026-01-28 (Wed) .. 2026-02-11 (Wed) starts and ends inside ISO weeks and crosses a
/// month, so the first and last weeks and both months are partial.
/// </summary>
public sealed class SeriesAdditivityTests
{
    private static readonly MetricInterval[] Intervals = [MetricInterval.Day, MetricInterval.Week, MetricInterval.Month];

    // Commits c1..c7 in a line; deployment Dn ships cn. D1 (first) has no change; D2..D7 one change each.
    // Deployments by local date: 01-29 D1, 01-31 D2, 02-02 D3 D4, 02-03 D5, 02-05 D6, 02-10 D7.
    // Merged pull requests (each reviewed an hour after creation): 01-29 #1, 02-02 #2, 02-05 #3, 02-10 #4.
    private static Scenario Build()
    {
        var scenario = new Scenario();
        string[] days = ["2026-01-28T08:00:00Z", "2026-01-29T08:00:00Z", "2026-01-30T08:00:00Z", "2026-02-01T08:00:00Z",
            "2026-02-02T10:00:00Z", "2026-02-03T08:00:00Z", "2026-02-04T08:00:00Z"];
        for (var i = 0; i < days.Length; i++)
        {
            scenario.Commit($"c{i + 1}", days[i], i == 0 ? [] : [$"c{i}"]);
        }
        scenario
            .Deployment("D1", "c1", "2026-01-29T10:00:00Z")
            .Deployment("D2", "c2", "2026-01-31T10:00:00Z")
            .Deployment("D3", "c3", "2026-02-02T09:00:00Z")
            .Deployment("D4", "c4", "2026-02-02T12:00:00Z")
            .Deployment("D5", "c5", "2026-02-03T10:00:00Z")
            .Deployment("D6", "c6", "2026-02-05T10:00:00Z")
            .Deployment("D7", "c7", "2026-02-10T10:00:00Z");
        (int Number, string Created, string Merged)[] pulls =
        [
            (1, "2026-01-29T06:00:00Z", "2026-01-29T09:00:00Z"),
            (2, "2026-02-02T06:00:00Z", "2026-02-02T09:00:00Z"),
            (3, "2026-02-05T06:00:00Z", "2026-02-05T09:00:00Z"),
            (4, "2026-02-10T06:00:00Z", "2026-02-10T09:00:00Z"),
        ];
        foreach (var (number, created, merged) in pulls)
        {
            scenario.PullRequest(number, created, merged, headBranch: $"feature-{number}")
                .Review(number, "reviewer", "APPROVED", created.Replace("T06:", "T07:", StringComparison.Ordinal));
        }
        return scenario.Derive();
    }

    private static readonly MetricWindow Window = Scenario.Window("2026-01-28", "2026-02-11");

    [Fact]
    public void Daily_deployment_series_counts_each_day_and_adds_up_to_the_window()
    {
        using var scenario = Build();
        var dora = new DoraMetricsService(new QueryRunner(scenario.Database), new DoraLevels(new DoraLevelThresholds()));
        var daily = dora.Series(Window, MetricScope.Org, MetricInterval.Day);
        // 01-28 .. 02-10: 0 1 0 1 0 2 1 0 1 0 0 0 0 1
        Assert.Equal([0L, 1, 0, 1, 0, 2, 1, 0, 1, 0, 0, 0, 0, 1], daily.Select(p => p.DeploymentFrequency.Deployments));
        Assert.Equal([0L, 0, 0, 1, 0, 2, 1, 0, 1, 0, 0, 0, 0, 1], daily.Select(p => p.ChangeLeadTime.SampleSize));
        Assert.Equal(7, dora.Get(Window, MetricScope.Org).DeploymentFrequency.Deployments);
    }

    [Fact]
    public void Weekly_and_monthly_deployment_series_split_partial_weeks_at_the_period_edge()
    {
        using var scenario = Build();
        var dora = new DoraMetricsService(new QueryRunner(scenario.Database), new DoraLevels(new DoraLevelThresholds()));
        var weekly = dora.Series(Window, MetricScope.Org, MetricInterval.Week);
        Assert.Equal([2L, 4, 1], weekly.Select(p => p.DeploymentFrequency.Deployments));
        var monthly = dora.Series(Window, MetricScope.Org, MetricInterval.Month);
        Assert.Equal([2L, 5], monthly.Select(p => p.DeploymentFrequency.Deployments));
        // January's part: week of 01-26 with deploy-days 01-29, 01-31 -> 2. February's part: Sun 02-01 alone 0, week of
        // 02-02 3 (Mon, Tue, Thu), 02-09..02-10 1 -> median 1. The whole window: weeks 2, 3, 1 -> 2.
        Assert.Equal([2.0, 1.0], monthly.Select(p => p.DeploymentFrequency.MedianDeployDaysPerWeek!.Value));
        Assert.Equal(2.0, dora.Get(Window, MetricScope.Org).DeploymentFrequency.MedianDeployDaysPerWeek);
    }

    [Fact]
    public void Every_dora_period_adds_up_to_the_window_and_equals_its_own_window()
    {
        using var scenario = Build();
        var dora = new DoraMetricsService(new QueryRunner(scenario.Database), new DoraLevels(new DoraLevelThresholds()));
        var whole = dora.Get(Window, MetricScope.Org);
        foreach (var interval in Intervals)
        {
            var series = dora.Series(Window, MetricScope.Org, interval);
            Assert.Equal(whole.DeploymentFrequency.Deployments, series.Sum(p => p.DeploymentFrequency.Deployments));
            Assert.Equal(whole.DeploymentFrequency.DeployDays, series.Sum(p => p.DeploymentFrequency.DeployDays));
            Assert.Equal(whole.ChangeLeadTime.SampleSize, series.Sum(p => p.ChangeLeadTime.SampleSize));
            Assert.Equal(whole.ChangeFailRate.Deployments, series.Sum(p => p.ChangeFailRate.Deployments));
            Assert.Equal(whole.DeploymentReworkRate.Deployments, series.Sum(p => p.DeploymentReworkRate.Deployments));
            foreach (var period in series)
            {
                Assert.Equal(dora.Get(Scenario.Window($"{period.From:yyyy-MM-dd}", $"{period.To:yyyy-MM-dd}"), MetricScope.Org), period);
            }
        }
    }

    [Fact]
    public void Every_pull_request_flow_period_adds_up_to_the_window_and_equals_its_own_window()
    {
        using var scenario = Build();
        var flow = new PullRequestFlowService(new QueryRunner(scenario.Database));
        Assert.Equal(4, flow.Get(Window, MetricScope.Org).SampleSize);
        Assert.Equal([1L, 2, 1], flow.Series(Window, MetricScope.Org, MetricInterval.Week).Select(p => p.SampleSize));
        Assert.Equal([1L, 3], flow.Series(Window, MetricScope.Org, MetricInterval.Month).Select(p => p.SampleSize));
        foreach (var interval in Intervals)
        {
            var series = flow.Series(Window, MetricScope.Org, interval);
            Assert.Equal(4, series.Sum(p => p.SampleSize));
            Assert.Equal(4, series.Sum(p => p.Pickup.SampleSize));
            foreach (var period in series)
            {
                Assert.Equal(flow.Get(Scenario.Window($"{period.From:yyyy-MM-dd}", $"{period.To:yyyy-MM-dd}"), MetricScope.Org), period);
            }
        }
    }

    [Fact]
    public void Every_wait_states_period_adds_up_to_the_window_and_equals_its_own_window()
    {
        using var scenario = Build();
        var waits = new WaitStatesService(new QueryRunner(scenario.Database));
        long Pickups(IEnumerable<WaitState> w) => w.Where(s => s.Wait == "pr-pickup").Sum(s => s.SampleSize);
        Assert.Equal(4, Pickups(waits.Get(Window, MetricScope.Org).Waits));
        foreach (var interval in Intervals)
        {
            var series = waits.Series(Window, MetricScope.Org, interval);
            Assert.Equal(4, series.Sum(p => Pickups(p.Waits)));
            foreach (var (period, periodWaits) in series)
            {
                var own = waits.Get(period, MetricScope.Org).Waits;
                Assert.Equal(Pickups(own), Pickups(periodWaits));
                Assert.Equal(own.Where(w => w.SampleSize > 0), periodWaits.Where(w => w.SampleSize > 0));
            }
        }
    }
}
