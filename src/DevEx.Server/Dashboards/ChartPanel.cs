using System.Text;
using DevEx.Analytics.Metrics;
using DevEx.Reports.Charts;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Line, bar, stacked-bar and distribution charts as inline SVG (ScottPlot), with the text alternative and a table
/// view of the same numbers; in a series over periods each number links to the rows of its period.
/// </summary>
internal static class ChartPanel
{
    public static void Render(StringBuilder html, PanelDefinition panel, PanelData data, DashboardFilter filter)
    {
        var (spec, table) = panel.Kind == PanelKind.Distribution ? Distribution(panel, data) : Series(panel, data, filter);
        var chart = ChartRenderer.Svg(spec);
        html.Append("<figure class=\"chart\">").Append(chart.Svg)
            .Append("<figcaption class=\"muted\">").Append(Format.Html(chart.TextAlternative)).Append("</figcaption></figure>");
        html.Append("<details><summary>Table view</summary><div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Scrollable table\"><table><thead><tr>");
        foreach (var header in table.Headers)
        {
            html.Append("<th scope=\"col\">").Append(Format.Html(header)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(Format.Html(row.Label)).Append("</th>");
            foreach (var (text, link) in row.Cells)
            {
                TablePanel.Cell(html, text, "number", link);
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div></details>");
    }

    private sealed record TableRow(string Label, IReadOnlyList<(string Text, string? Link)> Cells);

    private sealed record TableView(IReadOnlyList<string> Headers, IReadOnlyList<TableRow> Rows);

    private static (ChartSpec, TableView) Series(PanelDefinition panel, PanelData data, DashboardFilter filter)
    {
        var x = panel.X ?? "period";
        var categories = data.Rows.Select(r => data.Value(r, x)).Distinct().ToList();
        var labels = categories.Select(c => Format.AsDate(c) is { } d && x == "period" ? Format.Period(d, filter.Interval) : Format.Raw(c)).ToList();
        List<(string Name, string Unit, double?[] Values, string Column)> series;
        if (panel.Series is { } seriesColumn)
        {
            var valueColumn = data.Column(panel.Value!)!;
            series = data.Rows.GroupBy(r => Format.Raw(data.Value(r, seriesColumn)))
                .OrderByDescending(g => g.Sum(r => PanelData.Number(data.Value(r, valueColumn.Name)) ?? 0))
                .Select(g => (g.Key, valueColumn.Unit, categories.Select(c => g.Where(r => Equals(data.Value(r, x), c))
                    .Select(r => PanelData.Number(data.Value(r, valueColumn.Name))).FirstOrDefault()).ToArray(), valueColumn.Name))
                .ToList();
        }
        else
        {
            series = panel.Y.Select(y => data.Column(y)!).Select(c => (c.Label, c.Unit,
                categories.Select(cat => data.Rows.Where(r => Equals(data.Value(r, x), cat)).Select(r => PanelData.Number(data.Value(r, c.Name))).FirstOrDefault()).ToArray(),
                c.Name)).ToList();
        }
        var unit = panel.Unit ?? (series.Count > 0 ? series[0].Unit : "number");
        // Rates read as percentages on the axis, as they do in the tables.
        var scale = unit == "rate" ? 100 : 1;
        var spec = new ChartSpec(Kind(panel.Kind), panel.Title, x == "period" ? PeriodName(filter.Interval) : data.Column(x)?.Label ?? x,
            panel.YLabel ?? UnitLabel(unit), labels, series.Select(s => new ChartSeries(s.Name, s.Values.Select(v => v * scale).ToList())).ToList());
        var rows = categories.Select((c, i) => new TableRow(labels[i], series.Select(s =>
            (Format.Value(s.Values[i], unit), PeriodLink(panel, c, filter))).ToList())).ToList();
        return (spec, new TableView([labels.Count > 0 && x == "period" ? PeriodName(filter.Interval) : x, .. series.Select(s => s.Name)], rows));
    }

    private static (ChartSpec, TableView) Distribution(PanelDefinition panel, PanelData data)
    {
        var column = data.Column(panel.Value!)!;
        var samples = data.Rows.Select(r => PanelData.Number(data.Value(r, column.Name))).ToList();
        var unit = panel.Unit ?? column.Unit;
        var spec = new ChartSpec(ChartKind.Distribution, panel.Title, panel.YLabel ?? UnitLabel(unit), "count", [], [new ChartSeries(column.Label, samples)]);
        var rows = samples.Where(s => s is not null).GroupBy(s => s!.Value).OrderBy(g => g.Key)
            .Select(g => new TableRow(Format.Value(g.Key, unit), [(g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture), null)])).ToList();
        return (spec, new TableView([column.Label, "Count"], rows));
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
