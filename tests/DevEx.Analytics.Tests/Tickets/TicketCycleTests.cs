using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Tests.Tickets;

// Queries: ticket_explain, ticket_metrics.
/// <summary>Cycle time across the US DST change, a reopened ticket and a ticket that never became active.</summary>
public sealed class TicketCycleTests : IDisposable
{
    // NY-1 (team ny, America/New_York, Mon-Fri 09:00-17:00): In Progress Fri 2026-03-06 15:00 EST (20:00Z), Done
    // Mon 2026-03-09 11:00 EDT (15:00Z). Clocks spring forward Sun 03-08, so the wall-clock span is 67 h, not 68;
    // working hours Fri 15-17 (2) + Mon 09-11 (2) = 4 h.
    // RE-1 (team web, UTC): In Progress Mon 02-02 10:00, Done 14:00, reopened In Progress Tue 10:00, Done Tue 12:00.
    // Reading: cycle ends at the FIRST done after the first active (docs/metrics.md), so 4 h; it is done (and counted in
    // throughput) on Mon 02-02 and flagged reopened. ST-1 goes To Do -> Done: no first active, no cycle time.
    private readonly Scenario scenario = new Scenario()
        .Team("ny", zone: "America/New_York")
        .Team("web")
        .Ticket("NY-1", "2026-03-06T14:00:00Z", team: "ny")
        .Transition("NY-1", "2026-03-06T20:00:00Z", "To Do", "In Progress")
        .Transition("NY-1", "2026-03-09T15:00:00Z", "In Progress", "Done")
        .Ticket("RE-1", "Mon 08:00", team: "web")
        .Transition("RE-1", "Mon 10:00", "To Do", "In Progress")
        .Transition("RE-1", "Mon 14:00", "In Progress", "Done")
        .Transition("RE-1", "Tue 10:00", "Done", "In Progress")
        .Transition("RE-1", "Tue 12:00", "In Progress", "Done")
        .Ticket("ST-1", "Mon 08:00", team: "web")
        .Transition("ST-1", "Mon 09:00", "To Do", "Done")
        .Derive();

    private IReadOnlyList<TicketExplanation> Tickets(string from, string to) =>
        new TicketExplainService(new QueryRunner(scenario.Database)).Tickets(Scenario.Window(from, to), MetricScope.Org);

    [Fact]
    public void Dst_change_shortens_the_wall_clock_span_by_an_hour()
    {
        var ticket = Tickets("2026-03-09", "2026-03-10").Single();
        Assert.Equal(("NY-1", 67.0, 4.0), (ticket.Key, ticket.CycleHours, ticket.CycleWorkingHours));
    }

    [Fact]
    public void Reopened_ticket_cycle_ends_at_its_first_done()
    {
        var ticket = Tickets("2026-02-02", "2026-02-09").Single(t => t.Key == "RE-1");
        Assert.Equal((4.0, 4.0), (ticket.CycleHours, ticket.CycleWorkingHours)); // Mon 10:00 -> 14:00
        Assert.True(ticket.Reopened);
        Assert.Equal(Scenario.At("Mon 14:00"), ticket.DoneAt);
        Assert.Equal(("Done", "done"), (ticket.CurrentStatus, ticket.CurrentCategory));
        Assert.Equal(5, ticket.Intervals.Count); // To Do, In Progress, Done, In Progress, Done
    }

    [Fact]
    public void Straight_to_done_counts_in_throughput_but_has_no_cycle_time()
    {
        var ticket = Tickets("2026-02-02", "2026-02-09").Single(t => t.Key == "ST-1");
        Assert.Null(ticket.FirstActiveAt);
        Assert.Null(ticket.CycleHours);
        var metrics = new TicketMetricsService(new QueryRunner(scenario.Database)).Get(Scenario.Window("2026-02-02", "2026-02-09"), MetricScope.Org);
        Assert.Equal((2L, 1L, 1L), (metrics.Throughput, metrics.CycleTime.SampleSize, metrics.Reopened)); // RE-1 and ST-1; only RE-1 has a cycle
    }

    public void Dispose() => scenario.Dispose();
}
