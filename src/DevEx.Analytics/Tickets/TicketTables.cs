using DevEx.Store.Writing;

namespace DevEx.Analytics.Tickets;

/// <summary>The write specs of the tables the ticket derivation fills.</summary>
internal static class TicketTables
{
    public static readonly TableSpec<TicketInterval> Intervals = new("ticket_status_intervals", ["key", "start_at", "status"],
    [
        new("key", i => i.Key), new("status", i => i.Status), new("category", i => i.Category), new("start_at", i => i.Start),
        new("end_at", i => i.End), new("hours", i => i.Hours), new("working_hours", i => i.WorkingHours), new("blocked", i => i.Blocked),
    ]);

    public static readonly TableSpec<TicketFacts> Tickets = new("d_tickets", ["key"],
    [
        new("key", f => f.Ticket.Key), new("project", f => f.Ticket.Project), new("team", f => f.Team), new("type", f => f.Ticket.Type),
        new("title", f => f.Ticket.Title), new("created_at", f => f.Ticket.CreatedAt), new("first_active_at", f => f.FirstActiveAt),
        new("done_at", f => f.DoneAt), new("cycle_hours", f => f.Cycle?.Hours), new("cycle_working_hours", f => f.Cycle?.WorkingHours),
        new("active_hours", f => f.Active?.Hours), new("active_working_hours", f => f.Active?.WorkingHours),
        new("wait_hours", f => f.Wait?.Hours), new("wait_working_hours", f => f.Wait?.WorkingHours),
        new("blocked_hours", f => f.Blocked?.Hours), new("blocked_working_hours", f => f.Blocked?.WorkingHours),
        new("reopened", f => f.Reopened), new("current_status", f => f.CurrentStatus), new("current_category", f => f.CurrentCategory),
        new("linked_pull_requests", f => f.LinkedPullRequests), new("lead_time_hours", f => f.LeadTime?.Hours),
        new("lead_time_working_hours", f => f.LeadTime?.WorkingHours),
    ]);

    public static readonly TableSpec<TicketLink> Links = new("ticket_links", ["ticket_key", "repo", "number"],
    [
        new("ticket_key", l => l.TicketKey), new("repo", l => l.Repo), new("number", l => l.Number), new("method", l => l.Method),
    ]);
}
