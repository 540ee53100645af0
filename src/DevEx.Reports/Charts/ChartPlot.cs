using ScottPlot;
using ScottPlot.TickGenerators;

namespace DevEx.Reports.Charts;

/// <summary>Builds the ScottPlot <see cref="Plot"/> for a spec: house style, then one method per chart kind.</summary>
internal static class ChartPlot
{
    private const float TickFontSize = 12;
    private const double BarGroupWidth = 0.8;

    internal static Plot Build(ChartSpec spec, int width)
    {
        ChartFont.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(ChartFont.Family);
        Style(plot, spec);
        var drawn = spec.Kind switch
        {
            ChartKind.Line => Line(plot, spec, width),
            ChartKind.Bar => Bars(plot, spec, width, stacked: false),
            ChartKind.StackedBar => Bars(plot, spec, width, stacked: true),
            ChartKind.HorizontalBar => HorizontalBars(plot, spec),
            ChartKind.Distribution => Distribution(plot, spec),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown chart kind"),
        };
        if (!drawn)
        {
            NoData(plot);
        }
        else if (spec.Kind != ChartKind.Distribution && spec.Series.Count > 1)
        {
            var legend = plot.ShowLegend(Edge.Right);
            legend.Legend.FontName = ChartFont.Family;
            legend.Legend.FontSize = TickFontSize;
            legend.Legend.FontColor = Color.FromHex(ChartPalette.Text);
            legend.Legend.OutlineWidth = 0;
            legend.Legend.ShadowColor = Colors.Transparent;
        }
        else
        {
            // One series needs no key: the title and the axis say what it is.
            plot.HideLegend();
        }
        return plot;
    }

    private static void Style(Plot plot, ChartSpec spec)
    {
        var text = Color.FromHex(ChartPalette.Text);
        plot.FigureBackground.Color = Color.FromHex(ChartPalette.Background);
        plot.DataBackground.Color = Color.FromHex(ChartPalette.Background);
        plot.Axes.Color(text);
        plot.Grid.MajorLineColor = Color.FromHex(ChartPalette.Grid);
        plot.Title(spec.Title, 15);
        plot.Axes.Title.Label.ForeColor = text;
        var horizontal = spec.Kind == ChartKind.HorizontalBar;
        plot.XLabel(horizontal ? spec.YLabel : spec.XLabel, 13);
        plot.YLabel(horizontal ? spec.XLabel : spec.YLabel, 13);
        plot.Grid.XAxisStyle.IsVisible = horizontal;
        plot.Grid.YAxisStyle.IsVisible = !horizontal;
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickFontSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickFontSize;
        plot.Axes.Right.IsVisible = false;
        plot.Axes.Top.IsVisible = false;
    }

    private static bool Line(Plot plot, ChartSpec spec, int width)
    {
        var n = spec.Categories.Count;
        if (n == 0 || !HasValues(spec))
        {
            return false;
        }
        var xs = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        for (var s = 0; s < spec.Series.Count; s++)
        {
            // NaN breaks the line: a week without data is a gap, never a zero.
            var ys = Enumerable.Range(0, n).Select(i => Value(spec.Series[s], i) ?? double.NaN).ToArray();
            var line = plot.Add.Scatter(xs, ys, SeriesColour(spec, s));
            line.LineWidth = 2;
            line.MarkerSize = 5;
            line.LegendText = spec.Series[s].Name;
        }
        CategoryAxis(plot, spec.Categories, width);
        var values = spec.Series.SelectMany(s => s.Values).OfType<double>().ToList();
        ZeroBaseline(plot, values.Min(), values.Max(), spec.FlatAxisTop);
        return true;
    }

    private static bool Bars(Plot plot, ChartSpec spec, int width, bool stacked)
    {
        var n = spec.Categories.Count;
        if (n == 0 || !HasValues(spec))
        {
            return false;
        }
        var seriesCount = spec.Series.Count;
        var barWidth = stacked ? BarGroupWidth : BarGroupWidth / seriesCount;
        var positiveTops = new double[n];
        var negativeTops = new double[n];
        for (var s = 0; s < seriesCount; s++)
        {
            var colour = SeriesColour(spec, s);
            var bars = new List<Bar>();
            for (var i = 0; i < n; i++)
            {
                if (Value(spec.Series[s], i) is not { } value)
                {
                    continue;
                }
                var tops = value >= 0 ? positiveTops : negativeTops;
                var start = stacked ? tops[i] : 0;
                if (stacked)
                {
                    tops[i] += value;
                }
                var position = stacked ? i : i + (s - (seriesCount - 1) / 2.0) * barWidth;
                bars.Add(new Bar { Position = position, ValueBase = start, Value = start + value, Size = barWidth, FillColor = PointColour(spec.Series[s], i, colour), LineWidth = 0 });
            }
            var plottable = plot.Add.Bars(bars);
            if (spec.Series[s].PointColours is null)
            {
                plottable.Color = colour; // this setter refills every bar: only where no bar has a colour of its own
            }
            plottable.LegendText = spec.Series[s].Name;
        }
        CategoryAxis(plot, spec.Categories, width);
        var all = spec.Series.SelectMany(s => s.Values).OfType<double>().Concat(positiveTops).Concat(negativeTops).ToList();
        plot.Axes.SetLimitsX(-0.5, n - 0.5);
        ZeroBaseline(plot, all.Min(), all.Max(), spec.FlatAxisTop);
        return true;
    }

    /// <summary>One bar per category and series, side by side, categories down the left axis (the first at the top).</summary>
    private static bool HorizontalBars(Plot plot, ChartSpec spec)
    {
        var n = spec.Categories.Count;
        if (n == 0 || !HasValues(spec))
        {
            return false;
        }
        var seriesCount = spec.Series.Count;
        var barHeight = BarGroupWidth / seriesCount;
        for (var s = 0; s < seriesCount; s++)
        {
            var colour = SeriesColour(spec, s);
            var bars = new List<Bar>();
            for (var i = 0; i < n; i++)
            {
                if (Value(spec.Series[s], i) is { } value)
                {
                    var position = (n - 1 - i) - (s - (seriesCount - 1) / 2.0) * barHeight;
                    bars.Add(new Bar { Position = position, ValueBase = 0, Value = value, Size = barHeight, FillColor = PointColour(spec.Series[s], i, colour), LineWidth = 0 });
                }
            }
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            if (spec.Series[s].PointColours is null)
            {
                plottable.Color = colour;
            }
            plottable.LegendText = spec.Series[s].Name;
        }
        var ticks = new NumericManual();
        for (var i = 0; i < n; i++)
        {
            ticks.AddMajor(n - 1 - i, spec.Categories[i]);
        }
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MinimumSize = (float)(spec.Categories.Max(c => c.Length) * TickFontSize * 0.62 + 30);
        plot.Axes.SetLimitsY(-0.5, n - 0.5);
        var values = spec.Series.SelectMany(s => s.Values).OfType<double>().ToList();
        var (low, high) = (Math.Min(0, values.Min()), Math.Max(0, values.Max()));
        var pad = high - low is > 0 and var span ? span * 0.08 : 1;
        plot.Axes.SetLimitsX(low < 0 ? low - pad : 0, high + pad);
        return true;
    }

    private static bool Distribution(Plot plot, ChartSpec spec)
    {
        var bins = Histogram.Bin(spec);
        if (bins.Count == 0)
        {
            return false;
        }
        var colour = ChartPalette.SeriesColor(0);
        // The overflow bin (the long tail) is drawn as wide as the others, so the tail does not squeeze the bulk.
        var width = bins[0].Upper - bins[0].Lower;
        var bars = bins.Select(b => new Bar
        {
            Position = b.Lower + DrawnWidth(b, width) / 2,
            Value = b.Count,
            Size = DrawnWidth(b, width) * 0.95,
            FillColor = colour,
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars).Color = colour;
        var end = bins[^1].Lower + DrawnWidth(bins[^1], width);
        if (bins[^1].Overflow)
        {
            OverflowTicks(plot, bins, end);
        }
        if (string.IsNullOrWhiteSpace(spec.YLabel))
        {
            plot.YLabel("count", 13);
        }
        var yTicks = new NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Left.TickGenerator = yTicks;
        plot.Axes.SetLimitsX(bins[0].Lower, end);
        plot.Axes.SetLimitsY(0, bins.Max(b => b.Count) * 1.1);
        return true;
    }

    private static double DrawnWidth(HistogramBin bin, double width) => bin.Overflow ? width : bin.Upper - bin.Lower;

    /// <summary>
    /// With an overflow bar the axis is not linear at its end: ticks at the bin edges (every k-th, at most about a dozen
    /// labels), and the overflow bar's right end labelled with the largest sample, so the last bar reads "from 3.5 to 200".
    /// </summary>
    private static void OverflowTicks(Plot plot, IReadOnlyList<HistogramBin> bins, double end)
    {
        var ticks = new NumericManual();
        var step = (int)Math.Ceiling(bins.Count / 12.0);
        for (var i = 0; i < bins.Count; i++)
        {
            if (i % step == 0 || i == bins.Count - 1)
            {
                ticks.AddMajor(bins[i].Lower, EdgeLabel(bins[i].Lower));
            }
            else
            {
                ticks.AddMinor(bins[i].Lower);
            }
        }
        ticks.AddMajor(end, EdgeLabel(bins[^1].Upper));
        plot.Axes.Bottom.TickGenerator = ticks;
    }

    private static string EdgeLabel(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static void NoData(Plot plot)
    {
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.Axes.Bottom.TickGenerator = new NumericManual();
        plot.Axes.Left.TickGenerator = new NumericManual();
        plot.Grid.IsVisible = false;
        var label = plot.Add.Text("No data", 0.5, 0.5);
        label.LabelFontName = ChartFont.Family;
        label.LabelFontSize = 16;
        label.LabelFontColor = Color.FromHex(ChartPalette.Text);
        label.LabelAlignment = Alignment.MiddleCenter;
    }

    /// <summary>
    /// One tick per category. Labels that would not fit side by side are turned 45°, and if even those would
    /// collide only every k-th is written, counted back from the newest so the latest category is always named.
    /// </summary>
    private static void CategoryAxis(Plot plot, IReadOnlyList<string> categories, int width)
    {
        var n = categories.Count;
        var available = Math.Max(width - 160, 100); // minus the y axis, its label and a legend
        var widest = categories.Max(c => c.Length) * TickFontSize * 0.62 + 10;
        var ticks = new NumericManual();
        var step = 1;
        if (n * widest > available)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            // ScottPlot sizes the axis for level labels; make room for the turned ones and the axis label below.
            plot.Axes.Bottom.MinimumSize = (float)(widest * 0.71 + 30);
            step = (int)Math.Ceiling(n / (available / (TickFontSize * 1.5)));
        }
        for (var i = 0; i < n; i++)
        {
            if ((n - 1 - i) % step == 0)
            {
                ticks.AddMajor(i, categories[i]);
            }
            else
            {
                ticks.AddMinor(i);
            }
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(-0.5, n - 0.5);
    }

    /// <summary>
    /// Quantities such as counts and hours start at zero so bar and line heights are not exaggerated. When every value is
    /// 0 nothing gives the axis a scale: it runs from 0 to <paramref name="flatTop"/> (a percent axis: 100), else to 1.
    /// </summary>
    private static void ZeroBaseline(Plot plot, double min, double max, double? flatTop)
    {
        var low = Math.Min(0, min);
        var high = Math.Max(0, max);
        if (high == low)
        {
            plot.Axes.SetLimitsY(0, flatTop ?? 1);
            return;
        }
        var pad = (high - low) * 0.08;
        plot.Axes.SetLimitsY(low < 0 ? low - pad : 0, high + pad);
    }

    private static Color SeriesColour(ChartSpec spec, int index) =>
        spec.Series[index].Colour is { } colour ? Color.FromHex(colour) : ChartPalette.SeriesColor(index);

    private static Color PointColour(ChartSeries series, int index, Color seriesColour) =>
        series.PointColours is { } colours && index < colours.Count && colours[index] is { } colour ? Color.FromHex(colour) : seriesColour;

    private static bool HasValues(ChartSpec spec) => spec.Series.Any(s => s.Values.Any(v => v is not null));

    private static double? Value(ChartSeries series, int index) =>
        index < series.Values.Count && series.Values[index] is { } v && double.IsFinite(v) ? v : null;
}
