using ScottPlot;

namespace DevEx.Reports.Charts;

/// <summary>
/// Series colours from the Okabe–Ito palette, which stays distinguishable under the common colour-vision
/// deficiencies. The order is fixed so a series keeps its colour from chart to chart; a wait has its own colour by name
/// (<see cref="WaitPalette"/>), whatever its place in a chart. Yellow comes last because it is faint on white. Text and axes are near-black on white.
/// </summary>
public static class ChartPalette
{
    public static IReadOnlyList<string> Series { get; } =
    [
        "#0072B2", // blue
        "#E69F00", // orange
        "#009E73", // bluish green
        "#D55E00", // vermillion
        "#CC79A7", // reddish purple
        "#56B4E9", // sky blue
        "#000000", // black
        "#F0E442", // yellow
    ];

    public const string Text = "#1A1A1A";
    public const string Background = "#FFFFFF";
    public const string Grid = "#E0E0E0";

    public static string ForSeries(int index) => Series[index % Series.Count];

    internal static Color SeriesColor(int index) => Color.FromHex(ForSeries(index));
}
