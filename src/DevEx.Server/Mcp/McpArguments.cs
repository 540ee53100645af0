namespace DevEx.Server.Mcp;

/// <summary>The descriptions of the arguments every metric tool shares, worded once (as MetricRequest reads them).</summary>
internal static class McpArguments
{
    public const string From = "First day of the window, yyyy-MM-dd (inclusive; default: 12 full ISO weeks back).";
    public const string To = "Day after the window, yyyy-MM-dd (exclusive; default: the start of this ISO week).";
    public const string Team = "Team id (list_teams); a parent team includes every team below it. Omit for the organisation.";
    public const string Service = "Service id (list_services). Omit for every service.";
    public const string Repo = "Repository owner/name. Omit for every repository.";
}
