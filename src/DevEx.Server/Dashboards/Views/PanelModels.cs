namespace DevEx.Server.Dashboards.Views;

/// <summary>
/// One panel as shown: heading, help, body by kind (or the error that kept it from being computed), the data's note and
/// the CSV link (none for a panel the role may not see). Cached with the data (a chart's SVG costs tens of
/// milliseconds), never the markup.
/// </summary>
public sealed record PanelModel(string Id, string Title, string? Help, string Width, PanelBody Body, string? Note, string? CsvHref);

/// <summary>What a panel shows under its heading.</summary>
public abstract record PanelBody;

/// <summary>A panel that could not be computed, or whose data lacks a column its definition names.</summary>
public sealed record PanelError(string Message) : PanelBody;

/// <summary>A panel outside what the role may see in this view: why, and which role would see it (never an empty chart).</summary>
public sealed record PanelRefused(string Reason) : PanelBody;

/// <summary>
/// A single figure: null <see cref="Value"/> when there is no row; <see cref="Level"/> a DORA level (or why there is none);
/// <see cref="Trend"/> against the previous period, or <see cref="NoPreviousFigure"/> when that period has none to compare with.
/// </summary>
public sealed record StatPanelModel(string? Value, string? Link, string? Level, string? Trend, bool NoPreviousFigure, string? Caption) : PanelBody;

/// <summary>A table; no rows reads "No rows in this window".</summary>
public sealed record TablePanelModel(IReadOnlyList<ColumnHeader> Headers, IReadOnlyList<IReadOnlyList<TableCellModel>> Rows) : PanelBody;

/// <summary>A column header; <see cref="Unit"/> in small type under the name ("Pickup" over "(working hours)").</summary>
public sealed record ColumnHeader(string Name, string? Unit);

/// <summary>How a cell sits: right-aligned number, clipped text (the whole in its title) or plain.</summary>
public enum CellStyle
{
    Plain,
    Numeric,
    Clip,
}

/// <summary>A cell: its text, where it links to, and whether it is a DORA level badge.</summary>
public sealed record TableCellModel(string Text, string? Link, CellStyle Style, bool IsLevel = false);

/// <summary>Rows by columns, each cell with its change since the previous period.</summary>
public sealed record PivotPanelModel(string RowsLabel, IReadOnlyList<string> Columns, IReadOnlyList<PivotRowModel> Rows) : PanelBody;

/// <summary>A pivot row: its label (linked where the data has rows behind it) and one cell per column.</summary>
public sealed record PivotRowModel(string Label, string? Link, IReadOnlyList<PivotCellModel> Cells);

/// <summary>A pivot cell; <see cref="Delta"/> "+2 h" and its spoken <see cref="DeltaTitle"/> when it changed.</summary>
public sealed record PivotCellModel(string Text, string? Link, string? Delta, string? DeltaTitle);

/// <summary>
/// A chart: the SVG our chart code drew (<c>ChartRenderer</c>), its text alternative, the note on partial periods and its
/// table view.
/// </summary>
public sealed record ChartPanelModel(string Svg, string TextAlternative, string? PartialNote, IReadOnlyList<string> Headers,
    IReadOnlyList<ChartRowModel> Rows, string? TableNote) : PanelBody;

/// <summary>A row of a chart's table view: the period or category, and each series' number with its link.</summary>
public sealed record ChartRowModel(string Label, IReadOnlyList<TableCellModel> Cells);
