using System.Text.Json.Serialization;
using DevEx.Server.Access;

namespace DevEx.Server.Dashboards;

/// <summary>How a panel shows its table.</summary>
internal enum PanelKind
{
    Stat,
    Line,
    Bar,
    StackedBar,
    Table,
    Pivot,
    Distribution,
}

/// <summary>
/// One page of panels, from dashboards/&lt;id&gt;.json. <see cref="Shows"/> is what the page as a whole shows (its
/// <c>shows</c>, default figures): a role it refuses gets a 403 page saying why; each panel is then decided by its own.
/// </summary>
internal sealed record DashboardDefinition(string Id, string Title, string? Description, int Order, IReadOnlyList<PanelDefinition> Panels)
{
    public Surface Shows { get; init; } = Surface.Figures;
}

/// <summary>A table column a panel shows: the data column, and optionally its label, unit and drill-down link.</summary>
internal sealed record PanelColumnDefinition(string Name, string? Label, string? Unit, string? Link);

/// <summary>
/// One panel: what it shows (a built-in <see cref="Source"/> or a queries/ file in <see cref="Query"/>), how
/// (<see cref="Kind"/>) and which columns: <see cref="Value"/> for a stat, a pivot's cells or a distribution's samples;
/// <see cref="X"/> and <see cref="Y"/> (or <see cref="Series"/> + <see cref="Value"/>) for charts;
/// <see cref="Rows"/>/<see cref="Columns"/> for a pivot; <see cref="Table"/> to pick table columns.
/// </summary>
internal sealed record PanelDefinition
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Help { get; init; }
    public PanelKind Kind { get; init; }
    public string? Source { get; init; }
    public string? Query { get; init; }

    /// <summary>A query panel's grouping, bound to the query's <c>$group</c>: none (default), team or service.</summary>
    public string? Group { get; init; }

    /// <summary>
    /// What a query panel shows, as the scope rule reads it; null: <see cref="Surface.PerTeam"/> for a
    /// <see cref="Group"/> of team or service, else <see cref="Surface.Figures"/>. A built-in source says its own.
    /// </summary>
    public Surface? Shows { get; init; }
    public string? X { get; init; }
    public IReadOnlyList<string> Y { get; init; } = [];
    public string? Series { get; init; }
    public string? Value { get; init; }
    public string? Level { get; init; }
    public string? Caption { get; init; }
    public string? Rows { get; init; }
    public string? Columns { get; init; }
    public string? Unit { get; init; }
    public string? YLabel { get; init; }
    public string? Link { get; init; }
    public IReadOnlyList<PanelColumnDefinition> Table { get; init; } = [];
    public int? Limit { get; init; }
    public string Width { get; init; } = "half";

    /// <summary>A hash of the definition as read, set by the reader: cached HTML of an edited panel is not served.</summary>
    [JsonIgnore]
    public string Fingerprint { get; init; } = "";
}
