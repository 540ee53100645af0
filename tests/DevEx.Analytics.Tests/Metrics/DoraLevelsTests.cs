using DevEx.Analytics.Metrics;

namespace DevEx.Analytics.Tests.Metrics;

/// <summary>
/// The level boundaries of docs/metrics.md#dora-levels with the default thresholds, beside the cases of
/// DoraWindowTests.Levels_follow_the_2024_thresholds: lead time strictly below, fail rate at or below its threshold,
/// deployment frequency elite on the median deploy-days per week and high/medium on deploy-days per week over the window.
/// </summary>
public sealed class DoraLevelsTests
{
    private readonly DoraLevels levels = new(new DoraLevelThresholds());

    [Theory]
    [InlineData(23.99, "elite")]
    [InlineData(167.99, "high")]
    [InlineData(168.0, "medium")]
    [InlineData(719.99, "medium")]
    public void Lead_time_levels_are_strictly_below_one_day_one_week_and_thirty_days(double medianHours, string expected) =>
        Assert.Equal(expected, levels.ChangeLeadTime(medianHours));

    [Theory]
    [InlineData(0.0, "elite")]
    [InlineData(0.0501, "high")]
    [InlineData(0.10, "high")]
    [InlineData(0.1501, "low")]
    public void Fail_rate_levels_include_their_threshold(double rate, string expected) =>
        Assert.Equal(expected, levels.ChangeFailRate(rate));

    [Theory]
    // 5 deploy-days in the median week: elite, whatever the window's average.
    [InlineData(2.0, 5.0, "elite")]
    // 4 deploy-days a week every week: high, not elite.
    [InlineData(4.0, 4.0, "high")]
    // One deploy-day a week on average (4 in 4 weeks, all in one week: median 0): high on the average.
    [InlineData(1.0, 0.0, "high")]
    // Once a month: 12 deploy-days in 52 weeks = 0.2307... per week, the medium threshold itself.
    [InlineData(12.0 / 52.0, 0.0, "medium")]
    // 11 deploy-days in 52 weeks: below once a month.
    [InlineData(11.0 / 52.0, 0.0, "low")]
    public void Deployment_frequency_is_elite_on_the_median_week_and_high_or_medium_on_the_average(double deployDaysPerWeek, double medianPerWeek, string expected) =>
        Assert.Equal(expected, levels.DeploymentFrequency(deployDaysPerWeek, medianPerWeek));

    [Fact]
    public void A_figure_without_a_value_has_no_level()
    {
        Assert.Null(levels.DeploymentFrequency(null, null));
        Assert.Null(levels.ChangeLeadTime(null));
        Assert.Null(levels.ChangeFailRate(null));
        Assert.Null(levels.RecoveryTime(null));
    }

    [Fact]
    public void Configured_thresholds_replace_the_defaults()
    {
        var strict = new DoraLevels(new DoraLevelThresholds { LeadTimeEliteHours = 2, ChangeFailRateElite = 0.01 });
        Assert.Equal("high", strict.ChangeLeadTime(3));
        Assert.Equal("high", strict.ChangeFailRate(0.02));
    }
}
