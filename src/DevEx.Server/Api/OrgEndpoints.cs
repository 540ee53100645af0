using DevEx.Analytics.Metrics;
using DevEx.Server.Access;
using DevEx.Server.Api.Contracts;
using static DevEx.Server.Api.Contracts.Answer;

namespace DevEx.Server.Api;

/// <summary>Teams, services and data quality.</summary>
internal static class OrgEndpoints
{
    public static RouteGroupBuilder MapOrg(this RouteGroupBuilder api)
    {
        var org = api.MapGroup("").WithTags("Organisation");
        org.MapGet("/teams", (OrgService service) => TypedResults.Ok(service.Teams()));
        org.MapGet("/teams/{id}", (OrgService service, string id) =>
            service.Team(id) is { } team ? OkUnless(null, () => team) : Problems.NotFound("team", $"No team '{id}'."))
            .ProducesParameterProblems();
        org.MapGet("/services", (OrgService service) => TypedResults.Ok(service.Services()));
        org.MapGet("/services/{id}", (OrgService service, string id) =>
            service.Service(id) is { } found ? OkUnless(null, () => found) : Problems.NotFound("service", $"No service '{id}'."))
            .ProducesParameterProblems();
        org.MapGet("/data-quality", (OrgService service) => TypedResults.Ok(service.DataQuality()))
            .WithSummary("Unmapped identities, clamped spans, unknown shas and import rejects")
            .Shows(Surface.OrgRows); // unmapped identities are people's emails and logins: platform and admin only
        return org;
    }
}
