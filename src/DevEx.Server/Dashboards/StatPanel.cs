using System.Text;

namespace DevEx.Server.Dashboards;

/// <summary>A single figure: the value (linked to its rows), its DORA level badge and its trend against the previous period.</summary>
internal static class StatPanel
{
    public static void Render(StringBuilder html, PanelDefinition panel, PanelData data, DashboardFilter filter)
    {
        if (data.Rows.Count == 0)
        {
            html.Append("<p class=\"stat-value\">").Append(Format.Missing).Append("</p><p class=\"muted\">No data in this window.</p>");
            return;
        }
        var row = data.Rows[0];
        var column = data.Column(panel.Value!)!;
        var unit = panel.Unit ?? column.Unit;
        var value = data.Value(row, column.Name);
        var text = Format.Html(Format.Value(value, unit));
        var link = PanelLinks.For(data, row, column.Name, panel.Link, filter);
        html.Append("<p class=\"stat-value\">");
        html.Append(link is null ? text : $"<a href=\"{Format.Html(link)}\">{text}</a>");
        if (panel.Level is not null && data.Value(row, panel.Level) is string level)
        {
            html.Append(' ').Append(Level(level));
        }
        html.Append("</p>");
        if (Format.Trend(PanelData.Number(value), PanelData.Number(data.Value(row, column.Name + PanelData.PreviousSuffix)), unit) is { } trend)
        {
            html.Append("<p class=\"trend\">").Append(Format.Html(trend)).Append("</p>");
        }
        else if (value is not null && data.Column(column.Name + PanelData.PreviousSuffix) is not null
            && data.Value(row, column.Name + PanelData.PreviousSuffix) is null)
        {
            // No figure then (nothing measured, or the period began before the data started): no change, not "up from 0".
            html.Append("<p class=\"trend\">previous period: ").Append(Format.Missing).Append("</p>");
        }
        if (panel.Caption is not null && data.Value(row, panel.Caption) is string caption)
        {
            html.Append("<p class=\"caption\">").Append(Format.Html(caption)).Append("</p>");
        }
    }

    /// <summary>A DORA level as a badge; any other text in a level's place (why there is no level) as a plain note.</summary>
    public static string Level(string level) => DevEx.Reports.Charts.LevelPalette.Levels.Contains(level)
        ? $"<span class=\"level {Format.Html(level)}\">{Format.Html(level)}</span>"
        : $"<span class=\"no-level\">{Format.Html(level)}</span>";
}
