using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>Tickets at the window's end whose status is active or wait, and how many of them are blocked.</summary>
public sealed record TicketWipBreakdown(long Active, long Waiting, long Blocked);

/// <summary>The time the cycles of tickets done in the window spent in one status.</summary>
public sealed record StatusTime(string Status, string Category, double Hours, double WorkingHours, long Tickets);

public sealed record TicketMetrics(
    LocalDate From, LocalDate To, string? Project, long Throughput, long Reopened,
    PhaseDurations CycleTime, PhaseDurations ActiveTime, PhaseDurations WaitTime, PhaseDurations BlockedTime,
    double? FlowEfficiency, double? FlowEfficiencyWallClock, PhaseDurations LeadTime,
    long Wip, TicketWipBreakdown WipBreakdown, IReadOnlyList<StatusTime> TimeByStatus)
{
    public string Definition => "/docs/metrics#tickets";
}

/// <summary>
/// Ticket flow (queries/ticket_metrics.sql, ticket_wip.sql, ticket_time_by_status.sql): cycle, active, wait and
/// blocked time, flow efficiency in working hours and wall clock, throughput, WIP and time by status.
/// </summary>
public sealed class TicketMetricsService(QueryRunner queries)
{
    public TicketMetrics Get(MetricWindow window, MetricScope scope, string? project = null, CancellationToken cancellationToken = default)
    {
        var parameters = TicketParameters.For(window, scope, project);
        var row = (IDictionary<string, object?>)queries.Run<dynamic>("ticket_metrics", parameters, cancellationToken)[0];
        var wip = (IDictionary<string, object?>)queries.Run<dynamic>("ticket_wip", parameters, cancellationToken)[0];
        var byStatus = queries.Run<dynamic>("ticket_time_by_status", parameters, cancellationToken)
            .Select(r => (IDictionary<string, object?>)r)
            .Select(r => new StatusTime((string)r["status"]!, (string)r["category"]!, QueryValues.Double(r["hours"]) ?? 0,
                QueryValues.Double(r["working_hours"]) ?? 0, QueryValues.Long(r["tickets"])))
            .ToList();
        return new TicketMetrics(window.From, window.To, project, QueryValues.Long(row["throughput"]), QueryValues.Long(row["reopened"]),
            Durations(row, "cycle"), Durations(row, "active"), Durations(row, "wait"), Durations(row, "blocked"),
            QueryValues.Double(row["flow_efficiency"]), QueryValues.Double(row["flow_efficiency_wall_clock"]), Durations(row, "lead"),
            QueryValues.Long(wip["wip"]),
            new TicketWipBreakdown(QueryValues.Long(wip["active"]), QueryValues.Long(wip["waiting"]), QueryValues.Long(wip["blocked"])),
            byStatus);
    }

    private static PhaseDurations Durations(IDictionary<string, object?> row, string name) =>
        new(QueryValues.Long(row[$"{name}_sample_size"]),
            QueryValues.Double(row[$"{name}_median_hours"]), QueryValues.Double(row[$"{name}_p75_hours"]), QueryValues.Double(row[$"{name}_p90_hours"]),
            QueryValues.Double(row[$"{name}_median_working_hours"]), QueryValues.Double(row[$"{name}_p75_working_hours"]),
            QueryValues.Double(row[$"{name}_p90_working_hours"]));
}

/// <summary>The common query parameters plus <c>$project</c> (NULL = every project).</summary>
internal static class TicketParameters
{
    public static DevEx.Store.Queries.QueryParameters For(MetricWindow window, MetricScope scope, string? project, MetricInterval? interval = null)
    {
        var parameters = MetricParameters.For(window, scope, interval);
        parameters.Add("project", string.IsNullOrWhiteSpace(project) ? null : project.Trim());
        return parameters;
    }
}
