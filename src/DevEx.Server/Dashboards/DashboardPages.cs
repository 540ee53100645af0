using System.Globalization;
using System.Text;
using DevEx.Analytics.Metrics;
using DevEx.Server.Api;
using DevEx.Server.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DevEx.Server.Dashboards;

/// <summary>Builds dashboard pages: filters from the URL, panels rendered side by side (in parallel, cached), the layout.</summary>
internal sealed class DashboardPages(DashboardCatalog catalog, PanelRenderer renderer, MetricRequestResolver resolver, OrgService org, WeeklyReports reports)
{
    public IResult Page(string id, MetricRequest request, CancellationToken cancellationToken)
    {
        var set = catalog.Current;
        if (!TryFilter(request, out var filter, out var problem))
        {
            return Html(ErrorPage(set, problem), StatusCodes.Status400BadRequest);
        }
        if (problem is not null)
        {
            return Html(ErrorPage(set, problem), StatusCodes.Status404NotFound);
        }
        var dashboard = set.Find(id);
        if (dashboard is null)
        {
            return Html(PageLayout.Render(Context(set, null, filter), "No such dashboard",
                $"There is no dashboard '{id}'. The menu lists the dashboards of {set.Folder ?? "dashboards/"}.", "", withFilters: false), StatusCodes.Status404NotFound);
        }
        var panels = dashboard.Panels.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(2, Environment.ProcessorCount))
            .Select(p => renderer.Render(dashboard, p, filter, cancellationToken)).ToList();
        return Html(PageLayout.Render(Context(set, dashboard.Id, filter), dashboard.Title, dashboard.Description, string.Concat(panels)));
    }

    public IResult Index()
    {
        var set = catalog.Current;
        TryFilter(new MetricRequest(null, null, null, null, null, null), out var filter, out _);
        var body = new StringBuilder("<section class=\"panel full\" aria-labelledby=\"list-h\"><h2 id=\"list-h\">Dashboards</h2><ul>");
        foreach (var d in set.Dashboards)
        {
            body.Append("<li><a href=\"/dashboards/").Append(d.Id).Append("\">").Append(Format.Html(d.Title)).Append("</a>: ")
                .Append(Format.Html(d.Description)).Append(CultureInfo.InvariantCulture, $" ({d.Panels.Count} panels, dashboards/{d.Id}.json)</li>");
        }
        body.Append("</ul><p class=\"help\">Add a page or a panel by adding or editing a JSON file in the dashboards folder; see dashboards/README.md.</p></section>");
        return Html(PageLayout.Render(Context(set, null, filter), "All dashboards", null, body.ToString(), withFilters: false));
    }

    /// <summary>A page of prose (the metric definitions) in the site's layout, under the menu, without the filter form.</summary>
    public IResult Document(string title, string? intro, string bodyHtml)
    {
        var set = catalog.Current;
        TryFilter(new MetricRequest(null, null, null, null, null, null), out var filter, out _);
        var body = $"<article class=\"panel full doc\">{bodyHtml}</article>";
        return Html(PageLayout.Render(Context(set, null, filter), title, intro, body, withFilters: false));
    }

    /// <summary>Resolves the URL's filters; false with a problem for a bad value, true with a problem for an unknown team or service.</summary>
    public bool TryFilter(MetricRequest request, out DashboardFilter filter, out string? problem)
    {
        var result = resolver.TryResolve(request, out var resolved);
        problem = (result as ProblemHttpResult)?.ProblemDetails.Detail;
        if (result is ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound })
        {
            resolver.TryResolve(request with { Team = null, Service = null, Repo = null }, out resolved);
        }
        else if (result is not null)
        {
            resolver.TryResolve(new MetricRequest(null, null, null, null, null, null), out resolved);
            filter = DashboardFilter.From(resolved);
            return false;
        }
        filter = DashboardFilter.From(resolved);
        return true;
    }

    private string ErrorPage(DashboardSet set, string? problem)
    {
        TryFilter(new MetricRequest(null, null, null, null, null, null), out var filter, out _);
        return PageLayout.Render(Context(set, null, filter), "Cannot show this view",
            problem ?? "The filters are not valid.", "<p class=\"panel full\"><a href=\"/\">Back to the overview</a></p>", withFilters: false);
    }

    /// <summary>The page's context; with a team, its weekly report's week: the team's last full week in its own zone.</summary>
    private PageLayout.Context Context(DashboardSet set, string? active, DashboardFilter filter)
    {
        var teams = org.Teams();
        var week = teams.FirstOrDefault(t => t.Id == filter.Scope.Team) is { } team ? reports.LastFullWeek(team).ToString() : null;
        return new PageLayout.Context(set, active, filter, teams, org.Services(), week);
    }

    private static ContentHttpResult Html(string html, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
