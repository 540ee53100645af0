using DevEx.Analytics.Metrics;

namespace DevEx.Analytics.Tests.Metrics;

/// <summary>WaitState.HoursAccountedFor: the one reading of "the hours a wait accounts for" (report and dashboards).</summary>
public sealed class WaitStateTests
{
    [Fact]
    public void A_wait_accounts_for_its_working_hours()
    {
        // Pickup Tue 10:30 → Wed 12:00: 25.5 h wall clock, of which 6.5 (Tue) + 3 (Wed) = 9.5 working hours.
        Assert.Equal(9.5, new WaitState("pr-pickup", "pull-requests", 1, 25.5, 9.5, 25.5, 9.5).HoursAccountedFor);
    }

    [Fact]
    public void Wall_clock_only_when_no_sample_has_working_hours() =>
        Assert.Equal(0.05, new WaitState("ci-queue", "pipeline-runs", 1, 0.05, null, 0.05, null).HoursAccountedFor);
}
