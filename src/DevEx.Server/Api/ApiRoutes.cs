using DevEx.Server.Reports;
using DevEx.Server.Sync;
using DevEx.Server.Webhooks;

namespace DevEx.Server.Api;

internal static class ApiRoutes
{
    /// <summary>Every API endpoint hangs off one /api/v1 group, so authorization can later be applied in one place.</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapMetrics();
        api.MapExplain();
        api.MapTickets();
        api.MapMeetings();
        api.MapOrg();
        api.MapImport();
        api.MapSync();
        api.MapReports();
        api.MapGitHubWebhooks();
        return api;
    }
}
