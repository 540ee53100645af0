using System.Text;

namespace DevEx.Server.Dashboards;

/// <summary>A table of the panel's rows; every number that has rows behind it links to them.</summary>
internal static class TablePanel
{
    public static void Render(StringBuilder html, PanelDefinition panel, PanelData data, DashboardFilter filter)
    {
        var columns = panel.Table.Count > 0
            ? panel.Table.Select(c => (Definition: c, Column: data.Column(c.Name)!)).ToList()
            : data.VisibleColumns.Where(c => !c.Name.EndsWith(PanelData.PreviousSuffix, StringComparison.Ordinal))
                .Select(c => (Definition: new PanelColumnDefinition(c.Name, null, null, null), Column: c)).ToList();
        if (data.Rows.Count == 0)
        {
            html.Append("<p class=\"muted\">No rows in this window.</p>");
            return;
        }
        html.Append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Scrollable table\"><table><thead><tr>");
        foreach (var (definition, column) in columns)
        {
            html.Append("<th scope=\"col\">").Append(Format.Html(definition.Label ?? column.Label)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in data.Rows.Take(panel.Limit ?? 100))
        {
            html.Append("<tr>");
            foreach (var (definition, column) in columns)
            {
                var unit = definition.Unit ?? column.Unit;
                var value = data.Value(row, column.Name);
                Cell(html, Format.Value(value, unit), unit, PanelLinks.For(data, row, column.Name, definition.Link, filter));
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>");
    }

    public static void Cell(StringBuilder html, string text, string unit, string? link)
    {
        var numeric = unit is "hours" or "rate" or "count" or "number";
        html.Append(numeric ? "<td class=\"num\">" : "<td>");
        if (unit == "level" && text != Format.Missing)
        {
            html.Append(StatPanel.Level(text));
        }
        else if (link is not null && text != Format.Missing)
        {
            html.Append("<a href=\"").Append(Format.Html(link)).Append("\">").Append(Format.Html(text)).Append("</a>");
        }
        else
        {
            html.Append(Format.Html(text));
        }
        html.Append("</td>");
    }
}
