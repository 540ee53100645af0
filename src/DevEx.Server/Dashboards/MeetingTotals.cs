using DevEx.Server.Caching;
using DevEx.Analytics.Metrics;

namespace DevEx.Server.Dashboards;

/// <summary>
/// The meeting hours of a view (<see cref="MeetingMetricsService.HoursInView"/>: every figure from MinCohort people, and
/// the figure of all teams withheld where subtracting the teams' own would reveal a smaller group's), computed once per
/// view for the panels that show them.
/// </summary>
internal sealed class MeetingTotals(MeetingMetricsService meetings, ResultCache cache)
{
    public string SubtractionReason => meetings.SubtractionReason;

    public MeetingHoursInView Of(MetricWindow window, MetricScope scope, CancellationToken ct) =>
        cache.GetOrAdd($"meeting-totals?{new DashboardFilter(window, scope, MetricInterval.Week).Key}", () => meetings.HoursInView(window, scope, ct));
}
