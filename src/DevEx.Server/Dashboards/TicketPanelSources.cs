using DevEx.Server.Access;
using DevEx.Analytics.Metrics;

namespace DevEx.Server.Dashboards;

/// <summary>
/// The tickets page's one built-in source: tickets done in the window that were blocked longest, each linked to Jira
/// (DevEx:Jira:BaseUrl) or GitHub, a link the configuration makes. The page's other panels are queries/panel_tickets.sql
/// and panel_ticket_time_by_status.sql.
/// </summary>
internal sealed class TicketPanelSources(TicketExplainService explain, SourceLinks links)
    : IPanelSourceGroup
{
    public IEnumerable<PanelSource> Sources() =>
    [
        new("tickets-blocked-longest", "Tickets done in the window that were blocked longest", BlockedLongest, Shows: Surface.Listing),
    ];

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
