using System.Security.Claims;
using DevEx.Server.Access;
using DevEx.Server.Caching;
using DevEx.Server.Dashboards.Views;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Builds one panel as shown (<see cref="PanelModel"/>): its heading, help, body by kind and CSV link; the page's
/// components turn it into HTML. The model is cached with the data (charts cost tens of milliseconds) under a key holding
/// the definition's fingerprint and the data's key (which holds a query's text), so an edit to either shows at the next
/// request; panels of live sources are never cached. A panel that fails shows its error and the page goes on.
/// Whether the user may see the panel in the view's scope is decided first, for each request: a refused panel says why
/// and is neither computed nor looked up, so a panel cached for one role never reaches another (the cache is per view).
/// </summary>
internal sealed class PanelRenderer(PanelLoader loader, ResultCache cache, ScopeAccess access, ILogger<PanelRenderer> logger)
{
    /// <summary>
    /// The panel as shown when that costs no computation: refused (it says why) or kept from an earlier render; null when
    /// it must be computed (<see cref="Render"/>). A page asks this first, so that kept panels never wait for the
    /// <see cref="PanelGate"/> behind computations.
    /// </summary>
    public PanelModel? Ready(DashboardDefinition dashboard, PanelDefinition panel, DashboardFilter filter, ClaimsPrincipal user)
    {
        if (Refusal(panel, filter, user) is { } refusal)
        {
            return new PanelModel(panel.Id, panel.Title, panel.Help, panel.Width, new PanelRefused(refusal), null, CsvHref: null);
        }
        return !loader.IsLive(panel) && Key(dashboard, panel, filter, access.MaySeeTeamMeetings(user, filter.Scope.Team)) is { } key
            && cache.TryGet<PanelModel>(key, out var cached) ? cached : null;
    }

    public PanelModel Render(DashboardDefinition dashboard, PanelDefinition panel, DashboardFilter filter, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (Refusal(panel, filter, user) is { } refusal)
        {
            return new PanelModel(panel.Id, panel.Title, panel.Help, panel.Width, new PanelRefused(refusal), null, CsvHref: null);
        }
        // Read before any data is: a rebuild during the render leaves the result under the generation it began in.
        var generation = cache.Generation;
        var live = loader.IsLive(panel);
        var teamMeetings = access.MaySeeTeamMeetings(user, filter.Scope.Team);
        var key = Key(dashboard, panel, filter, teamMeetings);
        if (!live && key is not null && cache.TryGet<PanelModel>(key, out var cached))
        {
            return cached;
        }
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var model = RenderUncached(dashboard, panel, filter, teamMeetings, cancellationToken);
        logger.LogDebug("Panel {Dashboard}/{Panel} built in {Milliseconds} ms", dashboard.Id, panel.Id, stopwatch.ElapsedMilliseconds);
        if (model.Body is not PanelError && !live && key is not null)
        {
            cache.Set(key, model, generation);
        }
        return model;
    }

    /// <summary>Why <paramref name="user"/> may not see the panel in the view's scope, or null when they may.</summary>
    public string? Refusal(PanelDefinition panel, DashboardFilter filter, ClaimsPrincipal user) =>
        access.Refusal(user, loader.Shows(panel), filter.Scope.Team, filter.Scope.Service, filter.Scope.Repo);

    /// <summary>The panel's cache key; null when the query file cannot be read now (the render then shows why).</summary>
    private string? Key(DashboardDefinition dashboard, PanelDefinition panel, DashboardFilter filter, bool teamMeetings)
    {
        try
        {
            return $"panel:{dashboard.Id}/{panel.Id}#{panel.Fingerprint}|{loader.DataKey(panel, filter, teamMeetings)}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private PanelModel RenderUncached(DashboardDefinition dashboard, PanelDefinition panel, DashboardFilter filter, bool teamMeetings,
        CancellationToken cancellationToken)
    {
        PanelBody body;
        string? note = null;
        try
        {
            var data = loader.Load(panel, filter, teamMeetings, cancellationToken);
            if (MissingColumns(panel, data) is { Count: > 0 } missing)
            {
                body = new PanelError($"The data has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}; it has {string.Join(", ", data.Columns.Select(c => c.Name))}.");
            }
            else
            {
                body = Body(panel, data, filter);
                note = data.Note;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Panel {Dashboard}/{Panel} failed", dashboard.Id, panel.Id);
            body = new PanelError($"This panel could not be computed: {e.Message}");
        }
        return new PanelModel(panel.Id, panel.Title, panel.Help, panel.Width, body, note, $"/dashboards/{dashboard.Id}/panels/{panel.Id}.csv?{filter.ToQuery()}");
    }

    private static PanelBody Body(PanelDefinition panel, PanelData data, DashboardFilter filter) => panel.Kind switch
    {
        PanelKind.Stat => StatPanel.Build(panel, data, filter),
        PanelKind.Table => TablePanel.Build(panel, data, filter),
        PanelKind.Pivot => PivotPanel.Build(panel, data, filter),
        _ => ChartPanel.Model(panel, data, filter),
    };

    /// <summary>The columns the definition names that the data does not have.</summary>
    public static List<string> MissingColumns(PanelDefinition panel, PanelData data)
    {
        IEnumerable<string?> named = [panel.Value, panel.Level, panel.Caption, panel.Rows, panel.Columns, panel.Series,
            panel.Kind is PanelKind.Line or PanelKind.Bar or PanelKind.StackedBar ? panel.X ?? "period" : null, .. panel.Y, .. panel.Table.Select(t => t.Name)];
        return named.OfType<string>().Where(n => !data.Has(n)).Distinct().ToList();
    }
}
