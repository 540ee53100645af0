using DevEx.Analytics.Metrics;

namespace DevEx.Server.Dashboards;

/// <summary>Drill-down links: the HTML explain listings behind every number, carrying the page's filters.</summary>
internal static class Links
{
    public static string Explain(string listing, DashboardFilter filter, string? extra = null) =>
        $"/explain/{listing}?{filter.ToQuery(withInterval: false)}{(extra is null ? "" : "&" + extra)}";

    public static DashboardFilter ForTeam(this DashboardFilter filter, string team) => filter with { Scope = filter.Scope with { Team = team } };

    public static DashboardFilter ForService(this DashboardFilter filter, string service) =>
        filter with { Scope = filter.Scope with { Service = service } };

    public static DashboardFilter ForWindow(this DashboardFilter filter, MetricWindow window) => filter with { Window = window };
}
