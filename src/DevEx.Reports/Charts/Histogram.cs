namespace DevEx.Reports.Charts;

/// <summary>
/// One histogram bin, half-open [Lower, Upper) except the last, which also holds Upper. An <see cref="Overflow"/> bin
/// is the last one, wider than the others: it holds the long tail, from its lower edge to the largest sample.
/// </summary>
public sealed record HistogramBin(double Lower, double Upper, int Count, bool Overflow = false);

/// <summary>
/// Bins samples for Distribution charts, with bins chosen from the data so that a long tail does not squeeze most
/// samples into one bar (waits are skewed: most pull requests are picked up in an hour or two, a few wait a week).
/// The width is the smaller of Sturges' (range ÷ (ceil(log2 n) + 1)) and Freedman–Diaconis' (2 × IQR ÷ cbrt n, which
/// follows the bulk of the data and ignores the tail), rounded up to 1, 2, 2.5 or 5 times a power of ten, and the first
/// edge is a multiple of it, so tick labels are round numbers a reader can use ("0 to 2.5 hours"), not 1.13 to 3.38.
/// Samples past Tukey's upper fence (Q3 + 1.5 × IQR, to the next edge) share one overflow bin. At most
/// <see cref="MaxBins"/> regular bins. Quartiles interpolate linearly, as <c>quantile_cont</c> does. Public so a page's
/// table view can list the very bins its chart draws.
/// </summary>
public static class Histogram
{
    public const int MaxBins = 30;

    /// <summary>The bins a Distribution chart of <paramref name="spec"/> draws (its first series' finite values).</summary>
    public static IReadOnlyList<HistogramBin> Bin(ChartSpec spec) => Bin(ChartRenderer.Samples(spec));

    public static IReadOnlyList<HistogramBin> Bin(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
        {
            return [];
        }
        var sorted = samples.Order().ToArray();
        var (min, max) = (sorted[0], sorted[^1]);
        if (max == min)
        {
            return [new HistogramBin(min - 0.5, min + 0.5, samples.Count)];
        }
        var (q1, q3) = (Quantile(sorted, 0.25), Quantile(sorted, 0.75));
        var iqr = q3 - q1;
        var raw = (max - min) / Math.Ceiling(Math.Log2(sorted.Length) + 1);
        if (iqr > 0)
        {
            raw = Math.Min(raw, 2 * iqr / Math.Cbrt(sorted.Length));
        }
        var width = NiceWidth(raw);
        var start = Math.Floor(min / width) * width;
        // The tail starts at the fence's edge; without a spread (IQR 0) there is no fence and every sample is regular.
        var fence = iqr > 0 ? q3 + 1.5 * iqr : max;
        if ((fence - start) / width > MaxBins)
        {
            width = NiceWidth((fence - start) / MaxBins);
            start = Math.Floor(min / width) * width;
        }
        var binsToFence = (int)Math.Ceiling((fence - start) / width);
        var tail = start + binsToFence * width;
        var overflow = max > tail;
        var regular = overflow ? binsToFence : Math.Max(1, (int)Math.Ceiling((max - start) / width));
        var counts = new int[regular + (overflow ? 1 : 0)];
        foreach (var sample in sorted)
        {
            counts[overflow && sample >= tail ? regular : Math.Clamp((int)Math.Floor((sample - start) / width), 0, regular - 1)]++;
        }
        var bins = Enumerable.Range(0, regular).Select(i => new HistogramBin(start + i * width, start + (i + 1) * width, counts[i])).ToList();
        if (overflow)
        {
            bins.Add(new HistogramBin(tail, max, counts[regular], Overflow: true));
        }
        return bins;
    }

    /// <summary>Linear interpolation between closest ranks, like DuckDB's quantile_cont.</summary>
    private static double Quantile(double[] sorted, double p)
    {
        var position = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static double NiceWidth(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalised = raw / magnitude;
        var nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 2.5 ? 2.5 : normalised <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
