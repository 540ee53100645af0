using NodaTime;
using static DevEx.Server.Tests.Dashboards.PanelQueries;

namespace DevEx.Server.Tests.Dashboards;

// Queries: queries/panel_pr_flow.sql, panel_pr_flow_series.sql, panel_ci_wait.sql, panel_ci_workflows.sql, panel_slowest_pull_requests.sql, panel_tickets.sql, panel_ticket_time_by_status.sql,
// panel_data_quality_items.sql, panel_unmapped_identities.sql and panel_unmapped_bots.sql.
/// <summary>
/// The built-in panel queries of the pull-requests, tickets and data-quality pages over <see cref="FlowScenario"/>'s week W07
/// (2026-02-09 to 02-16), each value worked out from the scenario's lines (the page tests show the same figures formatted).
/// </summary>
public sealed class FlowPanelQueryTests(FlowScenarioFixture scenario) : IClassFixture<FlowScenarioFixture>
{
    private static readonly LocalDate From = new(2026, 2, 9);
    private static readonly LocalDate To = new(2026, 2, 16);

    [Fact]
    public void Pull_request_flow_medians_now_and_in_the_previous_period()
    {
        var phases = new[] { "pull_requests", "coding", "coding_previous", "pickup", "pickup_previous", "review", "review_previous",
            "merge_wait", "merge_wait_previous", "deploy_wait", "deploy_wait_previous", "pull_requests__link" };

        // W07: alpha#1 (coding 1, pickup 3, review 2, merge wait 1), alpha#2 (1, 5, 1, 1), beta#1 (1, 1, 1, 1): medians 1, 3, 1, 1.
        // W06 before it: alpha#3 (1, 1, 1, 1). No deployments: no deploy wait in either.
        Assert.Equal([["3", "1", "1", "3", "1", "1", "1", "1", "1", "", "", "/explain/pull-requests?from=2026-02-09&to=2026-02-16"]],
            Cells(Run(scenario.Factory, "panel_pr_flow", From, To), phases));
        // Alpha alone: alpha#1 and alpha#2, pickup (3 + 5) / 2 = 4, review (2 + 1) / 2 = 1.5.
        Assert.Equal([["2", "1", "1", "4", "1", "1.5", "1", "1", "1", "", "", "/explain/pull-requests?from=2026-02-09&to=2026-02-16&team=alpha"]],
            Cells(Run(scenario.Factory, "panel_pr_flow", From, To, team: "alpha"), phases));
    }

    [Fact]
    public void Pull_request_phases_per_period()
    {
        var phases = new[] { "period", "coding", "pickup", "review", "merge_wait", "deploy_wait" };

        // W06: alpha#3 (coding 1, pickup 1, review 1, merge wait 1). W07: alpha#1 (1, 3, 2, 1), alpha#2 (1, 5, 1, 1), beta#1
        // (1, 1, 1, 1): medians 1, 3, 1, 1. No deployments: no deploy wait. The week after has no merged pull request: a row, no figures.
        Assert.Equal([["2026-02-02", "1", "1", "1", "1", ""], ["2026-02-09", "1", "3", "1", "1", ""], ["2026-02-16", "", "", "", "", ""]],
            Cells(Run(scenario.Factory, "panel_pr_flow_series", From.PlusWeeks(-1), To.PlusWeeks(1)), phases));
        // By month, February from 02-02: all four, pickup the median of 1, 1, 3, 5 = 2, review of 1, 1, 1, 2 = 1.
        Assert.Equal([["2026-02-02", "1", "2", "1", "1", ""]],
            Cells(Run(scenario.Factory, "panel_pr_flow_series", From.PlusWeeks(-1), To, interval: DevEx.Analytics.Metrics.MetricInterval.Month), phases));
    }

    [Fact]
    public void Ci_time_per_change_now_and_in_the_previous_period()
    {
        var data = Run(scenario.Factory, "panel_ci_wait", From, To);

        // Per pull request of W07: alpha#1 queue 0.1 + run 0.4 = 0.5 h, alpha#2 0.3 + 1.1 = 1.4 h, beta#1 0.1 + 0.2 = 0.3 h:
        // medians 0.5 (queue + run), 0.1 (queue), 0.4 (run); all in working hours, so 0.5 there too. W06's alpha#3 had no CI run.
        Assert.Equal([["0.5", "", "0.1", "", "0.4", "", "0.5", "", "3", "/explain/pull-requests?from=2026-02-09&to=2026-02-16"]],
            Cells(data, "median_hours", "median_hours_previous", "median_queue_hours", "median_queue_hours_previous", "median_run_hours",
                "median_run_hours_previous", "median_working_hours", "median_working_hours_previous", "sample_size", "median_hours__link"));
        // The week after: the window has no merged pull request with CI, the previous period (W07) has the three.
        var next = Run(scenario.Factory, "panel_ci_wait", To, To.PlusWeeks(1));
        Assert.Equal([["", "0.5", "0"]], Cells(next, "median_hours", "median_hours_previous", "sample_size"));
    }

    [Fact]
    public void Ci_workflows_by_rerun_rate_with_failure_rate_and_medians()
    {
        var data = Run(scenario.Factory, "panel_ci_workflows", From, To);

        // build: 3 runs (a1, a2, a2's re-run), 1 of them attempt 2 and 1 a failure of 3 concluded; queue 0.1, 0.2, 0.1 h
        // (median 0.1), run 0.4, 0.7, 0.4 h (median 0.4). test: 1 run on b1, queue 0.1, run 0.2, no re-run, no failure.
        Assert.Equal([["build", "acme/alpha", "3", "0.3333", "0.3333", "0.1", "0.4"], ["test", "acme/beta", "1", "0", "0", "0.1", "0.2"]],
            Cells(data, "workflow", "repo", "runs", "rerun_rate", "failure_rate", "median_queue_hours", "median_run_hours"));
    }

    [Fact]
    public void Slowest_pull_requests_longest_from_ready_to_merged_with_working_hour_phases()
    {
        var data = Run(scenario.Factory, "panel_slowest_pull_requests", From, To);

        // Ready to merged: alpha#2 Tue 10:00 -> 17:00 = 7 h (pickup 5, review 1, merge wait 1), alpha#1 Mon 10:00 -> 16:00 = 6 h
        // (3, 2, 1), beta#1 Wed 10:00 -> 13:00 = 3 h (1, 1, 1); each links to its pull request on GitHub.
        Assert.Equal(
        [
            ["acme/alpha#2", "Search paging", "alpha", "7", "5", "1", "1", "https://github.com/acme/alpha/pull/2"],
            ["acme/alpha#1", "Search endpoint", "alpha", "6", "3", "2", "1", "https://github.com/acme/alpha/pull/1"],
            ["acme/beta#1", "Cache keys", "beta", "3", "1", "1", "1", "https://github.com/acme/beta/pull/1"],
        ], Cells(data, "pull_request", "title", "team", "ready_to_merge_hours", "pickup_working_hours", "review_working_hours",
            "merge_wait_working_hours", "pull_request__link"));
        Assert.Empty(Run(scenario.Factory, "panel_slowest_pull_requests", From, To, team: "nobody").Rows);
    }

    [Fact]
    public void Ticket_flow_now_and_in_the_previous_period()
    {
        var columns = new[] { "throughput", "cycle_median_working_hours", "active_median_working_hours", "wait_median_working_hours",
            "blocked_median_working_hours", "flow_efficiency", "wip", "reopened" };
        var previous = columns.Select(c => c + "_previous").ToArray();

        // W07: BETA-1 (cycle 5, active 1, wait 4) and BETA-2 (cycle 4, active 2, wait 2, blocked 2) done: cycle median 4.5,
        // active 1.5, wait 3, blocked (BETA-2 only) 2, flow efficiency (1 + 2) / (1 + 2 + 4 + 2) = 1/3; BETA-3 in progress at
        // the end. W06 ended before the first transition (Thu 02-12): no previous figures at all.
        var week = Run(scenario.Factory, "panel_tickets", From, To);
        Assert.Equal([["2", "4.5", "1.5", "3", "2", "0.3333", "1", "0"]], Cells(week, columns));
        Assert.Equal([["", "", "", "", "", "", "", ""]], Cells(week, previous));
        Assert.Equal("/explain/tickets?from=2026-02-09&to=2026-02-16", Cells(week, "throughput__link")[0][0]);

        // W08: nothing done, BETA-3 still in progress; the previous period is W07 above.
        var next = Run(scenario.Factory, "panel_tickets", To, To.PlusWeeks(1));
        Assert.Equal([["0", "", "", "", "", "", "1", "0"]], Cells(next, columns));
        Assert.Equal([["2", "4.5", "1.5", "3", "2", "0.3333", "1", "0"]], Cells(next, previous));
    }

    [Fact]
    public void Ticket_time_by_status_over_the_cycles_of_tickets_done()
    {
        var data = Run(scenario.Factory, "panel_ticket_time_by_status", From, To);

        // BETA-1 (done Thu 14:00): Doing 09-10, In Review 10-14. BETA-2 (done Fri 13:00): Doing 09-10, Blocked 10-12, Doing 12-13.
        // In Review 4 h (1 ticket), Doing 1 + 1 + 1 = 3 h (2 tickets), Blocked 2 h (1 ticket); all inside working hours.
        Assert.Equal([["In Review", "4", "4", "1"], ["Doing", "3", "3", "2"], ["Blocked", "2", "2", "1"]],
            Cells(data, "status", "working_hours", "hours", "tickets"));
    }

    [Fact]
    public void Data_quality_items_count_over_all_data_and_link_to_their_rows()
    {
        // A window without any of the scenario's data: the counts are over all data.
        var data = Run(scenario.Factory, "panel_data_quality_items", new LocalDate(2025, 1, 6), new LocalDate(2025, 1, 13));

        var cells = Cells(data, "category", "kind", "count", "count__link");
        // alpha#4's review before ready: one clamped span; the pipeline-run line without a workflow: one reject.
        Assert.Contains(["derivation", "clamped-span", "1", "/explain/data-quality?from=2025-01-06&to=2025-01-13&category=derivation&kind=clamped-span"], cells);
        Assert.Contains(["import-rejects", "POST /api/v1/import/pipeline-runs", "1",
            "/explain/data-quality?from=2025-01-06&to=2025-01-13&category=import-rejects&kind=POST%20%2Fapi%2Fv1%2Fimport%2Fpipeline-runs"], cells);
        Assert.StartsWith("line 5: ", Cells(data, "example")[cells.FindIndex(c => c[0] == "import-rejects")][0]);
    }

    [Fact]
    public void Unmapped_identities_most_used_first_bots_apart()
    {
        var data = Run(scenario.Factory, "panel_unmapped_identities", From, To, team: "alpha");

        // rev: 2 reviews on each of 5 pull requests; dev: author of 6; dev@example.com: 4 commits. No catalog User claims them,
        // none matches the default bot pattern, and the team filter does not narrow them (over all data).
        Assert.Equal(
        [
            ["rev", "10", "reviews", "/explain/identities?from=2026-02-09&to=2026-02-16&team=alpha&identity=rev"],
            ["dev", "6", "pull_requests", "/explain/identities?from=2026-02-09&to=2026-02-16&team=alpha&identity=dev"],
            ["dev@example.com", "4", "commits", "/explain/identities?from=2026-02-09&to=2026-02-16&team=alpha&identity=dev%40example.com"],
        ], Cells(data, "identity", "occurrences", "seen_in", "occurrences__link"));
        Assert.Empty(Run(scenario.Factory, "panel_unmapped_bots", From, To).Rows);
    }

    [Fact]
    public async Task An_identity_matching_the_bot_pattern_is_listed_as_a_bot_only()
    {
        using var factory = FlowScenario.Factory();
        factory.Settings["DevEx:Metrics:BotPattern"] = "^rev$";
        await FlowScenario.LoadAsync(factory, factory.CreateClient());

        Assert.Equal([["rev", "10", "reviews"]], Cells(Run(factory, "panel_unmapped_bots", From, To), "identity", "occurrences", "seen_in"));
        Assert.Equal(["dev", "dev@example.com"], Run(factory, "panel_unmapped_identities", From, To).Rows.Select(r => (string)r[0]!));
    }
}
