namespace DevEx.Server.Dashboards;

/// <summary>
/// A column of panel data. Unit says how values read: <c>hours</c>, <c>rate</c> (a fraction shown as %),
/// <c>count</c>, <c>date</c>, <c>level</c>, <c>text</c> or <c>number</c>.
/// </summary>
internal sealed record PanelColumn(string Name, string Label, string Unit);

/// <summary>
/// What every panel source returns: a table. A column named <c>x__link</c> holds the drill-down link of column
/// <c>x</c> for that row; <c>x_previous</c> holds x over the previous period of the same length. <see cref="SeriesColours"/>
/// fixes the colour (#rrggbb) of a series, by the name a long-format series column holds or by a y column's name, so a
/// series (a wait: <c>WaitPalette</c>) keeps its colour in every view and every chart.
/// <see cref="NotInRowTotals"/> lists the values of a pivot's columns column whose cells are shown but not added into a
/// row's total (the overview's meetings: a person's hours, not a pull request's or ticket's).
/// </summary>
internal sealed record PanelData(IReadOnlyList<PanelColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, string? Note = null)
{
    public const string LinkSuffix = "__link";
    public const string PreviousSuffix = "_previous";

    public IReadOnlyDictionary<string, string> SeriesColours { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> NotInRowTotals { get; init; } = [];

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    public bool Has(string column) => IndexOf(column) >= 0;

    public object? Value(IReadOnlyList<object?> row, string column) => IndexOf(column) is >= 0 and var i ? row[i] : null;

    public PanelColumn? Column(string column) => IndexOf(column) is >= 0 and var i ? Columns[i] : null;

    /// <summary>The columns a person reads: links and previous-period values ride along with their column.</summary>
    public IEnumerable<PanelColumn> VisibleColumns => Columns.Where(c => !c.Name.EndsWith(LinkSuffix, StringComparison.Ordinal));

    public static double? Number(object? value) => value switch
    {
        null or DBNull => null,
        double d when double.IsNaN(d) || double.IsInfinity(d) => null,
        double d => d,
        float f => f,
        decimal m => (double)m,
        long l => l,
        int i => i,
        short s => s,
        byte b => b,
        ulong u => u,
        uint u => u,
        System.Numerics.BigInteger b => (double)b,
        _ => null,
    };
}

/// <summary>Builds panel data row by row with typed columns.</summary>
internal sealed class PanelDataBuilder
{
    private readonly List<PanelColumn> columns = [];
    private readonly List<IReadOnlyList<object?>> rows = [];

    public PanelDataBuilder Column(string name, string label, string unit = "number")
    {
        columns.Add(new PanelColumn(name, label, unit));
        return this;
    }

    public PanelDataBuilder Row(params object?[] values)
    {
        if (values.Length != columns.Count)
        {
            throw new ArgumentException($"A row needs {columns.Count} values, not {values.Length}.");
        }
        rows.Add(values);
        return this;
    }

    public PanelData Build(string? note = null) => new(columns.ToList(), rows.ToList(), note);

    public IReadOnlyList<PanelColumn> Columns => columns;
}
