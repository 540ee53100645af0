using DevEx.Server.Access;

namespace DevEx.Server.Dashboards;

/// <summary>
/// A built-in panel source: a name dashboards/*.json can refer to, and how to load its table. A <see cref="Live"/>
/// source shows a state that changes without new data (a sync running, a sync that wrote nothing): it is read at
/// every request and neither its data nor its panels are cached. <see cref="Shows"/> is what its table shows, as the
/// scope rule reads it (docs/security.md, "Roles and scope"): a role it refuses in the page's scope sees why instead.
/// A per-team table that holds teams' meeting figures has <see cref="WithoutTeamMeetings"/>: the same table without
/// them, for a reader who may see the teams but not their meetings (platform).
/// </summary>
internal sealed record PanelSource(string Name, string Description, Func<DashboardFilter, CancellationToken, PanelData> Load, bool Live = false,
    Surface Shows = Surface.Figures, Func<DashboardFilter, CancellationToken, PanelData>? WithoutTeamMeetings = null);

/// <summary>A feature's panel sources (DORA, waits, flow, tickets, meetings, data quality).</summary>
internal interface IPanelSourceGroup
{
    IEnumerable<PanelSource> Sources();
}

/// <summary>Every built-in panel source by name.</summary>
internal sealed class PanelSourceRegistry(IEnumerable<IPanelSourceGroup> groups)
{
    private readonly Dictionary<string, PanelSource> sources = groups.SelectMany(g => g.Sources()).ToDictionary(s => s.Name, StringComparer.Ordinal);

    public PanelSource? Find(string name) => sources.GetValueOrDefault(name);

    public IEnumerable<PanelSource> All => sources.Values.OrderBy(s => s.Name, StringComparer.Ordinal);
}
