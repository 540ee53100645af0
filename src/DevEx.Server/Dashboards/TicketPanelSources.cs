using DevEx.Analytics.Metrics;

namespace DevEx.Server.Dashboards;

/// <summary>Ticket flow panels: cycle, active, wait and blocked time, WIP, tickets blocked longest (time by status: queries/panel_ticket_time_by_status.sql).</summary>
internal sealed class TicketPanelSources(TicketMetricsService tickets, TicketExplainService explain, SourceLinks links, DataStartService dataStarts)
    : IPanelSourceGroup
{
    public IEnumerable<PanelSource> Sources() =>
    [
        new("tickets", "Ticket cycle, active, wait and blocked time, flow efficiency, throughput and WIP, now and in the previous period", Summary),
        new("tickets-blocked-longest", "Tickets done in the window that were blocked longest", BlockedLongest),
    ];

    private PanelData Summary(DashboardFilter filter, CancellationToken ct)
    {
        var now = tickets.Get(filter.Window, filter.Scope, null, ct);
        // A previous period that ended before the scope's first ticket transition has no ticket figures: "–", not "up from 0".
        var before = dataStarts.For(filter.Scope, ct).Covers(DataKind.Tickets, filter.Previous) ? tickets.Get(filter.Previous, filter.Scope, null, ct) : null;
        var link = Links.Explain("tickets", filter);
        var builder = new PanelDataBuilder();
        var values = new List<object?>();
        void Add(string name, string label, string unit, Func<TicketMetrics, object?> value)
        {
            builder.Column(name, label, unit).Column(name + PanelData.PreviousSuffix, label + " (previous period)", unit)
                .Column(name + PanelData.LinkSuffix, "", "text");
            values.AddRange([value(now), before is null ? null : value(before), link]);
        }
        Add("throughput", "Tickets done", "count", m => m.Throughput);
        Add("cycle_median_working_hours", "Cycle time (median)", "hours", m => m.CycleTime.MedianWorkingHours);
        Add("active_median_working_hours", "Active time (median)", "hours", m => m.ActiveTime.MedianWorkingHours);
        Add("wait_median_working_hours", "Wait time (median)", "hours", m => m.WaitTime.MedianWorkingHours);
        Add("blocked_median_working_hours", "Blocked time (median, blocked tickets)", "hours", m => m.BlockedTime.MedianWorkingHours);
        Add("flow_efficiency", "Flow efficiency", "rate", m => m.FlowEfficiency);
        Add("wip", "Work in progress at the window's end", "count", m => m.Wip);
        Add("reopened", "Reopened", "count", m => m.Reopened);
        return builder.Row([.. values]).Build();
    }

    private PanelData BlockedLongest(DashboardFilter filter, CancellationToken ct)
    {
        var builder = new PanelDataBuilder()
            .Column("ticket", "Ticket", "text").Column("ticket" + PanelData.LinkSuffix, "", "text")
            .Column("title", "Title", "text").Column("team", "Team", "text")
            .Column("blocked_working_hours", "Blocked (working hours)", "hours").Column("cycle_working_hours", "Cycle (working hours)", "hours");
        var blocked = explain.Listing(filter.Window, filter.Scope, null, ct)
            .Where(t => t.BlockedWorkingHours > 0)
            .OrderByDescending(t => t.BlockedWorkingHours).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(10);
        foreach (var t in blocked)
        {
            builder.Row(t.Key, links.Ticket(t.Key) ?? Links.Explain("tickets", filter) + "#" + Uri.EscapeDataString(t.Key), t.Title, t.Team,
                t.BlockedWorkingHours, t.CycleWorkingHours);
        }
        return builder.Build();
    }
}
