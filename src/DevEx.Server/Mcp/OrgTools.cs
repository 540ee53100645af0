using System.ComponentModel;
using DevEx.Analytics.Metrics;
using ModelContextProtocol.Server;

namespace DevEx.Server.Mcp;

/// <summary>The organisation's teams and services, as GET /api/v1/teams and /api/v1/services list them (every reader sees them).</summary>
[McpServerToolType]
internal sealed class OrgTools(OrgService org)
{
    [McpServerTool(Name = "list_teams", Title = "List teams", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("The teams of the organisation (catalog Groups): id, display name, parent team, time zone, working hours, member count and the "
        + "services they own. Use a team's id as the 'team' argument of the metric tools; a parent team's figures include every team below it.")]
    public McpList<TeamSummary> ListTeams([Description("At most this many rows (1-200, default 200).")] int? limit = null) =>
        McpCalls.Limit(org.Teams(), limit, "GET /api/v1/teams");

    [McpServerTool(Name = "list_services", Title = "List services", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("The services (catalog Components) with their owning team and repositories. Use a service's id as the 'service' argument of the metric tools.")]
    public McpList<ServiceSummary> ListServices([Description("At most this many rows (1-200, default 200).")] int? limit = null) =>
        McpCalls.Limit(org.Services(), limit, "GET /api/v1/services");
}
