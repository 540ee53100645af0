namespace DevEx.Reports.Charts;

/// <summary>How a chart draws its series. <see cref="HorizontalBar"/> lists its categories down the left axis, first at the
/// top: for long category names (waits, teams) that would otherwise be turned and crowd the plot.</summary>
public enum ChartKind { Line, Bar, StackedBar, HorizontalBar, Distribution }

/// <summary>
/// One named series; a null value is a gap (no data for that category), never drawn as zero. <see cref="Colour"/>
/// (#rrggbb, normally from <see cref="ChartPalette"/>) fixes its colour, so a series keeps it whichever other series a
/// chart has; without it the series takes the palette colour of its position. <see cref="PointColours"/> colours single
/// bars of a bar chart (a bar per wait, each in its wait's colour); a null entry takes the series' colour.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, string? Colour = null, IReadOnlyList<string?>? PointColours = null);

/// <summary>
/// Categories label the x axis (e.g. ISO weeks "2026-W47" or team names). For Distribution, Categories is ignored
/// and Series[0].Values are the samples, binned by the renderer into a histogram (count per bin).
/// <see cref="FlatAxisTop"/> is the value axis's top when every value is 0, so there is no data to scale it by: a
/// percent axis passes 100, so that a rate of 0 reads as 0 of 100 % and not as 0 on an axis running 0–1 (the default).
/// </summary>
public sealed record ChartSpec(ChartKind Kind, string Title, string XLabel, string YLabel, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series,
    double? FlatAxisTop = null);

/// <summary>An SVG fragment ready to be placed inline in a page, and the sentence a screen reader says for it.</summary>
public sealed record RenderedChart(string Svg, string TextAlternative);
