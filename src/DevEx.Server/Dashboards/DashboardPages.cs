using System.Security.Claims;
using DevEx.Analytics.Metrics;
using DevEx.Server.Access;
using DevEx.Server.Api;
using DevEx.Server.Auth;
using DevEx.Server.Dashboards.Views;
using DevEx.Server.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Builds dashboard pages: filters from the URL, panels computed side by side (cached), the page components; each for
/// its user: a page the role may not see in the view's scope is a 403 page saying why, a panel a refusal inside the page,
/// and the filters list only the teams and services the role may see (docs/security.md, "Roles and scope").
/// </summary>
internal sealed class DashboardPages(DashboardCatalog catalog, PanelRenderer renderer, PanelGate gate, MetricRequestResolver resolver, OrgService org,
    WeeklyReports reports, ScopeAccess access)
{
    private static readonly MetricRequest NoFilters = new(null, null, null, null, null, null);

    public async Task<IResult> Page(string id, MetricRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var set = catalog.Current;
        var dashboard = set.Find(id);
        if (dashboard is not null && access.Refusal(user, dashboard.Shows, request.Team, request.Service, request.Repo) is { } refusal)
        {
            return await Forbidden(refusal);
        }
        if (!TryFilter(request, out var filter, out var problem))
        {
            return await ErrorPage(set, problem, StatusCodes.Status400BadRequest);
        }
        if (problem is not null)
        {
            return await ErrorPage(set, problem, StatusCodes.Status404NotFound);
        }
        if (dashboard is null)
        {
            return await Message(PageFrames.For(Bare(set, filter), "No such dashboard",
                $"There is no dashboard '{id}'. The menu lists the dashboards of {set.Folder ?? "dashboards/"}.", withFilters: false), StatusCodes.Status404NotFound);
        }
        var panels = await Panels(dashboard, filter, user, cancellationToken);
        return await ComponentPages.PageAsync<DashboardPageView>(new Dictionary<string, object?>
        {
            [nameof(DashboardPageView.Frame)] = PageFrames.For(Context(set, dashboard.Id, filter, user, dashboard.Shows), dashboard.Title, dashboard.Description),
            [nameof(DashboardPageView.Panels)] = panels,
        });
    }

    /// <summary>
    /// Every panel of the dashboard for the view, in the definition's order: those kept (or refused) at once, the others
    /// computed side by side, as many at once as the shared <see cref="PanelGate"/> lets through (over all requests),
    /// without blocking the request's thread.
    /// </summary>
    public async Task<IReadOnlyList<PanelModel>> Panels(DashboardDefinition dashboard, DashboardFilter filter, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        await Task.WhenAll(dashboard.Panels.Select(p => renderer.Ready(dashboard, p, filter, user) is { } ready
                ? Task.FromResult(ready)
                : gate.RunAsync(() => renderer.Render(dashboard, p, filter, user, cancellationToken), cancellationToken)))
            .ConfigureAwait(false);

    public async Task<IResult> Index()
    {
        var set = catalog.Current;
        TryFilter(NoFilters, out var filter, out _);
        return await ComponentPages.PageAsync<DashboardIndexView>(new Dictionary<string, object?>
        {
            [nameof(DashboardIndexView.Frame)] = PageFrames.For(Bare(set, filter), "All dashboards", null, withFilters: false),
            [nameof(DashboardIndexView.Dashboards)] = set.Dashboards.Select(d => new DashboardListItem(d.Id, d.Title, d.Description, d.Panels.Count)).ToList(),
        });
    }

    /// <summary>A page of prose (the metric definitions) in the site's layout, under the menu, without the filter form.</summary>
    public async Task<IResult> Document(string title, string? intro, string bodyHtml)
    {
        var set = catalog.Current;
        TryFilter(NoFilters, out var filter, out _);
        return await ComponentPages.PageAsync<DocumentPageView>(new Dictionary<string, object?>
        {
            [nameof(DocumentPageView.Frame)] = PageFrames.For(Bare(set, filter), title, intro, withFilters: false),
            [nameof(DocumentPageView.BodyHtml)] = bodyHtml,
        });
    }

    /// <summary>A page that says why it shows nothing (the frame's intro), with a link back to the overview when <paramref name="backLink"/>.</summary>
    public Task<IResult> Message(PageFrame frame, int status, bool backLink = false) =>
        ComponentPages.PageAsync<MessagePageView>(new Dictionary<string, object?>
        {
            [nameof(MessagePageView.Frame)] = frame,
            [nameof(MessagePageView.BackLink)] = backLink,
        }, status);

    /// <summary>The 403 page of a view outside the role's scope: why, in the frame's intro, never an empty chart.</summary>
    public Task<IResult> Forbidden(string refusal)
    {
        var set = catalog.Current;
        TryFilter(NoFilters, out var filter, out _);
        return Message(PageFrames.For(Bare(set, filter), "Outside what your role may see", refusal, withFilters: false),
            StatusCodes.Status403Forbidden, backLink: true);
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
            resolver.TryResolve(NoFilters, out resolved);
            filter = DashboardFilter.From(resolved);
            return false;
        }
        filter = DashboardFilter.From(resolved);
        return true;
    }

    private Task<IResult> ErrorPage(DashboardSet set, string? problem, int status)
    {
        TryFilter(NoFilters, out var filter, out _);
        return Message(PageFrames.For(Bare(set, filter), "Cannot show this view", problem ?? "The filters are not valid.", withFilters: false),
            status, backLink: true);
    }

    /// <summary>
    /// The context of a page with filters, for <paramref name="user"/>: the dashboards the menu offers (those they may
    /// open with the view's filters), the teams they may see on a page showing
    /// <paramref name="shows"/> (on the meetings page, the teams whose meetings they may see), the services of those
    /// teams (one no team owns: platform and admin), and with a team, its weekly report's week (the team's last full
    /// week in its own zone) when they may read its report, which holds the team's meetings.
    /// </summary>
    public PageContext Context(DashboardSet set, string? active, DashboardFilter filter, ClaimsPrincipal user, Surface shows)
    {
        var meetings = shows == Surface.TeamMeetings;
        var teams = org.Teams().Where(t => access.MaySeeTeam(user, t.Id, meetings)).ToList();
        var services = org.Services().Where(s => access.MaySeeTeam(user, s.OwnerTeam, meetings)).ToList();
        var week = teams.FirstOrDefault(t => t.Id == filter.Scope.Team) is { } team && access.MaySeeTeam(user, team.Id, meetings: true)
            ? reports.LastFullWeek(team).ToString() : null;
        var scope = filter.Scope;
        var menu = set.Dashboards.Where(d => access.Refusal(user, d.Shows, scope.Team, scope.Service, scope.Repo) is null).ToList();
        return new PageContext(set, menu, active, filter, teams, services, week, user.DevExPerson() is not null);
    }

    /// <summary>The context of a page without filters (a message): no team or service is listed, the menu offers what anyone may open.</summary>
    private static PageContext Bare(DashboardSet set, DashboardFilter filter) =>
        new(set, [.. set.Dashboards.Where(d => d.Shows is Surface.Figures or Surface.TeamMeetings)], null, filter, [], [], null);
}
