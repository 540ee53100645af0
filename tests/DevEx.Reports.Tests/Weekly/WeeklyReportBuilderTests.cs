using DevEx.Reports.Weekly;

namespace DevEx.Reports.Tests.Weekly;

// Queries: open_pull_requests, report_blocked_tickets, report_data_freshness (and the DORA, CI, wait-state
// and meeting queries the report reuses).
/// <summary>The content of a report over the hand-computed week of <see cref="ScenarioWeek"/>.</summary>
public sealed class WeeklyReportBuilderTests : IDisposable
{
    private readonly Scenario scenario = ScenarioWeek.Build();

    private WeeklyReport Report() => ScenarioWeek.Builder(scenario).Build(ScenarioWeek.Team(), ScenarioWeek.Week, "https://devex.example/");

    [Fact]
    public void Headline_figures_have_this_week_the_previous_week_and_the_change()
    {
        var report = Report();
        Assert.Equal(("2026-W06", "2026-02-02", "2026-02-09"), (report.Week, report.From.ToString("yyyy-MM-dd", null), report.To.ToString("yyyy-MM-dd", null)));
        Assert.Equal((4.0, 2.0, 2.0), Values(report.Figure("deployments")));
        Assert.Equal((3.0, 2.0, 1.0), Values(report.Figure("deployDays")));
        // Lead times 1, 24, 30, 44 h: median (24 + 30) / 2 = 27; the week before only c1's 24 h.
        Assert.Equal((27.0, 24.0, 3.0), Values(report.Figure("changeLeadTimeMedianHours")));
        Assert.Equal((0.25, 0.0, 0.25), Values(report.Figure("changeFailRate")));
        Assert.Equal(2.0, report.Figure("failedDeploymentRecoveryTimeMedianHours").Value);
        Assert.Null(report.Figure("failedDeploymentRecoveryTimeMedianHours").Previous);
        Assert.Equal(2.0, report.Figure("incidentTimeToRestoreMedianHours").Value);
        Assert.Equal(0.0, report.Figure("deploymentReworkRate").Value);
    }

    [Fact]
    public void A_previous_week_before_the_first_deployment_has_no_figures_and_no_change()
    {
        // W05 (01-26 .. 02-02) against W04: D0 (Mon 01-26 10:00) is the team's first deployment, so W04 lies before the
        // deployment data: no figure then (null, "–"), not 0 deployments and a change of +2.
        var report = ScenarioWeek.Builder(scenario).Build(ScenarioWeek.Team(), IsoWeek.Parse("2026-W05"));
        Assert.Equal((2.0, null, null), Values(report.Figure("deployments"))); // D0, D1
        Assert.Equal((2.0, null, null), Values(report.Figure("deployDays"))); // Mon, Thu
        Assert.Equal((0.0, null, null), Values(report.Figure("changeFailRate")));
    }

    [Fact]
    public void The_trend_covers_four_weeks_ending_with_this_one()
    {
        var report = Report();
        Assert.Equal(["2026-W03", "2026-W04", "2026-W05", "2026-W06"], report.TrendWeeks);
        // The first deployment (D0) is Mon 01-26, in W05: W03 and W04 lie before the deployment data, no figure ("–"), not 0.
        Assert.Equal([null, null, 2.0, 4.0], report.Figure("deployments").Trend);
        Assert.Equal([null, null, 0.0, 0.25], report.Figure("changeFailRate").Trend);
        Assert.Equal([null, null, 24.0, 27.0], report.Figure("changeLeadTimeMedianHours").Trend);
    }

    [Fact]
    public void Where_time_is_lost_lists_the_waits_of_the_week_with_the_previous_week_and_the_change()
    {
        var report = Report();
        // Most (working) hours first, ties in the query's order: ticket-wait 16, ticket-blocked 16, pr-pickup 9.5,
        // pr-merge-wait 2, deploy-wait 2, ci-run 1/3, ci-queue 0.05, pr-review 0 (one sample of 0 h).
        Assert.Equal(["ticket-wait", "ticket-blocked", "pr-pickup", "pr-merge-wait", "deploy-wait", "ci-run", "ci-queue", "pr-review"],
            report.WaitStates.Select(w => w.Wait));
        // The week before (PR #9): pickup 5 working hours, merge wait 1, deploy wait 1, review 0; no ticket was done, no CI ran.
        Assert.Equal((9.5, 5.0, 4.5), Values(report.Figure("prPickupHours")));
        Assert.Equal((2.0, 1.0, 1.0), Values(report.Figure("prMergeWaitHours")));
        Assert.Equal((2.0, 1.0, 1.0), Values(report.Figure("deployWaitHours")));
        Assert.Equal((0.0, 0.0, 0.0), Values(report.Figure("prReviewHours")));
        Assert.Equal((16.0, null, null), Values(report.Figure("ticketWaitHours")));
        Assert.Equal((16.0, null, null), Values(report.Figure("ticketBlockedHours")));
        Assert.Equal(20.0 / 60, report.Figure("ciRunHours").Value!.Value, 9);   // 10 + 10 min
        Assert.Equal(3.0 / 60, report.Figure("ciQueueHours").Value!.Value, 9);  // 2 + 1 min
        Assert.Null(report.Figure("ciQueueHours").Previous);
    }

    [Fact]
    public void A_week_not_over_when_the_report_is_made_says_so_in_every_format()
    {
        // The clock says Mon 2026-02-09 07:00 UTC, 20:00 in Auckland (+13:00). Auckland's W07 began there at Monday 00:00
        // (Sun 02-08 11:00 UTC) and ends Monday 02-16 00:00: in progress, figures up to 2026-02-09 20:00 Auckland time.
        // Its W06 ended Sun 02-08 11:00 UTC, before the clock: a whole week.
        var builder = ScenarioWeek.Builder(scenario);
        var partial = builder.Build(ScenarioWeek.Team("Pacific/Auckland"), IsoWeek.Parse("2026-W07"));
        Assert.True(partial.InProgress);
        Assert.False(builder.Build(ScenarioWeek.Team("Pacific/Auckland"), ScenarioWeek.Week).InProgress);
        Assert.True(builder.Build(ScenarioWeek.Team("Pacific/Auckland"), IsoWeek.Parse("2026-W08")).InProgress); // not begun yet
        const string note = "Week in progress: figures up to 2026-02-09 20:00 (Pacific/Auckland), not the whole week; it ends Monday 2026-02-16 00:00.";
        Assert.Contains($"**{note}**", WeeklyReportMarkdown.Write(partial, [], "charts"));
        Assert.Contains($"<p class=\"in-progress\"><strong>{note}</strong></p>", WeeklyReportHtml.Write(partial, []));
        Assert.True(System.Text.Json.JsonDocument.Parse(WeeklyReportJson.Write(partial)).RootElement.GetProperty("inProgress").GetBoolean());
        var whole = Report();
        Assert.DoesNotContain("Week in progress", WeeklyReportMarkdown.Write(whole, [], "charts"));
        Assert.DoesNotContain("Week in progress", WeeklyReportHtml.Write(whole, []));
    }

    [Fact]
    public void A_week_in_which_nothing_was_merged_or_done_has_no_waits()
    {
        // 2026-W07 (Mon 02-09 .. Mon 02-16): no pull request merged, no ticket done.
        var report = ScenarioWeek.Builder(scenario).Build(ScenarioWeek.Team(), IsoWeek.Parse("2026-W07"));
        Assert.Empty(report.WaitStates);
        Assert.DoesNotContain(report.Figures, f => f.Metric is "prPickupHours" or "ticketWaitHours");
        Assert.Contains("_Nothing merged or done this week._", WeeklyReportMarkdown.Write(report, [], "charts"));
        Assert.DoesNotContain(WeeklyReportCharts.Specs(report), chart => chart.Name == "where-time-is-lost");
    }

    [Fact]
    public void Open_pull_requests_are_listed_longest_waiting_first_with_what_they_wait_for()
    {
        // #13, an open draft created before #10, is not waiting for review.
        var waiting = Report().WaitingPullRequests;
        Assert.Equal([(10, 158.0, "review"), (11, 84.0, "merge")], waiting.Select(p => (p.Number, Math.Round(p.WaitingHours, 6), p.WaitingFor)));
    }

    [Fact]
    public void Open_pull_requests_are_those_of_the_dashboards_definition_as_of_the_week_end()
    {
        // Added to the week: dana (login "dana", email dana@example.com: one person) opens #14, ready Wed 09:00, and comments
        // on it from her email Wed 10:00: her own comment is no review, so at the week's end (Mon 02-09 00:00) #14 has
        // waited 15 h (Wed) + 24 (Thu) + 24 (Fri) + 48 (Sat, Sun) = 111 h for review. #15 by "Release-ROBOT", ready Thu
        // 09:00, is a bot by the configured pattern "-robot$|\[bot\]$" (case-insensitive) and left out.
        scenario.Options.BotPattern = @"-robot$|\[bot\]$";
        scenario.Person("dana", "dana", "dana@example.com")
            .PullRequest(14, "Wed 09:00", null, author: "dana", title: "Own comment").Review(14, "dana@example.com", "COMMENTED", "Wed 10:00")
            .PullRequest(15, "Thu 09:00", null, author: "Release-ROBOT", title: "Release notes")
            .Derive();
        var waiting = Report().WaitingPullRequests;
        Assert.Equal([(10, 158.0, "review"), (14, 111.0, "review"), (11, 84.0, "merge")],
            waiting.Select(p => (p.Number, Math.Round(p.WaitingHours, 6), p.WaitingFor)));
        // The dashboards' "Waiting for review now", had it been read at that instant: the same pull requests waiting for review.
        var dashboard = new DevEx.Analytics.Metrics.OpenPullRequestService(new DevEx.Store.Queries.QueryRunner(scenario.Database), scenario.Options)
            .AwaitingReview(NodaTime.Instant.FromUtc(2026, 2, 9, 0, 0), new DevEx.Analytics.Metrics.MetricScope(Team: "core"));
        Assert.Equal([10, 14], dashboard.Select(p => p.Number));
    }

    [Fact]
    public void Slowest_merged_pull_requests_measure_ready_to_merged()
    {
        var slowest = Assert.Single(Report().SlowestMergedPullRequests);
        Assert.Equal((12, 27.5, 25.5), (slowest.Number, slowest.ReadyToMergedHours, slowest.PickupHours));
    }

    [Fact]
    public void Ci_hot_spots_name_the_slowest_and_the_flakiest_workflows()
    {
        var report = Report();
        Assert.Equal(["e2e", "ci"], report.SlowestWorkflows.Select(w => w.Workflow));
        var flaky = Assert.Single(report.FlakiestWorkflows);
        Assert.Equal(("ci", 3L, 1.0 / 3, 1.0 / 3), (flaky.Workflow, flaky.Runs, flaky.RerunRate!.Value, flaky.FailureRate!.Value));
    }

    [Fact]
    public void Tickets_blocked_in_the_week_are_listed_most_blocked_first_in_wall_clock_and_working_hours()
    {
        // Working hours Mon-Fri 09:00-17:00 UTC. CORE-2 blocked Fri 12:00 to the week's end Mon 02-09 00:00: 60 h, of which
        // Fri 12:00-17:00 = 5 working hours (the open interval, counted up to the week's end). CORE-1 blocked Tue 09:00 →
        // Thu 09:00: 48 h, Tue 8 + Wed 8 = 16 working hours: the 16 h "where time is lost" shows for ticket-blocked.
        var blocked = Report().BlockedTickets;
        Assert.Equal([("CORE-2", 60.0, 5.0, true), ("CORE-1", 48.0, 16.0, false)],
            blocked.Select(t => (t.Key, Math.Round(t.BlockedHours, 6), Math.Round(t.BlockedWorkingHours, 6), t.StillBlocked)));
    }

    [Fact]
    public void Ci_wait_per_change_is_given_in_wall_clock_and_in_working_hours()
    {
        // Added: PR #16 (commit c6), ready Thu 17:30, merged Fri 09:30, one CI run on c6 created Thu 17:30, started 17:40,
        // completed 18:30: 1 h wall clock, 0 working hours (after 17:00). With PR #12 (23 min, all in working hours):
        // median wall clock (23/60 + 1) / 2 = 83/120 h; median working hours (23/60 + 0) / 2 = 23/120 h. The week before,
        // PR #9 had no CI run: no previous value.
        scenario.Commit("c6", "Thu 17:00", ["c5"])
            .PullRequest(16, "Thu 17:30", "Fri 09:30", mergeSha: "c6", commitShas: ["c6"], title: "Nightly build")
            .PipelineRun("n1", "c6", "Thu 17:30", "Thu 17:40", "Thu 18:30")
            .Derive();
        var report = Report();
        Assert.Equal(83.0 / 120, report.Figure("ciWaitPerChangeMedianHours").Value!.Value, 9);
        Assert.Equal(23.0 / 120, report.Figure("ciWaitPerChangeMedianWorkingHours").Value!.Value, 9);
        Assert.Null(report.Figure("ciWaitPerChangeMedianWorkingHours").Previous);
        // The CI waits of "where time is lost" (and the CSV's ciRunHours) are working hours too, as docs/reports.md says:
        // PR #12's runs 10 + 10 min; #16's run Thu 17:40-18:30 is after 17:00 and adds nothing (50 min wall clock).
        Assert.Equal(20.0 / 60, report.Figure("ciRunHours").Value!.Value, 9);
        Assert.Equal(70.0 / 60, report.WaitStates.Single(w => w.Wait == "ci-run").TotalHours!.Value, 9);
        // Shown with its unit: 83/120 = 0.69 → "0.7 h", 23/120 = 0.19 → "0.2 h".
        var markdown = WeeklyReportMarkdown.Write(report, [], "charts");
        Assert.Contains("## CI wait per change", markdown);
        Assert.Contains("| CI wait per change (median, wall clock) | 0.7 h | – | – |", markdown);
        Assert.Contains("| CI wait per change (median, working hours) | 0.2 h | – | – |", markdown);
        Assert.Contains("<td>CI wait per change (median, working hours)</td><td class=\"num\">0.2 h</td>", WeeklyReportHtml.Write(report, []));
    }

    [Fact]
    public void Without_calendars_the_meeting_figures_are_no_calendar_data_not_withheld()
    {
        // The scenario imports no calendar: no figure (not 40 h of focus and 0 %), and why.
        var report = Report();
        Assert.False(report.Meetings.Withheld);
        Assert.Equal("no calendar data: no calendar of this team's members covers these weeks", report.Meetings.NoDataReason);
        Assert.Equal(((double?)null, (double?)null), (report.Figure("medianMeetingHoursPerWeek").Value, report.Figure("medianFocusHoursPerWeek").Value));
        Assert.Contains("No calendar data: no calendar of this team's members covers these weeks.", WeeklyReportMarkdown.Write(report, [], "charts"));
    }

    [Fact]
    public void Meeting_figures_are_withheld_below_the_cohort()
    {
        // Three people of core have calendars in W06, fewer than MinCohort (5): withheld, not "no calendar data".
        using var meetings = ScenarioWeek.Build();
        foreach (var person in new[] { "p1", "p2", "p3" })
        {
            CalendarRows.Member(meetings.Database, "core", person);
            CalendarRows.Occurrence(meetings.Database, person, "2026-02-02 10:00", "2026-02-02 12:00");
        }
        meetings.Derive();
        var report = ScenarioWeek.Builder(meetings).Build(ScenarioWeek.Team(), ScenarioWeek.Week, "https://devex.example/");
        Assert.Equal((true, 3L, (string?)null), (report.Meetings.Withheld, report.Meetings.People, report.Meetings.NoDataReason));
        Assert.Null(report.Figure("medianMeetingHoursPerWeek").Value);
    }

    [Fact]
    public void Meeting_load_and_focus_time_of_five_people_with_calendars()
    {
        // p1..p5 of core (UTC, Mon-Fri 09:00-17:00, 40 working hours in W06) meet Mon 02-02 10:00-12:00; p1 also Tue
        // 14:00-15:00. Meeting hours: p1 3, the others 2: median 2 h, load 2/40 = 5%. Focus (meeting-free blocks of 2 h or
        // more): p2..p5 Mon 12-17 (5 h) + Tue-Fri 4 x 8 = 37 h (Mon 09-10 is 1 h of fragmented time); p1 Mon 5 + Tue 09-14
        // (5) and 15-17 (2, exactly 2 h is focus) + Wed-Fri 24 = 36 h. Median focus 37 h. W05 had no calendars: no previous.
        using var meetings = ScenarioWeek.Build();
        foreach (var person in new[] { "p1", "p2", "p3", "p4", "p5" })
        {
            CalendarRows.Member(meetings.Database, "core", person);
            CalendarRows.Occurrence(meetings.Database, person, "2026-02-02 10:00", "2026-02-02 12:00");
        }
        CalendarRows.Occurrence(meetings.Database, "p1", "2026-02-03 14:00", "2026-02-03 15:00");
        meetings.Derive();

        var report = ScenarioWeek.Builder(meetings).Build(ScenarioWeek.Team(), ScenarioWeek.Week, "https://devex.example/");
        Assert.False(report.Meetings.Withheld);
        Assert.Equal(5, report.Meetings.People);
        Assert.Equal((2.0, null), (report.Figure("medianMeetingHoursPerWeek").Value, report.Figure("medianMeetingHoursPerWeek").Previous));
        Assert.Equal(0.05, report.Meetings.MedianMeetingLoad!.Value, 9);
        Assert.Equal(37.0, report.Figure("medianFocusHoursPerWeek").Value);
        Assert.Equal(1.0, report.Meetings.MedianFragmentedHoursPerWeek);
    }

    [Fact]
    public void The_footer_has_the_definitions_link_and_how_fresh_each_source_is()
    {
        var report = Report();
        Assert.Equal("https://devex.example/docs/metrics", report.Definitions);
        Assert.Equal("https://devex.example/api/v1/reports/weekly?team=core&week=2026-W06&format=html", report.Link);
        var deployments = Assert.Single(report.Freshness, f => f.Source == "deployments");
        Assert.Equal(("newest record", Scenario.At("Fri 10:00")), (deployments.Basis, deployments.At));
    }

    [Fact]
    public void A_synced_source_is_fresh_as_of_its_last_successful_run()
    {
        using (var connection = scenario.Database.Open())
        {
            Dapper.SqlMapper.Execute(connection, """
                INSERT INTO sync_runs VALUES
                  ('a', 'github', TIMESTAMPTZ '2026-02-08 20:00:00+00', TIMESTAMPTZ '2026-02-08 20:05:00+00', 'succeeded', 1, 1, 0, NULL),
                  ('b', 'github', TIMESTAMPTZ '2026-02-08 21:00:00+00', TIMESTAMPTZ '2026-02-08 21:01:00+00', 'failed', 0, 1, 0, 'boom')
                """);
        }
        var github = Assert.Single(Report().Freshness, f => f.Source == "github");
        Assert.Equal(("last sync", NodaTime.Instant.FromUtc(2026, 2, 8, 20, 5)), (github.Basis, github.At));
    }

    private static (double?, double?, double?) Values(ReportFigure figure) => (figure.Value, figure.Previous, figure.Delta);

    public void Dispose() => scenario.Dispose();
}
