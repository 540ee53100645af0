using DevEx.Analytics.Metrics;
using DevEx.Reports.Charts;
using DevEx.Server.Dashboards.Views;
using NodaTime;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Line, bar, stacked-bar and distribution charts as inline SVG (ScottPlot), with the text alternative and a table
/// view of the same numbers. In a series over periods each number links to its own rows: the row's <c>x__link</c> when
/// the source gives one (a wait to its own listing), else the panel's link narrowed to the period. A long-format series
/// keeps its colour in every view: colours follow the source's fixed order of series names, not the totals.
/// </summary>
internal static class ChartPanel
{
    /// <summary>The chart drawn (the costly part, hence cached with the panel) and its table view.</summary>
    public static ChartPanelModel Model(PanelDefinition panel, PanelData data, DashboardFilter filter)
    {
        var (spec, table) = Build(panel, data, filter);
        var chart = ChartRenderer.Svg(spec);
        var rows = table.Rows.Select(r => new ChartRowModel(r.Label, r.Cells.Select(c => TablePanel.Cell(c.Text, "number", c.Link)).ToList())).ToList();
        return new ChartPanelModel(chart.Svg, chart.TextAlternative, table.PartialNote, table.Headers, rows, table.Note);
    }

    internal sealed record TableRow(string Label, IReadOnlyList<(string Text, string? Link)> Cells);

    /// <summary><c>PartialNote</c>: which periods the window's edges cut ("* partial: 2026-06 has 12 of 30 days"), shown under the chart.</summary>
    internal sealed record TableView(IReadOnlyList<string> Headers, IReadOnlyList<TableRow> Rows, string? Note = null, string? PartialNote = null);

    /// <summary>The chart and its table view.</summary>
    internal static (ChartSpec Spec, TableView Table) Build(PanelDefinition panel, PanelData data, DashboardFilter filter) =>
        panel.Kind == PanelKind.Distribution ? Distribution(panel, data, filter) : Series(panel, data, filter);

    private sealed record Line(string Name, string Unit, string Column, string? Colour, IReadOnlyList<IReadOnlyList<object?>?> Rows)
    {
        public double?[] Values(PanelData data) => Rows.Select(r => r is null ? null : PanelData.Number(data.Value(r, Column))).ToArray();
    }

    private static (ChartSpec, TableView) Series(PanelDefinition panel, PanelData data, DashboardFilter filter)
    {
        var x = panel.X ?? "period";
        var categories = data.Rows.Select(r => data.Value(r, x)).Distinct().ToList();
        var coverage = categories.Select(c => x == "period" && Format.AsDate(c) is { } d ? Coverage(d, filter) : null).ToList();
        // A period the window's edge cuts is marked "*" (chart and table) and named under the chart with its days.
        var labels = categories.Select((c, i) => Format.AsDate(c) is { } d && x == "period"
            ? Format.Period(d, filter.Interval) + (coverage[i] is { Partial: true } ? "*" : "")
            : Format.Raw(c)).ToList();
        var partial = categories.Select((c, i) => coverage[i] is { Partial: true } p
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{labels[i]} has {p.Days} of {p.PeriodDays} days")
                : null)
            .Where(n => n is not null).ToList();
        var partialNote = partial.Count > 0 ? $"* Partial {PeriodName(filter.Interval)}, cut by the window: {string.Join("; ", partial)}." : null;
        IReadOnlyList<object?>? RowOf(IEnumerable<IReadOnlyList<object?>> rows, object? category) => rows.FirstOrDefault(r => Equals(data.Value(r, x), category));
        List<Line> lines;
        if (panel.Series is { } seriesColumn)
        {
            var valueColumn = data.Column(panel.Value!)!;
            var groups = data.Rows.GroupBy(r => Format.Raw(data.Value(r, seriesColumn))).ToList();
            // Stacked largest first, but coloured by name: a wait is the same colour in the org's chart and a team's.
            lines = groups.OrderByDescending(g => g.Sum(r => PanelData.Number(data.Value(r, valueColumn.Name)) ?? 0))
                .Select(g => new Line(g.Key, valueColumn.Unit, valueColumn.Name, data.SeriesColours.GetValueOrDefault(g.Key),
                    categories.Select(c => RowOf(g, c)).ToList()))
                .ToList();
        }
        else
        {
            // One series per y column, in the definition's order: colours fixed by the source (a wait's), else by that order.
            // A series is named by the definition's label of its column (table), else by the data's.
            lines = panel.Y.Select(y => data.Column(y)!)
                .Select(c => new Line(panel.Table.FirstOrDefault(t => t.Name == c.Name)?.Label ?? c.Label, c.Unit, c.Name, data.SeriesColours.GetValueOrDefault(c.Name), categories.Select(cat => RowOf(data.Rows, cat)).ToList()))
                .ToList();
        }
        var unit = panel.Unit ?? (lines.Count > 0 ? lines[0].Unit : "number");
        // Rates read as percentages on the axis, as they do in the tables.
        var scale = unit == "rate" ? 100 : 1;
        var spec = new ChartSpec(Kind(panel.Kind), panel.Title, x == "period" ? PeriodName(filter.Interval) : data.Column(x)?.Label ?? x,
            panel.YLabel ?? UnitLabel(unit), labels,
            lines.Select(l => new ChartSeries(l.Name, l.Values(data).Select(v => v * scale).ToList(), l.Colour)).ToList(),
            FlatAxisTop: unit == "rate" ? 100 : null);
        var rows = categories.Select((c, i) => new TableRow(labels[i], lines.Select(l =>
        {
            var row = l.Rows[i];
            var value = row is null ? null : PanelData.Number(data.Value(row, l.Column));
            var own = row is null ? null : PanelLinks.For(data, row, l.Column, null, filter);
            return (Format.Value(value, unit), own ?? PeriodLink(panel, c, filter));
        }).ToList())).ToList();
        return (spec, new TableView([x == "period" ? PeriodName(filter.Interval) : data.Column(x)?.Label ?? x, .. lines.Select(l => l.Name)], rows,
            PartialNote: partialNote));
    }

    /// <summary>The coverage of the series period starting at (or holding) <paramref name="start"/>.</summary>
    private static PeriodCoverage? Coverage(LocalDate start, DashboardFilter filter) =>
        filter.Window.Periods(filter.Interval).FirstOrDefault(p => p.From <= start && start < p.To)?.Coverage(filter.Interval);

    /// <summary>
    /// A histogram and, as its table view, the bins it draws (not every distinct value: thousands on a large org), each
    /// count linked to the panel's listing when it has a link.
    /// </summary>
    private static (ChartSpec, TableView) Distribution(PanelDefinition panel, PanelData data, DashboardFilter filter)
    {
        var column = data.Column(panel.Value!)!;
        var samples = data.Rows.Select(r => PanelData.Number(data.Value(r, column.Name))).ToList();
        var unit = panel.Unit ?? column.Unit;
        var spec = new ChartSpec(ChartKind.Distribution, panel.Title, panel.YLabel ?? UnitLabel(unit), "count", [], [new ChartSeries(column.Label, samples)]);
        var link = panel.Link is null ? null : PanelLinks.Apply(panel.Link, null, null, filter);
        var rows = Histogram.Bin(spec)
            .Select(b => new TableRow(BinLabel(b, unit), [(b.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), link)])).ToList();
        return (spec, new TableView([column.Label, "Count"], rows,
            rows.Count > 1 ? "Each range holds its lower bound but not its upper one; the last holds both." : null));
    }

    /// <summary>"0–2 h", "10%–20%", "0–5": the unit once, after the upper bound, where it is a suffix.</summary>
    private static string BinLabel(HistogramBin bin, string unit)
    {
        var (lower, upper) = (Format.Value(bin.Lower, unit), Format.Value(bin.Upper, unit));
        const string HoursSuffix = " h";
        return lower.EndsWith(HoursSuffix, StringComparison.Ordinal) && upper.EndsWith(HoursSuffix, StringComparison.Ordinal)
            ? $"{lower[..^HoursSuffix.Length]}–{upper}"
            : $"{lower}–{upper}";
    }

    /// <summary>In a series over periods, a number links to the panel's listing narrowed to its period.</summary>
    private static string? PeriodLink(PanelDefinition panel, object? category, DashboardFilter filter)
    {
        if (panel.Link is null || Format.AsDate(category) is not { } start)
        {
            return null;
        }
        var period = filter.Window.Periods(filter.Interval).FirstOrDefault(p => p.From <= start && start < p.To)
            ?? filter.Window.Periods(filter.Interval).FirstOrDefault(p => start < p.To);
        return period is null ? null : PanelLinks.Apply(panel.Link, null, null, filter.ForWindow(period));
    }

    private static ChartKind Kind(PanelKind kind) => kind switch
    {
        PanelKind.Bar => ChartKind.Bar,
        PanelKind.StackedBar => ChartKind.StackedBar,
        _ => ChartKind.Line,
    };

    private static string PeriodName(MetricInterval interval) => interval switch
    {
        MetricInterval.Day => "day",
        MetricInterval.Month => "month",
        _ => "ISO week",
    };

    private static string UnitLabel(string unit) => unit switch
    {
        "hours" => "hours",
        "rate" => "percent",
        "count" => "count",
        _ => unit,
    };
}
