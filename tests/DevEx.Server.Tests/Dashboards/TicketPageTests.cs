using static DevEx.Server.Tests.Dashboards.PageHtml;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// "Tickets and flow" over <see cref="FlowScenario"/>, window W07: BETA-1 (cycle 5 h: active 1, In Review 4) and BETA-2
/// (cycle 4 h: active 1 + 1, Blocked 2) done; BETA-3 in progress at the window's end. W06: no ticket.
/// </summary>
public sealed class TicketPageTests(FlowScenarioFixture scenario) : IClassFixture<FlowScenarioFixture>
{
    private const string Link = "from=2026-02-09&to=2026-02-16";

    [Fact]
    public async Task Cycle_wait_blocked_flow_efficiency_throughput_and_wip()
    {
        var html = await scenario.PageAsync($"/dashboards/tickets?{FlowScenario.Week}");
        Assert.Equal("4.5 h", Stat(Panel(html, "cycle"))); // median of 5 and 4
        Assert.Equal($"/explain/tickets?{Link}", StatLink(Panel(html, "cycle")));
        Assert.Equal("33.3%", Stat(Panel(html, "flow-efficiency"))); // active 1 + 2 over active and wait 3 + 4 + 2
        var throughput = Panel(html, "throughput");
        Assert.Equal("2", Stat(throughput));
        // W06 ended before the first ticket transition (BETA-1, Thu 02-12): no figure then, so no "up 2 from 0".
        Assert.Equal(["previous period: –"], PageHtml.Texts(throughput, "p.trend"));
        Assert.DoesNotContain("from 0", throughput);
        Assert.Equal("3 h", Stat(Panel(html, "wait"))); // median of 4 and 2
        Assert.Equal("2 h", Stat(Panel(html, "blocked"))); // BETA-2, the one blocked ticket
        Assert.Equal("1", Stat(Panel(html, "wip"))); // BETA-3
    }

    [Fact]
    public async Task A_week_after_the_ticket_data_starts_is_compared_with_it()
    {
        // W08 (02-16 to 02-22): nothing done, BETA-3 still in progress; W07 before it had BETA-1 and BETA-2 done.
        var html = await scenario.PageAsync("/dashboards/tickets?from=2026-02-16&to=2026-02-23");
        var throughput = Panel(html, "throughput");
        Assert.Equal("0", Stat(throughput));
        Assert.Contains("down 2 from 2", throughput);
        Assert.Equal("1", Stat(Panel(html, "wip")));
        Assert.Contains("no change from 1", Panel(html, "wip")); // BETA-3 at the end of W07 and of W08
    }

    [Fact]
    public async Task Time_by_status_and_blocked_longest_with_a_link_to_jira()
    {
        var html = await scenario.PageAsync($"/dashboards/tickets?{FlowScenario.Week}");
        var byStatus = Panel(html, "time-by-status");
        Assert.Equal(["Status", "Working hours"], Headers(byStatus));
        Assert.Equal([["In Review", "4 h"], ["Doing", "3 h"], ["Blocked", "2 h"]], Rows(byStatus)); // Doing: 1 + 1 + 1
        var blocked = Panel(html, "blocked-longest");
        Assert.Equal(["BETA-2", "Stale entries", "beta", "2 h", "4 h"], Assert.Single(Rows(blocked)));
        Assert.Equal($"{FlowScenario.JiraSite}/browse/BETA-2", Links(blocked)[0][0]);
    }

    [Fact]
    public async Task The_ticket_listing_links_each_key_to_jira()
    {
        var html = await scenario.PageAsync($"/explain/tickets?{FlowScenario.Week}");
        Assert.Equal(["BETA-2", "BETA-1"], RowIds(html)); // done Fri 13:00, Thu 14:00
        Assert.Equal([$"{FlowScenario.JiraSite}/browse/BETA-2", $"{FlowScenario.JiraSite}/browse/BETA-1"], Links(html).Select(r => r[0]));
        var rows = Rows(html);
        // cycle, active, wait, blocked
        Assert.Equal(["4 h", "2 h", "2 h", "2 h"], rows[0][5..9]);
        Assert.Equal(["5 h", "1 h", "4 h", "0 h"], rows[1][5..9]); // never blocked
    }
}
