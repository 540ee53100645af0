using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Tests.Tickets;

// Queries: ticket_metrics, ticket_wip, ticket_time_by_status, ticket_explain, ticket_intervals.
/// <summary>Ticket flow for hand-timed tickets of team "web" (UTC, Mon-Fri 09:00-17:00), week of Mon 2026-02-02.</summary>
public sealed class TicketFlowTests : IDisposable
{
    // WEB-1 spans the weekend: In Progress Fri 02-06 15:00, In Review Mon 02-09 11:00, Done Mon 02-09 15:00.
    //   cycle Fri 15:00 -> Mon 15:00 = 72 h; working Fri 15-17 (2) + Mon 09-15 (6) = 8 h.
    //   active Fri 15:00 -> Mon 11:00 = 68 h, working 2 + 2 = 4 h; wait (In Review) Mon 11-15 = 4 h, working 4 h.
    // WEB-2: In Progress Tue 10:00, Blocked Tue 12:00, In Progress Tue 15:00, Done Wed 10:00.
    //   cycle Tue 10:00 -> Wed 10:00 = 24 h; working Tue 10-17 (7) + Wed 09-10 (1) = 8 h.
    //   active Tue 10-12 (2 h, 2 w) + Tue 15:00 -> Wed 10:00 (19 h; working Tue 15-17 2 + Wed 09-10 1 = 3) = 21 h, 5 w.
    //   wait = blocked = Tue 12-15 = 3 h, 3 w ("Blocked" is wait by the default rule "contains 'block'").
    // WEB-3 goes straight from To Do to Done Wed 12:00: throughput, but no cycle time.
    // WEB-4 is In Progress since Thu 09:00 and not done: work in progress at the window's end.
    private readonly Scenario scenario = new Scenario()
        .Team("web")
        .Ticket("WEB-1", "Mon 08:00", team: "web")
        .Transition("WEB-1", "Fri 15:00", "To Do", "In Progress")
        .Transition("WEB-1", "2026-02-09T11:00:00Z", "In Progress", "In Review")
        .Transition("WEB-1", "2026-02-09T15:00:00Z", "In Review", "Done")
        .Ticket("WEB-2", "Tue 09:00", team: "web")
        .Transition("WEB-2", "Tue 10:00", "To Do", "In Progress")
        .Transition("WEB-2", "Tue 12:00", "In Progress", "Blocked")
        .Transition("WEB-2", "Tue 15:00", "Blocked", "In Progress")
        .Transition("WEB-2", "Wed 10:00", "In Progress", "Done")
        .Ticket("WEB-3", "Mon 09:00", team: "web")
        .Transition("WEB-3", "Wed 12:00", "To Do", "Done")
        .Ticket("WEB-4", "Mon 09:00", team: "web")
        .Transition("WEB-4", "Thu 09:00", "To Do", "In Progress")
        .Derive();

    private TicketMetrics Metrics(string from = "2026-02-02", string to = "2026-02-16") =>
        new TicketMetricsService(new QueryRunner(scenario.Database)).Get(Scenario.Window(from, to), MetricScope.Org);

    [Fact]
    public void Cycle_time_spans_the_weekend_in_wall_clock_but_not_in_working_hours()
    {
        var ticket = new TicketExplainService(new QueryRunner(scenario.Database)).Tickets(Scenario.Window("2026-02-09", "2026-02-10"), MetricScope.Org)
            .Single();
        Assert.Equal("WEB-1", ticket.Key);
        Assert.Equal((72.0, 8.0), (ticket.CycleHours, ticket.CycleWorkingHours));
        Assert.Equal((68.0, 4.0), (ticket.ActiveHours, ticket.ActiveWorkingHours));
        Assert.Equal((4.0, 4.0), (ticket.WaitHours, ticket.WaitWorkingHours));
        // created -> To Do (backlog), In Progress, In Review, Done (current, open-ended)
        Assert.Equal(["To Do", "In Progress", "In Review", "Done"], ticket.Intervals.Select(i => i.Status));
        Assert.Equal(["backlog", "active", "wait", "done"], ticket.Intervals.Select(i => i.Category));
        Assert.Null(ticket.Intervals[^1].EndAt);
        Assert.Equal(103.0, ticket.Intervals[0].Hours); // Mon 02-02 08:00 -> Fri 15:00 = 4 days 7 h
    }

    [Fact]
    public void Medians_flow_efficiency_and_blocked_time_over_tickets_done_in_the_window()
    {
        var metrics = Metrics();
        Assert.Equal(3, metrics.Throughput); // WEB-1, WEB-2, WEB-3
        Assert.Equal(2, metrics.CycleTime.SampleSize); // WEB-3 was never active
        Assert.Equal(48.0, metrics.CycleTime.MedianHours); // 24 and 72
        Assert.Equal(60.0, metrics.CycleTime.P75Hours); // 24 + 0.75 * 48
        Assert.Equal(67.2, metrics.CycleTime.P90Hours!.Value, 9); // 24 + 0.9 * 48
        Assert.Equal(8.0, metrics.CycleTime.MedianWorkingHours); // 8 and 8
        Assert.Equal(44.5, metrics.ActiveTime.MedianHours); // (21 + 68) / 2
        Assert.Equal(4.5, metrics.ActiveTime.MedianWorkingHours); // (5 + 4) / 2
        Assert.Equal(3.5, metrics.WaitTime.MedianWorkingHours); // (3 + 4) / 2
        // working: active 4 + 5 = 9, wait 4 + 3 = 7 -> 9 / 16; wall clock: active 68 + 21 = 89, wait 4 + 3 = 7 -> 89 / 96
        Assert.Equal(9.0 / 16, metrics.FlowEfficiency!.Value, 12);
        Assert.Equal(89.0 / 96, metrics.FlowEfficiencyWallClock!.Value, 12);
        Assert.Equal((1L, 3.0, 3.0), (metrics.BlockedTime.SampleSize, metrics.BlockedTime.MedianHours, metrics.BlockedTime.MedianWorkingHours));
        Assert.Equal(1, metrics.Wip); // WEB-4
        Assert.Equal(new TicketWipBreakdown(1, 0, 0), metrics.WipBreakdown);
    }

    [Fact]
    public void Time_by_status_sums_the_cycle_spans()
    {
        // In Progress: WEB-1 68 h (4 w) + WEB-2 21 h (5 w); In Review: WEB-1 4 h; Blocked: WEB-2 3 h. Most working hours first.
        Assert.Equal(
            [new StatusTime("In Progress", "active", 89, 9, 2), new StatusTime("In Review", "wait", 4, 4, 1), new StatusTime("Blocked", "wait", 3, 3, 1)],
            Metrics().TimeByStatus);
    }

    [Fact]
    public void Zero_samples_are_null_not_zero()
    {
        var metrics = Metrics("2026-03-02", "2026-03-09");
        Assert.Equal((0L, 0L), (metrics.Throughput, metrics.CycleTime.SampleSize));
        Assert.Null(metrics.CycleTime.MedianHours);
        Assert.Null(metrics.FlowEfficiency);
        Assert.Null(metrics.BlockedTime.MedianWorkingHours);
        Assert.Equal(1, metrics.Wip); // WEB-4 is still in progress on 2026-03-09
    }

    public void Dispose() => scenario.Dispose();
}
