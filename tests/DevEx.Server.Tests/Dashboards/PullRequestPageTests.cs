using static DevEx.Server.Tests.Dashboards.PageHtml;

namespace DevEx.Server.Tests.Dashboards;

// Queries: queries/pr_pickup_samples.sql (the pickup distribution: 3, 5 and 1 h in W07).
/// <summary>
/// "Pull requests and CI" over <see cref="FlowScenario"/>, window W07: merged alpha#1, alpha#2, beta#1 with pickup 3, 5,
/// 1 h; review 2, 1, 1; merge wait 1, 1, 1; coding 1, 1, 1; CI per pull request 0.5, 1.4, 0.3 h (queue 0.1, 0.3, 0.1;
/// run 0.4, 1.1, 0.2). W06: alpha#3 with pickup, review and merge wait of 1 h, no CI.
/// </summary>
public sealed class PullRequestPageTests(FlowScenarioFixture scenario) : IClassFixture<FlowScenarioFixture>
{
    private const string Link = "from=2026-02-09&to=2026-02-16";

    private Task<string> PageAsync() => scenario.PageAsync($"/dashboards/pull-requests?{FlowScenario.Week}");

    [Fact]
    public async Task Phase_medians_with_trends_and_ci_time_per_change_link_to_the_pull_requests()
    {
        var html = await PageAsync();
        var pickup = Panel(html, "pickup");
        Assert.Equal("3 h", Stat(pickup)); // median of 3, 5, 1
        Assert.Contains("up 2 h from 1 h", pickup);
        Assert.Equal($"/explain/pull-requests?{Link}", StatLink(pickup));
        var review = Panel(html, "review");
        Assert.Equal("1 h", Stat(review)); // median of 2, 1, 1
        Assert.Contains("no change from 1 h", review);
        var ci = Panel(html, "ci-wait");
        Assert.Equal("0.5 h", Stat(ci)); // median of 0.5, 1.4, 0.3
        Assert.Equal($"/explain/pull-requests?{Link}", StatLink(ci));
        Assert.Equal(["previous period: –"], PageHtml.Texts(ci, "p.trend")); // W06's one pull request had no CI run
    }

    [Fact]
    public async Task The_phase_chart_stacks_each_phase_median_per_week()
    {
        var chart = Panel(await PageAsync(), "phases");
        Assert.Equal(["ISO week", "Coding", "Pickup", "Review", "Merge wait", "Deploy wait"], Headers(chart));
        Assert.Equal(["2026-W07", "1 h", "3 h", "1 h", "1 h", "–"], Assert.Single(Rows(chart))); // no deployments: no deploy wait
        Assert.Equal($"/explain/pull-requests?{Link}", Assert.Single(Links(chart))[2]);
    }

    [Fact]
    public async Task The_pickup_distribution_is_over_the_merged_pull_requests_pickups()
    {
        // W07 pickups 3, 5 and 1 h (alpha#1, alpha#2, beta#1). Three samples: Sturges gives ceil(log2 3 + 1) = 3 bins,
        // width (5 - 1) / 3 = 1.33 rounded up to 2, from 0: [0, 2) holds 1 h, [2, 4) 3 h, [4, 6] 5 h. The table view lists
        // those bins, as the chart draws them, each count linked to the pull requests of the window.
        var panel = Panel(await PageAsync(), "pickup-distribution");
        Assert.Equal(["Pickup working hours", "Count"], Headers(panel).TakeLast(2));
        Assert.Equal([["0–2 h", "1"], ["2–4 h", "1"], ["4–6 h", "1"]], Rows(panel));
        Assert.Equal([null, $"/explain/pull-requests?{Link}"], Links(panel)[0]);
        Assert.Contains("Each range holds its lower bound but not its upper one; the last holds both.", panel);
        Assert.Contains("3 samples of working hours to first review: from 1 to 5, median 3. Most samples (1) are between 0 and 2.",
            System.Net.WebUtility.HtmlDecode(panel));
    }

    [Fact]
    public async Task Open_and_slowest_pull_requests_link_to_github()
    {
        var html = await PageAsync();
        var waiting = Panel(html, "waiting-for-review");
        // beta#2, ready Mon 02-16 09:00, no review by Wed 02-18 12:00: 2 days and 3 hours.
        Assert.Equal(["acme/beta#2", "Cache headers", "beta", "2026-02-16 09:00 UTC", "51 h"], Assert.Single(Rows(waiting)));
        Assert.Equal("https://github.com/acme/beta/pull/2", Links(waiting)[0][0]);

        var slowest = Panel(html, "slowest");
        // Ready to merged: alpha#2 10:00 -> 17:00 = 7 h, alpha#1 10:00 -> 16:00 = 6 h, beta#1 10:00 -> 13:00 = 3 h.
        Assert.Equal(
        [
            ["acme/alpha#2", "Search paging", "alpha", "7 h", "5 h", "1 h", "1 h"],
            ["acme/alpha#1", "Search endpoint", "alpha", "6 h", "3 h", "2 h", "1 h"],
            ["acme/beta#1", "Cache keys", "beta", "3 h", "1 h", "1 h", "1 h"],
        ], Rows(slowest));
        Assert.Equal("https://github.com/acme/alpha/pull/2", Links(slowest)[0][0]);
    }

    [Fact]
    public async Task Workflows_show_runs_reruns_failures_and_medians()
    {
        var workflows = Panel(await PageAsync(), "workflows");
        Assert.Equal(
        [
            // 3 runs, 1 a re-run; 1 failure of 3 concluded; queue 0.1, 0.2, 0.1; run 0.4, 0.7, 0.4
            ["build", "acme/alpha", "3", "33.3%", "33.3%", "0.1 h", "0.4 h"],
            ["test", "acme/beta", "1", "0%", "0%", "0.1 h", "0.2 h"],
        ], Rows(workflows));
    }

    [Fact]
    public async Task The_pull_request_listing_has_each_ones_ci_runs_queue_and_run_time()
    {
        var html = await scenario.PageAsync($"/explain/pull-requests?{FlowScenario.Week}");
        Assert.Equal(["acme/beta#1", "acme/alpha#2", "acme/alpha#1"], RowIds(html)); // newest merge first
        var headers = Headers(html);
        Assert.Equal(["CI runs", "CI queue", "CI run"], headers.Skip(9).Take(3));
        var rows = Rows(html);
        Assert.Equal(["1", "0.1 h", "0.2 h"], rows[0][9..12]);
        Assert.Equal(["2", "0.3 h", "1.1 h"], rows[1][9..12]); // 12 + 6 min queued, 42 + 24 min running
        Assert.Equal(["1", "0.1 h", "0.4 h"], rows[2][9..12]);
        Assert.Equal(["https://github.com/acme/beta/pull/1", "https://github.com/acme/alpha/pull/2", "https://github.com/acme/alpha/pull/1"],
            Links(html).Select(r => r[0]));
    }
}
