using DevEx.Server.Audit;
using DevEx.Server.Auth;
using DevEx.Server.Reports;
using DevEx.Server.Sync;
using DevEx.Server.Webhooks;

namespace DevEx.Server.Api;

internal static class ApiRoutes
{
    /// <summary>
    /// Every API endpoint hangs off one /api/v1 group. Authorization: a signed-in principal everywhere (the fallback
    /// policy), admin for import, sync and API keys; webhooks prove themselves by their signature instead.
    /// </summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapMetrics();
        api.MapExplain();
        api.MapTickets();
        api.MapMeetings();
        api.MapOrg();
        api.MapImport().RequireAuthorization(DevExPolicies.Admin);
        api.MapSync().RequireAuthorization(DevExPolicies.Admin);
        api.MapReports();
        api.MapGitHubWebhooks().AllowAnonymous();
        api.MapApiKeys();
        api.MapAudit();
        return api;
    }
}
