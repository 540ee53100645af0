using Hangfire.Dashboard;

namespace DevEx.Server.Auth;

/// <summary>The Hangfire dashboard at /hangfire is an admin surface: it can trigger and delete jobs.</summary>
internal sealed class HangfireAdminFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(DevExRoles.Admin);
}
