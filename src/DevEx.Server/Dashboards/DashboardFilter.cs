using System.Globalization;
using DevEx.Analytics;
using DevEx.Analytics.Metrics;
using DevEx.Server.Api;

namespace DevEx.Server.Dashboards;

/// <summary>
/// A page's filters (team, service, repo, from, to, interval), all kept in the URL so a view can be shared as a
/// link. Previous is the period of the same length just before the window, for trends.
/// </summary>
internal sealed record DashboardFilter(MetricWindow Window, MetricScope Scope, MetricInterval Interval)
{
    public MetricWindow Previous => new(Window.From.PlusDays(-Window.Days), Window.From, Window.Zone);

    public static DashboardFilter From(ResolvedRequest request) => new(request.Window, request.Scope, request.Interval);

    /// <summary>The cache key and the query string of this view.</summary>
    public string Key => ToQuery();

    public string ToQuery(bool withInterval = true)
    {
        var parts = new List<string>
        {
            $"from={Window.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            $"to={Window.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        };
        if (Scope.Team is not null)
        {
            parts.Add($"team={Uri.EscapeDataString(Scope.Team)}");
        }
        if (Scope.Service is not null)
        {
            parts.Add($"service={Uri.EscapeDataString(Scope.Service)}");
        }
        if (Scope.Repo is not null)
        {
            parts.Add($"repo={Uri.EscapeDataString(Scope.Repo)}");
        }
        if (withInterval && Interval != MetricInterval.Week)
        {
            parts.Add($"interval={Interval.ToString().ToLowerInvariant()}");
        }
        return string.Join('&', parts);
    }

    public string IntervalName => Interval.ToString().ToLowerInvariant();
}
