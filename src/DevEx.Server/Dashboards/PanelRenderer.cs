using System.Text;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Renders one panel to HTML: its heading, help, body by kind and CSV link. The HTML is cached with the data (charts
/// cost tens of milliseconds) under a key holding the definition's fingerprint and the data's key (which holds a
/// query's text), so an edit to either shows at the next request; panels of live sources are never cached. A panel
/// that fails shows its error and the page goes on.
/// </summary>
internal sealed class PanelRenderer(PanelLoader loader, PanelCache cache, ILogger<PanelRenderer> logger)
{
    public string Render(DashboardDefinition dashboard, PanelDefinition panel, DashboardFilter filter, CancellationToken cancellationToken)
    {
        // Read before any data is: a rebuild during the render leaves the result under the generation it began in.
        var generation = cache.Generation;
        var live = loader.IsLive(panel);
        var key = Key(dashboard, panel, filter);
        if (!live && key is not null && cache.TryGet<string>(key, out var cached))
        {
            return cached;
        }
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var (html, ok) = RenderUncached(dashboard, panel, filter, cancellationToken);
        logger.LogDebug("Panel {Dashboard}/{Panel} rendered in {Milliseconds} ms", dashboard.Id, panel.Id, stopwatch.ElapsedMilliseconds);
        if (ok && !live && key is not null)
        {
            cache.Set(key, html, generation);
        }
        return html;
    }

    /// <summary>The HTML's cache key; null when the query file cannot be read now (the render then shows why).</summary>
    private string? Key(DashboardDefinition dashboard, PanelDefinition panel, DashboardFilter filter)
    {
        try
        {
            return $"html:{dashboard.Id}/{panel.Id}#{panel.Fingerprint}|{loader.DataKey(panel, filter)}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private (string Html, bool Ok) RenderUncached(DashboardDefinition dashboard, PanelDefinition panel, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var html = new StringBuilder();
        var ok = true;
        html.Append("<section class=\"panel ").Append(panel.Width).Append("\" id=\"panel-").Append(panel.Id)
            .Append("\" aria-labelledby=\"h-").Append(panel.Id).Append("\"><h2 id=\"h-").Append(panel.Id).Append("\">")
            .Append(Format.Html(panel.Title)).Append("</h2>");
        if (panel.Help is not null)
        {
            html.Append("<p class=\"help\">").Append(Format.Html(panel.Help)).Append("</p>");
        }
        try
        {
            var data = loader.Load(panel, filter, cancellationToken);
            if (MissingColumns(panel, data) is { Count: > 0 } missing)
            {
                Error(html, $"The data has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}; it has {string.Join(", ", data.Columns.Select(c => c.Name))}.");
            }
            else
            {
                Body(html, panel, data, filter);
                if (data.Note is not null)
                {
                    html.Append("<p class=\"note\">").Append(Format.Html(data.Note)).Append("</p>");
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Panel {Dashboard}/{Panel} failed", dashboard.Id, panel.Id);
            ok = false;
            Error(html, $"This panel could not be computed: {e.Message}");
        }
        html.Append("<p class=\"panel-links\"><a href=\"/dashboards/").Append(dashboard.Id).Append("/panels/").Append(panel.Id).Append(".csv?")
            .Append(Format.Html(filter.ToQuery())).Append("\" download>CSV</a></p></section>\n");
        return (html.ToString(), ok);
    }

    private static void Body(StringBuilder html, PanelDefinition panel, PanelData data, DashboardFilter filter)
    {
        switch (panel.Kind)
        {
            case PanelKind.Stat:
                StatPanel.Render(html, panel, data, filter);
                break;
            case PanelKind.Table:
                TablePanel.Render(html, panel, data, filter);
                break;
            case PanelKind.Pivot:
                PivotPanel.Render(html, panel, data, filter);
                break;
            default:
                ChartPanel.Render(html, panel, data, filter);
                break;
        }
    }

    /// <summary>The columns the definition names that the data does not have.</summary>
    public static List<string> MissingColumns(PanelDefinition panel, PanelData data)
    {
        IEnumerable<string?> named = [panel.Value, panel.Level, panel.Caption, panel.Rows, panel.Columns, panel.Series,
            panel.Kind is PanelKind.Line or PanelKind.Bar or PanelKind.StackedBar ? panel.X ?? "period" : null, .. panel.Y, .. panel.Table.Select(t => t.Name)];
        return named.OfType<string>().Where(n => !data.Has(n)).Distinct().ToList();
    }

    private static void Error(StringBuilder html, string message) =>
        html.Append("<p class=\"error\" role=\"alert\">").Append(Format.Html(message)).Append("</p>");
}
