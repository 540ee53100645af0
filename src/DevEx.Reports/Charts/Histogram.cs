namespace DevEx.Reports.Charts;

/// <summary>One histogram bin, half-open [Lower, Upper) except the last, which also holds Upper.</summary>
public sealed record HistogramBin(double Lower, double Upper, int Count);

/// <summary>
/// Bins samples for Distribution charts. The bin count follows Sturges' rule (ceil(log2 n) + 1), then the width
/// is rounded up to 1, 2, 2.5 or 5 times a power of ten and the first edge to a multiple of it, so tick labels
/// are round numbers a reader can use ("0 to 2.5 hours"), not 1.13 to 3.38. Public so a page's table view can list
/// the very bins its chart draws.
/// </summary>
public static class Histogram
{
    /// <summary>The bins a Distribution chart of <paramref name="spec"/> draws (its first series' finite values).</summary>
    public static IReadOnlyList<HistogramBin> Bin(ChartSpec spec) => Bin(ChartRenderer.Samples(spec));

    public static IReadOnlyList<HistogramBin> Bin(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
        {
            return [];
        }
        var min = samples.Min();
        var max = samples.Max();
        if (max == min)
        {
            return [new HistogramBin(min - 0.5, min + 0.5, samples.Count)];
        }
        var sturges = (int)Math.Ceiling(Math.Log2(samples.Count) + 1);
        var width = NiceWidth((max - min) / sturges);
        var start = Math.Floor(min / width) * width;
        var binCount = Math.Max(1, (int)Math.Ceiling((max - start) / width));
        var counts = new int[binCount];
        foreach (var sample in samples)
        {
            counts[Math.Clamp((int)Math.Floor((sample - start) / width), 0, binCount - 1)]++;
        }
        return counts.Select((count, i) => new HistogramBin(start + i * width, start + (i + 1) * width, count)).ToList();
    }

    private static double NiceWidth(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalised = raw / magnitude;
        var nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 2.5 ? 2.5 : normalised <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
