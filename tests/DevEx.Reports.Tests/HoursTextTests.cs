namespace DevEx.Reports.Tests;

public sealed class HoursTextTests
{
    [Theory]
    [InlineData(0.0, "0 h")]
    [InlineData(7.5, "7.5 h")]
    [InlineData(7.46, "7.5 h")]
    [InlineData(0.35, "0.4 h")]              // 21 minutes: one decimal from 0.1 h
    [InlineData(3.0 / 60, "0.05 h")]         // a 3-minute CI queue stays visible
    [InlineData(0.004, "< 0.01 h")]          // 14 seconds
    [InlineData(99.94, "99.9 h")]
    [InlineData(1204.4, "1,204 h")]
    [InlineData(-1.5, "-1.5 h")]
    public void Hours_read_in_hours_with_small_spans_kept_visible(double hours, string expected) =>
        Assert.Equal(expected, HoursText.Format(hours));
}

public sealed class ReportDeltaTests
{
    [Theory]
    [InlineData(2.5, "+2.5 h")]
    [InlineData(-3.0 / 60, "−0.05 h")]   // 3 minutes less
    [InlineData(0.004, "±0 h")]          // 14 seconds more: no change to act on
    [InlineData(0.0, "±0 h")]
    public void Changes_in_hours_read_with_their_sign(double delta, string expected) =>
        Assert.Equal(expected, DevEx.Reports.Weekly.ReportValues.Delta(delta, "hours"));
}
