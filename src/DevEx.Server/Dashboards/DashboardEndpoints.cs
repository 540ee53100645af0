using System.Security.Claims;
using System.Text;
using DevEx.Server.Access;
using DevEx.Reports.Charts;
using DevEx.Reports.Csv;
using DevEx.Server.Api;

namespace DevEx.Server.Dashboards;

/// <summary>
/// The dashboards: GET / (the first dashboard, "Where time is lost"), /dashboards, /dashboards/{id},
/// /dashboards/{id}/panels/{panel}.csv, the explain listings under /explain and the chart font.
/// </summary>
internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboards(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription().RequireAuthorization(Auth.DevExPolicies.Reader);
        pages.MapGet("/", (DashboardPages page, DashboardCatalog catalog, [AsParameters] MetricRequest request, ClaimsPrincipal user, CancellationToken ct) =>
            page.Page(catalog.Current.Dashboards is [var first, ..] ? first.Id : "overview", request, user, ct));
        pages.MapGet("/dashboards", (DashboardPages page) => page.Index());
        pages.MapGet("/dashboards/{id}", (DashboardPages page, string id, [AsParameters] MetricRequest request, ClaimsPrincipal user, CancellationToken ct) =>
            page.Page(id, request, user, ct));
        pages.MapGet("/dashboards/{id}/panels/{panel}.csv", PanelCsv.Download);
        pages.MapGet("/explain/{listing}", (ExplainPages explain, DashboardPages page, string listing, [AsParameters] MetricRequest request,
            [AsParameters] ExplainFilters filters, ClaimsPrincipal user, ScopeAccess access, CancellationToken ct) =>
            access.Refusal(user, listing is "data-quality" or "identities" ? Surface.OrgRows : Surface.Listing, request.Team, request.Service, request.Repo) is { } refusal
                ? page.Forbidden(refusal)
                : explain.Page(listing, request, filters, user, ct));
        pages.MapGet("/assets/{font}.ttf", (string font) => font switch
        {
            "DejaVuSans" => Results.Stream(ChartFont.OpenFontFile(), "font/ttf"),
            "DejaVuSans-Bold" => Results.Stream(ChartFont.OpenFontFile(bold: true), "font/ttf"),
            _ => Results.NotFound(),
        }).AllowAnonymous(); // the chart font: a static asset
        return app;
    }

}

/// <summary>
/// GET /dashboards/{id}/panels/{panel}.csv: the panel's table as CSV (RFC 4180), raw values, snake_case headers; a panel
/// that cannot be computed (a broken query file) is a problem naming the panel and the reason, as its page shows it. What
/// the role may not see on the page (the page as a whole, or this panel, in the view's scope) is a 403 problem saying
/// why, decided before any cache is asked.
/// </summary>
internal static class PanelCsv
{
    public static IResult Download(string id, string panel, [AsParameters] MetricRequest request, DashboardCatalog catalog, DashboardPages pages,
        PanelLoader loader, PanelRenderer renderer, ScopeAccess access, ClaimsPrincipal user, ILoggerFactory loggers, CancellationToken ct)
    {
        var dashboard = catalog.Current.Find(id);
        if (dashboard?.Panels.FirstOrDefault(p => p.Id == panel) is not { } definition)
        {
            return Problems.NotFound("panel", $"No panel '{panel}' on dashboard '{id}'.");
        }
        if (access.Refusal(user, dashboard.Shows, request.Team, request.Service, request.Repo) is { } pageRefusal)
        {
            return ScopeEndpointFilter.Forbidden(pageRefusal);
        }
        if (!pages.TryFilter(request, out var filter, out var problem))
        {
            return Problems.BadRequest("filter", problem ?? "Invalid filters.");
        }
        if (problem is not null)
        {
            return Problems.NotFound("scope", problem);
        }
        if (renderer.Refusal(definition, filter, user) is { } panelRefusal)
        {
            return ScopeEndpointFilter.Forbidden(panelRefusal);
        }
        PanelData data;
        try
        {
            data = loader.Load(definition, filter, access.MaySeeTeamMeetings(user, filter.Scope.Team), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(PanelCsv)).LogError(e, "Panel {Dashboard}/{Panel} failed", id, panel);
            return TypedResults.Problem($"Panel '{panel}' of dashboard '{id}' could not be computed: {e.Message}",
                statusCode: StatusCodes.Status500InternalServerError, title: $"Panel '{panel}' could not be computed",
                extensions: new Dictionary<string, object?> { ["dashboard"] = id, ["panel"] = panel });
        }
        var columns = data.Columns.Where(c => !c.Name.EndsWith(PanelData.LinkSuffix, StringComparison.Ordinal)).ToList();
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(c => CsvField.Write(c.Name))).Append("\r\n");
        foreach (var row in data.Rows)
        {
            csv.AppendJoin(',', columns.Select(c => CsvField.Write(Format.Raw(data.Value(row, c.Name))))).Append("\r\n");
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"{id}-{panel}-{filter.Window.From:yyyy-MM-dd}.csv");
    }
}
