using DevEx.Analytics.Metrics;

namespace DevEx.Analytics.Tests.Metrics;

/// <summary>A series period the window's edge cuts is partial, with its days inside the window and its calendar period's.</summary>
public sealed class PeriodCoverageTests
{
    [Fact]
    public void Months_cut_by_the_window_are_partial_with_their_days()
    {
        // 2026-06-12 .. 2026-08-05: June 12..30 = 19 of 30 days; July whole, 31 of 31; August 1..4 = 4 of 31.
        var periods = Scenario.Window("2026-06-12", "2026-08-05").Periods(MetricInterval.Month);
        Assert.Equal([(19, 30, true), (31, 31, false), (4, 31, true)],
            periods.Select(p => p.Coverage(MetricInterval.Month)).Select(c => (c.Days, c.PeriodDays, c.Partial)));
    }

    [Fact]
    public void Weeks_cut_by_the_window_are_partial_and_days_never_are()
    {
        // Wed 2026-02-04 .. Mon 2026-02-16: W06 Wed..Sun = 5 of 7; W07 Mon..Sun = 7 of 7. Each day is 1 of 1.
        var window = Scenario.Window("2026-02-04", "2026-02-16");
        Assert.Equal([(5, 7, true), (7, 7, false)],
            window.Periods(MetricInterval.Week).Select(p => p.Coverage(MetricInterval.Week)).Select(c => (c.Days, c.PeriodDays, c.Partial)));
        Assert.All(window.Periods(MetricInterval.Day), p => Assert.False(p.Coverage(MetricInterval.Day).Partial));
    }

    [Fact]
    public void February_of_a_leap_year_has_29_days()
    {
        // 2028 is a leap year: 2028-02-01 .. 2028-02-29 holds 28 of February's 29 days.
        var february = Assert.Single(Scenario.Window("2028-02-01", "2028-02-29").Periods(MetricInterval.Month));
        Assert.Equal((28, 29, true), (february.Coverage(MetricInterval.Month).Days, february.Coverage(MetricInterval.Month).PeriodDays,
            february.Coverage(MetricInterval.Month).Partial));
    }
}
