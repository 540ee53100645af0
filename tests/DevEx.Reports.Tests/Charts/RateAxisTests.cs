using DevEx.Reports.Charts;

namespace DevEx.Reports.Tests.Charts;

/// <summary>A value axis with nothing to scale by (every value 0) runs to the spec's flat top: a percent axis to 100, not to 1.</summary>
public sealed class RateAxisTests
{
    private static ChartSpec FailRate(double? flatTop, params double?[] values) => new(ChartKind.Line, "Change fail rate", "ISO week", "percent",
        ["2026-W05", "2026-W06", "2026-W07"], [new ChartSeries("change fail rate", values)], flatTop);

    [Theory]
    [InlineData(ChartKind.Line)]
    [InlineData(ChartKind.Bar)]
    public void A_percent_axis_of_zeros_runs_0_to_100(ChartKind kind)
    {
        var spec = FailRate(100, 0, 0, 0) with { Kind = kind };
        using var plot = ChartPlot.Build(spec, 720);

        var limits = plot.Axes.GetLimits();
        Assert.Equal(0, limits.Bottom);
        Assert.Equal(100, limits.Top);
        Assert.Contains(">100</text>", ChartRenderer.Svg(spec).Svg);
    }

    [Fact]
    public void Without_a_flat_top_zeros_run_0_to_1_and_real_values_scale_the_axis()
    {
        using var zeros = ChartPlot.Build(FailRate(null, 0, 0, 0), 720);
        Assert.Equal(1, zeros.Axes.GetLimits().Top);

        // 0, 25 and 50 %: the top is the largest value plus 8 % of the span, 50 + 4 = 54; the flat top plays no part.
        using var rates = ChartPlot.Build(FailRate(100, 0, 25, 50), 720);
        Assert.Equal(54, rates.Axes.GetLimits().Top, 9);
    }
}
