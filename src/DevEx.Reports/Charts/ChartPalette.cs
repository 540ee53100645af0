using ScottPlot;

namespace DevEx.Reports.Charts;

/// <summary>
/// Series colours from the Okabe–Ito palette, which stays distinguishable under the common colour-vision
/// deficiencies. The order is fixed so a series keeps its colour from chart to chart: a chart whose series come and go
/// by view gives each series the colour of its place in a fixed list of names (<see cref="ForName"/>), not of its
/// place in the chart. Yellow comes last because it is faint on white. Text and axes are near-black on white.
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

    /// <summary>
    /// The colour of <paramref name="name"/> by its place in <paramref name="knownNames"/> (a fixed list, e.g. every wait
    /// in its usual order); names not in it follow the known ones in ordinal order of <paramref name="otherNames"/>.
    /// </summary>
    public static string ForName(string name, IReadOnlyList<string> knownNames, IEnumerable<string> otherNames)
    {
        var index = knownNames.ToList().IndexOf(name);
        if (index < 0)
        {
            index = knownNames.Count + otherNames.Where(n => !knownNames.Contains(n)).Distinct().Order(StringComparer.Ordinal).ToList().IndexOf(name);
        }
        return ForSeries(index);
    }

    internal static Color SeriesColor(int index) => Color.FromHex(ForSeries(index));
}
