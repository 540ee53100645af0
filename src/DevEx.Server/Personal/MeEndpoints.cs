using System.Security.Claims;
using DevEx.Analytics.Metrics;
using DevEx.Server.Api;
using DevEx.Server.Audit;
using DevEx.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace DevEx.Server.Personal;

/// <summary>
/// /api/v1/me: the caller, and the caller's own figures, only ever theirs (docs/security.md, "People"): there is no
/// person in the URL, the person is the sign-in's catalog User (devex:person). Every role may ask; each figure read is
/// a person-view audit entry. A caller who is no catalog User gets a 404 saying which setting decides that.
/// </summary>
internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me").RequireAuthorization(DevExPolicies.Reader);
        me.MapGet("", (ClaimsPrincipal user) =>
                TypedResults.Ok(new MeAnswer(user.Identity?.Name ?? "", user.DevExPerson(), user.DevExRoles(), user.DevExTeams())))
            .WithSummary("Who you are: the name you signed in as, the catalog User you are (null: none), your roles and teams");
        me.MapGet("/meeting-load", Results<Ok<MyMeetingLoad>, FileContentHttpResult, ProblemHttpResult> (ClaimsPrincipal user, PersonMapping people,
                MetricRequestResolver resolver, PersonalFigures figures, string? from, string? to, string? format, CancellationToken ct) =>
            {
                var windowProblem = resolver.TryResolve(new MetricRequest(from, to, null, null, null, null), out var r);
                if ((BadFormat(format) ?? NoPerson(user, people) ?? windowProblem) is { } problem)
                {
                    return problem;
                }
                var person = user.DevExPerson()!;
                var load = new MyMeetingLoad(person, r.Window.From, r.Window.To, figures.MeetingWeeks(person, r.Window, ct));
                return format == "csv" ? MeCsv.MeetingLoad(load) : TypedResults.Ok(load);
            })
            .Produces<MyMeetingLoad>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .AuditedAsPersonView()
            .WithSummary("Your own meeting load and focus time per ISO week (from d_person_weeks); json or csv");
        me.MapGet("/pull-requests", Results<Ok<MyPullRequests>, FileContentHttpResult, ProblemHttpResult> (ClaimsPrincipal user, PersonMapping people,
                PersonalFigures figures, IClock clock, string? format, CancellationToken ct) =>
            {
                if ((BadFormat(format) ?? NoPerson(user, people)) is { } problem)
                {
                    return problem;
                }
                var person = user.DevExPerson()!;
                var now = clock.GetCurrentInstant();
                var pulls = new MyPullRequests(person, now, figures.OpenPullRequests(person, now, ct), figures.ReviewRequests(person, now, ct));
                return format == "csv" ? MeCsv.PullRequests(pulls) : TypedResults.Ok(pulls);
            })
            .Produces<MyPullRequests>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .AuditedAsPersonView()
            .WithSummary("Your own open pull requests and the review requests waiting on you, now; json or csv");
        return me;
    }

    private static ProblemHttpResult? BadFormat(string? format) =>
        format is null or "json" or "csv" ? null : Problems.BadRequest("format", $"'format' must be json or csv, not '{format}'.");

    /// <summary>The 404 of a caller who is no catalog User, naming the setting that decides who a sign-in is.</summary>
    public static ProblemHttpResult? NoPerson(ClaimsPrincipal user, PersonMapping people) =>
        user.DevExPerson() is not null ? null : TypedResults.Problem(NoPersonDetail(user, people), statusCode: StatusCodes.Status404NotFound,
            title: "Your sign-in maps to no catalog User", extensions: new Dictionary<string, object?> { ["parameter"] = "person" });

    public static string NoPersonDetail(ClaimsPrincipal user, PersonMapping people) =>
        $"Your sign-in ({user.Identity?.Name}) maps to no catalog User, so there are no figures of your own to show. "
        + $"Which User a sign-in is is decided by {people.DecidingSetting(user.FindFirst(DevExClaims.Source)?.Value)}.";
}
