using DevEx.Reports.Charts;

namespace DevEx.Reports.Tests.Charts;

/// <summary>Bins chosen from the data: a long tail (a few pull requests that waited a week) does not put most samples in one bar.</summary>
public sealed class SkewedHistogramTests
{
    /// <summary>90 pickups under 2 h (0, 2/90, 4/90, … 178/90 h) and 10 from 20 to 200 h (20, 40, … 200).</summary>
    private static readonly double[] Pickups = [.. Enumerable.Range(0, 90).Select(i => i * 2.0 / 90), .. Enumerable.Range(1, 10).Select(i => i * 20.0)];

    [Fact]
    public void A_long_tail_gets_one_overflow_bin_and_the_bulk_fine_bins()
    {
        // n = 100. Q1 at rank 99 × 0.25 = 24.75: 24.75 × 2/90 = 0.55 h; Q3 at rank 74.25: 74.25 × 2/90 = 1.65 h; IQR 1.1.
        // Sturges: 200 / ceil(log2 100 + 1) = 200 / 8 = 25; Freedman–Diaconis: 2 × 1.1 / cbrt 100 = 2.2 / 4.64 = 0.47;
        // the smaller rounds up to 0.5, first edge 0. Fence 1.65 + 1.5 × 1.1 = 3.3, to the next edge 3.5: 20–200 h overflow.
        // Counts: [0, 0.5) holds i × 2/90 < 0.5, i = 0..22: 23; [0.5, 1) i = 23..44: 22; [1, 1.5) i = 45..67: 23;
        // [1.5, 2) i = 68..89: 22; [2, 3.5) nothing; [3.5, 200] the 10 long waits.
        var bins = Histogram.Bin(Pickups);

        Assert.Equal([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], bins.Select(b => b.Lower));
        Assert.Equal([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 200], bins.Select(b => b.Upper));
        Assert.Equal([23, 22, 23, 22, 0, 0, 0, 10], bins.Select(b => b.Count));
        Assert.True(bins[^1].Overflow);
        Assert.True(bins.Max(b => b.Count) < Pickups.Length / 2); // Sturges alone: 25 h bins, 91 of 100 in the first
    }

    [Fact]
    public void The_overflow_bar_is_drawn_as_wide_as_the_others_and_its_end_names_the_largest_sample()
    {
        var spec = new ChartSpec(ChartKind.Distribution, "Pickup", "working hours", "count", [], [new ChartSeries("pickup", [.. Pickups.Select(p => (double?)p)])]);
        using var plot = ChartPlot.Build(spec, 720);

        // Eight bars of 0.5 h: the axis runs 0 to 4, not 0 to 200; its last tick, at 4, says 200.
        var limits = plot.Axes.GetLimits();
        Assert.Equal(0, limits.Left);
        Assert.Equal(4, limits.Right);
        var svg = ChartRenderer.Svg(spec).Svg;
        Assert.Contains(">200</text>", svg);
        Assert.Contains(">3.5</text>", svg);
    }

    [Fact]
    public void Samples_without_a_tail_keep_plain_bins()
    {
        // 1..10: Q1 at rank 2.25 = 3.25, Q3 at rank 6.75 = 7.75, IQR 4.5; Sturges 9 / ceil(log2 10 + 1) = 9 / 5 = 1.8,
        // Freedman–Diaconis 9 / cbrt 10 = 4.18: 1.8 rounds up to 2, first edge 0. Fence 14.5 is past 10: no overflow;
        // ceil(10 / 2) = 5 bins, 10 in the last (it holds its upper edge).
        var bins = Histogram.Bin([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

        Assert.Equal([0, 2, 4, 6, 8], bins.Select(b => b.Lower));
        Assert.Equal([1, 2, 2, 2, 3], bins.Select(b => b.Count));
        Assert.DoesNotContain(bins, b => b.Overflow);
    }
}
