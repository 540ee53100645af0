using System.Text;

namespace DevEx.Server.Dashboards;

/// <summary>
/// A table of the panel's rows; every number that has rows behind it links to them. A column named <c>title</c> (a pull
/// request's or ticket's) is cut to the room left on one line, the whole title in the cell's title attribute: long
/// titles pushed a half-width table past its panel (the slowest pull requests at 1440 px), and so did the units of the
/// column headers, now in small type under the name.
/// </summary>
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
            html.Append("<th scope=\"col\">").Append(Header(definition.Label ?? column.Label)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in data.Rows.Take(panel.Limit ?? 100))
        {
            html.Append("<tr>");
            foreach (var (definition, column) in columns)
            {
                var unit = definition.Unit ?? column.Unit;
                var value = data.Value(row, column.Name);
                Cell(html, Format.Value(value, unit), unit, PanelLinks.For(data, row, column.Name, definition.Link, filter), clip: column.Name == TitleColumn);
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>");
    }

    private const string TitleColumn = "title";

    /// <summary>"Pickup (working hours)": the unit on a line of its own in small type, so it does not set the column's width.</summary>
    private static string Header(string label)
    {
        var open = label.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 && label.EndsWith(')')
            ? $"{Format.Html(label[..open])} <span class=\"unit\">{Format.Html(label[(open + 1)..])}</span>"
            : Format.Html(label);
    }

    public static void Cell(StringBuilder html, string text, string unit, string? link, bool clip = false)
    {
        var numeric = unit is "hours" or "rate" or "count" or "number";
        html.Append(numeric ? "<td class=\"num\">" : clip ? $"<td class=\"clip\" title=\"{Format.Html(text)}\">" : "<td>");
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
