using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Tests.Metrics;

/// <summary>ExplainService.SlowestPullRequests: the one selection of "slowest merged pull requests" (report and dashboards).</summary>
public sealed class SlowestPullRequestsTests
{
    [Fact]
    public void Longest_from_ready_to_merged_first_bots_left_out_ties_by_repository_and_number()
    {
        // Ready (= created) to merged, wall clock: api#1 Mon 09:00 → Tue 09:00 = 24 h; api#2 Mon 10:00 → Wed 10:00 = 48 h;
        // web#3 Mon 09:00 → Wed 09:00 = 48 h (a tie with api#2: acme/api sorts before acme/web); api#4 by a bot, Mon 08:00 →
        // Fri 08:00 = 96 h, left out; api#5 Mon 12:00 → 13:00 = 1 h. The three slowest: api#2, web#3, api#1.
        using var scenario = new Scenario()
            .Team("core").Service("api", "core").Service("web", "core", repo: "acme/web")
            .PullRequest(1, "Mon 09:00", "Tue 09:00")
            .PullRequest(2, "Mon 10:00", "Wed 10:00")
            .PullRequest(3, "Mon 09:00", "Wed 09:00", repo: "acme/web")
            .PullRequest(4, "Mon 08:00", "Fri 08:00", author: "renovate[bot]")
            .PullRequest(5, "Mon 12:00", "Mon 13:00")
            .Derive();
        var explain = new ExplainService(new QueryRunner(scenario.Database));

        var slowest = explain.SlowestPullRequests(Scenario.Window("2026-02-02", "2026-02-09"), MetricScope.Org, 3);

        Assert.Equal([("acme/api", 2, 48.0), ("acme/web", 3, 48.0), ("acme/api", 1, 24.0)], slowest.Select(p => (p.Repo, p.Number, p.ReadyToMergedHours)));
    }
}
