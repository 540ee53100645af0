using System.Security.Claims;
using DevEx.Analytics.Metrics;
using DevEx.Server.Api;
using DevEx.Server.Audit;
using DevEx.Server.Auth;
using DevEx.Server.Dashboards;
using DevEx.Server.Dashboards.Views;
using NodaTime;

namespace DevEx.Server.Personal;

/// <summary>
/// GET /me, "My week": the caller's own meeting weeks (the window of from/to, default the last 12 full ISO weeks), their
/// open pull requests and the review requests waiting on them: what /api/v1/me/meeting-load and /api/v1/me/pull-requests
/// answer, as a page. A caller who is no catalog User gets a 404 page saying which setting decides that.
/// </summary>
internal static class MyWeekPage
{
    public static IEndpointRouteBuilder MapMyWeekPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/me", Show).ExcludeFromDescription().RequireAuthorization(DevExPolicies.Reader).AuditedAsPersonView();
        return app;
    }

    private static async Task<IResult> Show(ClaimsPrincipal user, PersonMapping people, DashboardPages pages, DashboardCatalog catalog,
        PersonalFigures figures, IClock clock, string? from, string? to, CancellationToken ct)
    {
        var valid = pages.TryFilter(new MetricRequest(from, to, null, null, null, null), out var filter, out var problem);
        var person = user.DevExPerson();
        var context = pages.Context(catalog.Current, null, filter, user, Access.Surface.Figures);
        if (!valid)
        {
            return await pages.Message(PageFrames.For(context, "My week", problem ?? "The window is not valid.", withFilters: false), StatusCodes.Status400BadRequest, backLink: true);
        }
        if (person is null)
        {
            return await pages.Message(PageFrames.For(context, "My week", MeEndpoints.NoPersonDetail(user, people), withFilters: false),
                StatusCodes.Status404NotFound, backLink: true);
        }
        var now = clock.GetCurrentInstant();
        var model = new MyWeekModel(figures.MeetingWeeks(person, filter.Window, ct), figures.OpenPullRequests(person, now, ct), figures.ReviewRequests(person, now, ct));
        return await ComponentPages.PageAsync<MyWeekView>(new Dictionary<string, object?>
        {
            [nameof(MyWeekView.Frame)] = PageFrames.For(context, "My week",
                $"Your own figures, {person}: only you see them (and each view is in the audit log). Window {filter.Window.From:yyyy-MM-dd} to {filter.Window.To.PlusDays(-1):yyyy-MM-dd}.",
                withFilters: false),
            [nameof(MyWeekView.Model)] = model,
        });
    }
}

/// <summary>What "My week" shows: the caller's meeting weeks, open pull requests and the review requests waiting on them.</summary>
public sealed record MyWeekModel(IReadOnlyList<PersonMeetingWeek> Weeks, IReadOnlyList<OpenPullRequest> Open, IReadOnlyList<WaitingReviewRequest> ReviewRequests);
