using DevEx.Server.Dashboards.Views;

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
    public static PivotPanelModel Build(PanelDefinition panel, PanelData data, DashboardFilter filter)
    {
        if (data.Rows.Count == 0)
        {
            return new PivotPanelModel("", [], []);
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
        var shown = rows.Select(r => new PivotRowModel(r.Label, r.Link, columns.Select(column =>
        {
            if (!cells.TryGetValue((r.Key, column), out var row))
            {
                return new PivotCellModel(Format.Missing, null, null, null);
            }
            var now = PanelData.Number(data.Value(row, valueColumn.Name));
            var before = PanelData.Number(data.Value(row, valueColumn.Name + PanelData.PreviousSuffix));
            var cellLink = PanelLinks.For(data, row, valueColumn.Name, panel.Link, filter);
            var (delta, title) = now is { } a && before is { } b && Math.Abs(a - b) >= 0.05
                ? ((a - b > 0 ? "+" : "−") + Format.Value(Math.Abs(a - b), unit), Format.Trend(a, b, unit))
                : (null, null);
            return new PivotCellModel(Format.Value(now, unit), cellLink, delta, title);
        }).ToList())).ToList();
        return new PivotPanelModel(data.Column(panel.Rows!)!.Label, columns, shown);
    }

    private static string Key(PanelData data, IReadOnlyList<object?> row, string column) => Format.Raw(data.Value(row, column));
}
