using DevEx.Server.Access;
using DevEx.Server.Audit;
using DevEx.Server.Auth;
using DevEx.Server.Personal;
using DevEx.Server.Reports;
using DevEx.Server.Sync;
using DevEx.Server.Webhooks;

namespace DevEx.Server.Api;

internal static class ApiRoutes
{
    /// <summary>
    /// Every API endpoint hangs off one /api/v1 group, and each group names its policy (docs/security.md, "Roles and
    /// scope"): readers for figures and listings, whose team, service or repo is then checked by the scope rule; admin
    /// for import, sync and API keys; webhooks prove themselves by their signature instead.
    /// </summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapMetrics().ForReaders();
        api.MapExplain().ForReaders();
        api.MapTickets().ForReaders();
        api.MapMeetings().ForReaders();
        api.MapOrg().ForReaders();
        api.MapAdoption().ForReaders();
        api.MapReports().ForReaders();
        api.MapImport().RequireAuthorization(DevExPolicies.Admin);
        api.MapSync().RequireAuthorization(DevExPolicies.Admin);
        api.MapGitHubWebhooks().AllowAnonymous();
        api.MapApiKeys();
        api.MapAudit();
        api.MapMe(); // every role: only ever the caller's own figures
        return api;
    }

    private static RouteGroupBuilder ForReaders(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(DevExPolicies.Reader).AddEndpointFilter<ScopeEndpointFilter>();
        return group;
    }
}
