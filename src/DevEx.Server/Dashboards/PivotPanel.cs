using System.Text;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Rows by columns (e.g. teams by waits), each cell the value with its change since the previous period. Columns and
/// rows are ordered by the totals they account for, largest first; a row's total leaves out the columns the data names
/// in <see cref="PanelData.NotInRowTotals"/> (the overview's meetings are not added into a team's waits). A row is told apart by the column
/// <c>&lt;rows&gt;_id</c> when the data has one (e.g. <c>team_id</c>: two teams may share a display name) and shown by
/// <c>&lt;rows&gt;</c>.
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
        var rowKey = data.Has(panel.Rows + "_id") ? panel.Rows + "_id" : panel.Rows!;
        // One cell per row and column; should the data repeat one, its first row is shown.
        var cells = data.Rows.GroupBy(r => (Key(data, r, rowKey), Key(data, r, panel.Columns!))).ToDictionary(g => g.Key, g => g.First());
        double Total(IEnumerable<IReadOnlyList<object?>> rows) => rows.Sum(r => PanelData.Number(data.Value(r, valueColumn.Name)) ?? 0);
        double RowTotal(IEnumerable<IReadOnlyList<object?>> rows) => Total(rows.Where(r => !data.NotInRowTotals.Contains(Key(data, r, panel.Columns!))));
        var columns = data.Rows.GroupBy(r => Key(data, r, panel.Columns!)).OrderByDescending(g => Total(g)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        var rows = data.Rows.GroupBy(r => Key(data, r, rowKey))
            .Select(g => (g.Key, Label: Key(data, g.First(), panel.Rows!), Total: RowTotal(g), Link: PanelLinks.For(data, g.First(), panel.Rows!, null, filter)))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Label, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        html.Append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Scrollable table\"><table class=\"pivot\"><thead><tr><th scope=\"col\">")
            .Append(Format.Html(data.Column(panel.Rows!)!.Label)).Append("</th>");
        foreach (var column in columns)
        {
            html.Append("<th scope=\"col\">").Append(Format.Html(column)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var (key, label, _, link) in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(link is null ? Format.Html(label) : $"<a href=\"{Format.Html(link)}\">{Format.Html(label)}</a>").Append("</th>");
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
