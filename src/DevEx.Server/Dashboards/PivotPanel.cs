using System.Text;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Rows by columns (e.g. teams by waits), each cell the value with its change since the previous period. Columns and
/// rows are ordered by the totals they account for, largest first.
/// </summary>
internal static class PivotPanel
{
    public static void Render(StringBuilder html, PanelDefinition panel, PanelData data, DashboardFilter filter)
    {
        if (data.Rows.Count == 0)
        {
            html.Append("<p class=\"muted\">No rows in this window.</p>");
            return;
        }
        var valueColumn = data.Column(panel.Value!)!;
        var unit = panel.Unit ?? valueColumn.Unit;
        var cells = data.Rows.ToDictionary(r => (Key(data, r, panel.Rows!), Key(data, r, panel.Columns!)));
        double Total(IEnumerable<IReadOnlyList<object?>> rows) => rows.Sum(r => PanelData.Number(data.Value(r, valueColumn.Name)) ?? 0);
        var columns = data.Rows.GroupBy(r => Key(data, r, panel.Columns!)).OrderByDescending(g => Total(g)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        var rows = data.Rows.GroupBy(r => Key(data, r, panel.Rows!)).OrderByDescending(g => Total(g)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Link: PanelLinks.For(data, g.First(), panel.Rows!, null, filter))).ToList();
        html.Append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Scrollable table\"><table class=\"pivot\"><thead><tr><th scope=\"col\">")
            .Append(Format.Html(data.Column(panel.Rows!)!.Label)).Append("</th>");
        foreach (var column in columns)
        {
            html.Append("<th scope=\"col\">").Append(Format.Html(column)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var (key, link) in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(link is null ? Format.Html(key) : $"<a href=\"{Format.Html(link)}\">{Format.Html(key)}</a>").Append("</th>");
            foreach (var column in columns)
            {
                if (!cells.TryGetValue((key, column), out var row))
                {
                    html.Append("<td class=\"num\">").Append(Format.Missing).Append("</td>");
                    continue;
                }
                var now = PanelData.Number(data.Value(row, valueColumn.Name));
                var before = PanelData.Number(data.Value(row, valueColumn.Name + PanelData.PreviousSuffix));
                var cellLink = PanelLinks.For(data, row, valueColumn.Name, panel.Link, filter);
                var text = Format.Html(Format.Value(now, unit));
                html.Append("<td class=\"num\">").Append(cellLink is null ? text : $"<a href=\"{Format.Html(cellLink)}\">{text}</a>");
                if (now is { } a && before is { } b && Math.Abs(a - b) >= 0.05)
                {
                    var delta = a - b;
                    html.Append(" <span class=\"delta\" title=\"").Append(Format.Html(Format.Trend(a, b, unit))).Append("\">(")
                        .Append(delta > 0 ? "+" : "−").Append(Format.Html(Format.Value(Math.Abs(delta), unit))).Append(")</span>");
                }
                html.Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>");
    }

    private static string Key(PanelData data, IReadOnlyList<object?> row, string column) => Format.Raw(data.Value(row, column));
}
