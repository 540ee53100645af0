using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Tests.Metrics;

// Queries: ci_wait_per_change, wait_states (CI rows).
/// <summary>CI queue and run time in working hours of the owner team (UTC, Mon-Fri 09:00-17:00) for runs that cross
/// the end of the working day and a weekend.</summary>
public sealed class CiWorkingHoursTests : IDisposable
{
    // Pull request #1 (commit c1), merged Tue 2026-02-10 10:00. Its two runs:
    //   r1 created Thu 16:50, started Thu 17:10, completed Thu 17:40:
    //      queue 20 min wall clock, 10 min working (16:50-17:00); run 30 min wall clock, 0 working.
    //   r2 created Fri 16:30, started Fri 16:40, completed Mon 2026-02-09 09:30:
    //      queue 10 min, 10 min working; run 7 h 20 min (Fri) + 48 h (weekend) + 9 h 30 min (Mon) = 64 h 50 min wall clock,
    //      20 min (Fri 16:40-17:00) + 30 min (Mon 09:00-09:30) = 50 min working.
    // Sums: queue 30 min = 0.5 h wall, 20 min = 1/3 h working; run 65 h 20 min wall, 50 min = 5/6 h working;
    // CI wait per change 65 h 50 min wall, 70 min = 7/6 h working.
    private readonly Scenario scenario = new Scenario()
        .Team("core")
        .Service("api", "core")
        .Commit("k0", "Mon 07:00")
        .Commit("c1", "Thu 16:00", ["k0"])
        .Commit("s1", "2026-02-10T10:00:00Z", ["k0"])
        .PullRequest(1, created: "Thu 16:30", merged: "2026-02-10T10:00:00Z", mergeSha: "s1", commitShas: ["c1"], author: "alice")
        .PipelineRun("r1", "c1", "Thu 16:50", "Thu 17:10", "Thu 17:40")
        .PipelineRun("r2", "c1", "Fri 16:30", "Fri 16:40", "2026-02-09T09:30:00Z", attempt: 2)
        .Derive();

    private static MetricWindow TwoWeeks => Scenario.Window("2026-02-02", "2026-02-16");

    [Fact]
    public void Ci_wait_per_change_in_working_hours_leaves_out_nights_and_the_weekend()
    {
        var perChange = new CiMetricsService(new QueryRunner(scenario.Database)).PerChange(TwoWeeks, MetricScope.Org);
        Assert.Equal(1, perChange.SampleSize);
        Assert.Equal(65 + 50.0 / 60, perChange.MedianHours!.Value, 9);
        Assert.Equal(7.0 / 6, perChange.MedianWorkingHours!.Value, 9);
        Assert.Equal(1.0 / 3, perChange.MedianQueueWorkingHours!.Value, 9);
        Assert.Equal(5.0 / 6, perChange.MedianRunWorkingHours!.Value, 9);
    }

    [Fact]
    public void Ci_waits_account_for_their_working_hours_in_wait_states()
    {
        var waits = new WaitStatesService(new QueryRunner(scenario.Database)).Get(TwoWeeks, MetricScope.Org).Waits;
        var queue = waits.Single(w => w.Wait == "ci-queue");
        var run = waits.Single(w => w.Wait == "ci-run");
        Assert.Equal(0.5, queue.TotalHours!.Value, 9);
        Assert.Equal(1.0 / 3, queue.TotalWorkingHours!.Value, 9);
        Assert.Equal(5.0 / 6, run.TotalWorkingHours!.Value, 9);
        Assert.Equal(65 + 20.0 / 60, run.TotalHours!.Value, 9);
    }

    public void Dispose() => scenario.Dispose();
}
