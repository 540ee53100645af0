using static DevEx.Server.Tests.Dashboards.PageHtml;

namespace DevEx.Server.Tests.Dashboards;

// Queries: queries/team_flow_and_focus.sql (flow efficiency, meeting load and focus per team).
/// <summary>
/// "Where time is lost" over <see cref="FlowScenario"/>, window W07 against W06. Hours per team and wait (working = wall clock):
///   Alpha: pickup 3 + 5 = 8 (W06: 1), review 2 + 1 = 3 (1), merge wait 1 + 1 = 2 (1), CI queue 0.1 + 0.3 = 0.4 and
///          CI run 0.4 + 1.1 = 1.5 (W06: none), meetings 5 people x 2 h = 10 (W06: 3 people, withheld); total 24.9.
///   Beta:  pickup 1, review 1, merge wait 1, CI queue 0.1, CI run 0.2, tickets waiting 4 + 2 = 6, blocked 2
///          (W06: nothing); total 11.3.
///   Org:   meetings 10, pickup 9, tickets waiting 6, review 4, merge wait 3, blocked 2, CI run 1.7, CI queue 0.5.
/// Changes a person can compare: Alpha pickup +7 (the biggest), Beta tickets waiting +6, ... Alpha's meetings rose from
/// a withheld figure, so they have no change: not "from 0 h to 10 h".
/// </summary>
public sealed class OverviewPageTests(FlowScenarioFixture scenario) : IClassFixture<FlowScenarioFixture>
{
    private const string Link = "from=2026-02-09&to=2026-02-16";

    [Fact]
    public async Task Each_teams_waits_side_by_side_ordered_by_hours_with_changes_and_links()
    {
        var pivot = Panel(await scenario.PageAsync($"/?{FlowScenario.Week}"), "waits-by-team");
        Assert.Equal(["Team", "Meetings", "Waiting for first review", "Tickets waiting", "In review", "Approved, not merged", "Tickets blocked",
            "CI running", "CI queue"], Headers(pivot)); // no deployments: no deploy wait
        var rows = Rows(pivot);
        Assert.Equal(["Alpha", "Beta"], rows.Select(r => r[0])); // 24.9 h before 11.3 h
        // Alpha's meetings have no "(+…)": the previous period's figure was withheld. "–": no such wait for the team in
        // either period. A wait the team had no samples of in W06 accounted for 0 h then: Alpha's CI (Alpha's pull requests
        // were merged from W06 on). Beta's first pull request and ticket are of W07: W06 began before Beta's data, so its
        // waits have no previous figure and no change, not "(+1 h)" from 0.
        Assert.Equal(["10 h", "8 h (+7 h)", "–", "3 h (+2 h)", "2 h (+1 h)", "–", "1.5 h (+1.5 h)", "0.4 h (+0.4 h)"], rows[0][1..9]);
        Assert.Equal(["–", "1 h", "6 h", "1 h", "1 h", "2 h", "0.2 h", "0.1 h"], rows[1][1..9]);
        var links = Links(pivot);
        Assert.Equal($"/?{Link}&team=alpha", links[0][0]);
        Assert.Equal($"/dashboards/meetings?{Link}&team=alpha", links[0][1]);
        Assert.Equal($"/explain/pull-requests?{Link}&team=alpha", links[0][2]);
        Assert.Equal($"/explain/tickets?{Link}&team=beta", links[1][3]);
        Assert.Equal($"/explain/tickets?{Link}&team=beta", links[1][6]);
        Assert.Equal($"/explain/pull-requests?{Link}&team=beta", links[1][7]); // CI: the pull requests, with their CI columns
    }

    [Fact]
    public async Task Waits_a_team_had_only_in_the_previous_period_fell_to_nothing_and_say_so()
    {
        // W08 (02-16 to 02-23) against W07: no pull request was merged, no ticket finished and nobody had a calendar in
        // W08 (beta#2 still waits for its first review; BETA-3 is still in progress), so every wait of W07 fell to 0 h.
        // Meetings: withheld in W08 (no one with a calendar), so no cell. Teams and waits tie at 0 h: by name.
        var pivot = Panel(await scenario.PageAsync("/?from=2026-02-16&to=2026-02-23"), "waits-by-team");
        Assert.Equal(["Team", "Approved, not merged", "CI queue", "CI running", "In review", "Tickets blocked", "Tickets waiting",
            "Waiting for first review"], Headers(pivot));
        Assert.Equal(
        [
            ["Alpha", "0 h (−2 h)", "0 h (−0.4 h)", "0 h (−1.5 h)", "0 h (−3 h)", "–", "–", "0 h (−8 h)"],
            ["Beta", "0 h (−1 h)", "0 h (−0.1 h)", "0 h (−0.2 h)", "0 h (−1 h)", "0 h (−2 h)", "0 h (−6 h)", "0 h (−1 h)"],
        ], Rows(pivot));
    }

    [Fact]
    public async Task The_org_waits_are_ordered_by_hours_and_every_number_links_to_its_rows()
    {
        var table = Panel(await scenario.PageAsync($"/?{FlowScenario.Week}"), "waits");
        var rows = Rows(table);
        // wait, hours, previous period, median (working hours), samples
        Assert.Equal(
        [
            ["Meetings", "10 h", "–", "2 h", "5"], // 5 people, 2 h each; W06 withheld (3 people)
            ["Waiting for first review", "9 h", "1 h", "3 h", "3"], // 3, 5, 1; W06 alpha#3 1
            ["Tickets waiting", "6 h", "–", "3 h", "2"], // 4 and 2
            ["In review", "4 h", "1 h", "1 h", "3"], // 2, 1, 1
            ["Approved, not merged", "3 h", "1 h", "1 h", "3"],
            ["Tickets blocked", "2 h", "–", "2 h", "1"],
        ], rows.Take(6));
        // CI: all inside working hours, so its hours read the same in wall-clock or working hours. Medians over the three
        // pull requests: run 0.4, 1.1, 0.2 -> 0.4 h; queue 0.1, 0.3, 0.1 -> 0.1 h.
        Assert.Equal(["CI running", "1.7 h", "–", "0.4 h", "3"], rows[6]); // 0.4 + 1.1 + 0.2
        Assert.Equal(["CI queue", "0.5 h", "–", "0.1 h", "3"], rows[7]); // 0.1 + 0.3 + 0.1
        var links = Links(table);
        Assert.Equal([$"/explain/pull-requests?{Link}", $"/explain/pull-requests?{Link}", "/explain/pull-requests?from=2026-02-02&to=2026-02-09",
            $"/explain/pull-requests?{Link}", $"/explain/pull-requests?{Link}"], links[1]);
        Assert.Equal($"/explain/tickets?{Link}", links[2][1]);
        Assert.Equal($"/dashboards/meetings?{Link}", links[0][1]);
    }

    [Fact]
    public async Task Flow_and_focus_per_team_beside_the_waits_with_meetings_withheld_below_the_cohort()
    {
        // W07. Alpha: no tickets; 5 people, each 2 h of meetings in a 40 h week: load 2/40 = 5%; focus Mon 11-17 (6 h) +
        // Tue-Fri 4 x 8 h = 38 h. W06 had 3 people: withheld, so no previous figure. Beta: BETA-1 active 1 h, wait 4 h;
        // BETA-2 active 2 h, wait 2 h (blocked): flow efficiency 3 / (3 + 6) = 33.3%; no calendars.
        var panel = Panel(await scenario.PageAsync($"/?{FlowScenario.Week}"), "flow-and-focus");
        Assert.Equal(["Team", "Flow efficiency", "Previous period", "Tickets done", "Meeting load (median)", "Previous period",
            "Focus hours per week (median)", "Previous period", "People with calendars"], Headers(panel));
        Assert.Equal(
        [
            ["Alpha", "–", "–", "0", "5%", "–", "38 h", "–", "5"],
            ["Beta", "33.3%", "–", "2", "–", "–", "–", "–", "0"],
        ], Rows(panel));
        var links = Links(panel);
        Assert.Equal($"/explain/tickets?{Link}&team=beta", links[1][1]);
        Assert.Equal($"/dashboards/meetings?{Link}&team=alpha", links[0][4]);
        Assert.DoesNotContain("withheld", panel, StringComparison.OrdinalIgnoreCase);
        // Beta's "–" is no calendar data, not 40 h of focus and 0 %: the panel says so.
        Assert.Contains("No calendar data for Beta: no calendar of their people covers these weeks.", panel);

        // W06: alpha's 3 people are fewer than 5; their figures are withheld and the panel says so.
        var before = Panel(await scenario.PageAsync($"/?{FlowScenario.PreviousWeek}"), "flow-and-focus");
        Assert.Equal([["Alpha", "–", "–", "0", "–", "–", "–", "–", "3"]], Rows(before));
        Assert.Contains("Meeting figures withheld for Alpha: fewer people with calendars than the minimum cohort.", before);
    }

    [Fact]
    public async Task The_biggest_change_is_one_a_person_can_compare_not_a_withheld_period()
    {
        var biggest = Panel(await scenario.PageAsync($"/?{FlowScenario.Week}"), "biggest-change");
        Assert.Equal("7 h", Stat(biggest)); // Alpha pickup 1 h -> 8 h; Alpha meetings (withheld -> 10 h) is no change
        Assert.Equal($"/explain/pull-requests?{Link}&team=alpha", StatLink(biggest));
        Assert.Equal(["Alpha: waiting for first review rose from 1 h to 8 h"], PageHtml.Texts(biggest, "p.caption"));

        // Beta alone: its data (first merged pull request, first ticket transition) starts in W07, so W06 has no figure to
        // compare with: no biggest change, rather than "tickets waiting rose from 0 h to 6 h".
        var beta = Panel(await scenario.PageAsync($"/?{FlowScenario.Week}&team=beta"), "biggest-change");
        Assert.Equal("–", Stat(beta));
        Assert.Contains("the previous period began before the data of these waits started", beta);
        Assert.DoesNotContain("from 0 h", beta);
    }

    [Fact]
    public async Task A_wait_that_fell_to_nothing_can_be_the_biggest_change()
    {
        // W08 against W07: nothing merged or done in W08 (beta#2 is still open), so every wait fell to 0 h. The largest
        // fall: Alpha's pickup, 3 + 5 = 8 h to 0 h (Beta's tickets waiting fell 6 h; no one has a calendar in W08).
        var html = await scenario.PageAsync("/?from=2026-02-16&to=2026-02-23");
        var biggest = Panel(html, "biggest-change");
        Assert.Equal("-8 h", Stat(biggest));
        Assert.Equal("/explain/pull-requests?from=2026-02-16&to=2026-02-23&team=alpha", StatLink(biggest));
        Assert.Equal(["Alpha: waiting for first review fell from 8 h to 0 h"], PageHtml.Texts(biggest, "p.caption"));
    }

    [Fact]
    public async Task The_trend_chart_links_each_wait_to_its_own_listing()
    {
        var chart = Panel(await scenario.PageAsync($"/?{FlowScenario.Week}"), "waits-trend");
        var headers = Headers(chart);
        var row = Assert.Single(Rows(chart)); // one ISO week
        Assert.Equal("2026-W07", row[0]);
        var links = Assert.Single(Links(chart));
        string? LinkOf(string wait) => links[headers.IndexOf(wait)];
        Assert.Equal("9 h", row[headers.IndexOf("Waiting for first review")]);
        Assert.Equal($"/explain/pull-requests?{Link}", LinkOf("Waiting for first review"));
        Assert.Equal($"/explain/pull-requests?{Link}", LinkOf("CI queue"));
        Assert.Equal("6 h", row[headers.IndexOf("Tickets waiting")]);
        Assert.Equal($"/explain/tickets?{Link}", LinkOf("Tickets waiting"));
        Assert.Equal($"/explain/tickets?{Link}", LinkOf("Tickets blocked"));
        Assert.DoesNotContain("Meetings", headers);
    }
}
