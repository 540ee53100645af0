using DevEx.Server.Dashboards.Views;

namespace DevEx.Server.Dashboards;

/// <summary>A single figure: the value (linked to its rows), its DORA level badge and its trend against the previous period.</summary>
internal static class StatPanel
{
    public static StatPanelModel Build(PanelDefinition panel, PanelData data, DashboardFilter filter)
    {
        if (data.Rows.Count == 0)
        {
            return new StatPanelModel(null, null, null, null, false, null);
        }
        var row = data.Rows[0];
        var column = data.Column(panel.Value!)!;
        var unit = panel.Unit ?? column.Unit;
        var value = data.Value(row, column.Name);
        var link = PanelLinks.For(data, row, column.Name, panel.Link, filter);
        var level = panel.Level is not null && data.Value(row, panel.Level) is string l ? l : null;
        var trend = Format.Trend(PanelData.Number(value), PanelData.Number(data.Value(row, column.Name + PanelData.PreviousSuffix)), unit);
        // No figure then (nothing measured, or the period began before the data started): no change, not "up from 0".
        var noPrevious = trend is null && value is not null && data.Column(column.Name + PanelData.PreviousSuffix) is not null
            && data.Value(row, column.Name + PanelData.PreviousSuffix) is null;
        var caption = panel.Caption is not null && data.Value(row, panel.Caption) is string c ? c : null;
        return new StatPanelModel(Format.Value(value, unit), link, level, trend, noPrevious, caption);
    }
}
