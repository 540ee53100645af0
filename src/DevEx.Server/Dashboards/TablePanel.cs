using DevEx.Server.Dashboards.Views;

namespace DevEx.Server.Dashboards;

/// <summary>
/// A table of the panel's rows; every number that has rows behind it links to them. A column named <c>title</c> (a pull
/// request's or ticket's) is cut to the room left on one line, the whole title in the cell's title attribute: long
/// titles pushed a half-width table past its panel (the slowest pull requests at 1440 px), and so did the units of the
/// column headers, now in small type under the name.
/// </summary>
internal static class TablePanel
{
    public static TablePanelModel Build(PanelDefinition panel, PanelData data, DashboardFilter filter)
    {
        var columns = panel.Table.Count > 0
            ? panel.Table.Select(c => (Definition: c, Column: data.Column(c.Name)!)).ToList()
            : data.VisibleColumns.Where(c => !c.Name.EndsWith(PanelData.PreviousSuffix, StringComparison.Ordinal))
                .Select(c => (Definition: new PanelColumnDefinition(c.Name, null, null, null), Column: c)).ToList();
        var headers = columns.Select(c => Header(c.Definition.Label ?? c.Column.Label)).ToList();
        var rows = data.Rows.Take(panel.Limit ?? 100).Select(row => (IReadOnlyList<TableCellModel>)columns.Select(c =>
        {
            var unit = c.Definition.Unit ?? c.Column.Unit;
            var value = data.Value(row, c.Column.Name);
            return Cell(Format.Value(value, unit), unit, PanelLinks.For(data, row, c.Column.Name, c.Definition.Link, filter), clip: c.Column.Name == TitleColumn);
        }).ToList()).ToList();
        return new TablePanelModel(headers, rows);
    }

    private const string TitleColumn = "title";

    /// <summary>"Pickup (working hours)": the unit on a line of its own in small type, so it does not set the column's width.</summary>
    private static ColumnHeader Header(string label)
    {
        var open = label.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 && label.EndsWith(')') ? new ColumnHeader(label[..open], label[(open + 1)..]) : new ColumnHeader(label, null);
    }

    /// <summary>A cell of a value in <paramref name="unit"/>: numbers right-aligned, a level as its badge, a title clipped.</summary>
    public static TableCellModel Cell(string text, string unit, string? link, bool clip = false)
    {
        var style = unit is "hours" or "rate" or "count" or "number" ? CellStyle.Numeric : clip ? CellStyle.Clip : CellStyle.Plain;
        return new TableCellModel(text, link, style, IsLevel: unit == "level");
    }
}
