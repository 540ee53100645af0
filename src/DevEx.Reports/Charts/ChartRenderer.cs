using ScottPlot;

namespace DevEx.Reports.Charts;

/// <summary>
/// Renders a <see cref="ChartSpec"/> with ScottPlot. Every call builds its own <see cref="Plot"/>, so pages may
/// render charts concurrently; the only shared state is the font registration, done once by <see cref="ChartFont"/>.
/// </summary>
public static class ChartRenderer
{
    public static RenderedChart Svg(ChartSpec spec, int width = 720, int height = 300)
    {
        var textAlternative = TextAlternative(spec);
        using var plot = ChartPlot.Build(spec, width);
        return new RenderedChart(InlineSvg.Make(plot.GetSvgXml(width, height), width, height, spec.Title, textAlternative), textAlternative);
    }

    public static byte[] Png(ChartSpec spec, int width = 720, int height = 300)
    {
        using var plot = ChartPlot.Build(spec, width);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    public static string TextAlternative(ChartSpec spec) => ChartTextAlternative.Build(spec);

    /// <summary>The finite samples of a Distribution chart (Series[0]); nulls and NaN are not samples.</summary>
    internal static IReadOnlyList<double> Samples(ChartSpec spec) =>
        spec.Series.Count == 0 ? [] : spec.Series[0].Values.Where(v => v is { } d && double.IsFinite(d)).Select(v => v!.Value).ToList();
}
