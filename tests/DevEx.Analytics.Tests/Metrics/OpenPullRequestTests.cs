using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Tests.Metrics;

/// <summary>queries/open_pull_requests.sql: open pull requests and what they wait for, as of an instant.</summary>
public sealed class OpenPullRequestTests
{
    [Fact]
    public void Lists_open_ready_unreviewed_pull_requests_longest_waiting_first()
    {
        // Now = Wed 12:00. #1 ready Mon 09:00 (51 h), #2 ready Tue 10:00 (26 h), #3 reviewed by its own author's other
        // login (still waiting; 50 h), #4 reviewed by someone else, #5 a draft, #6 merged Tue 10:00, #7 by a bot, #8 opened
        // ready for review Tue 08:00 (no readyAt: ready when created; 28 h).
        using var scenario = new Scenario()
            .Team("core").Service("api", "core")
            .Person("ana", "ana", "ana-work").Person("bo", "bo")
            .PullRequest(1, "Mon 08:00", null, ready: "Mon 09:00", author: "ana")
            .PullRequest(2, "Tue 10:00", null, ready: "Tue 10:00", author: "bo")
            .PullRequest(3, "Mon 10:00", null, ready: "Mon 10:00", author: "ana")
            .Review(3, "ana-work", "COMMENTED", "Mon 11:00")
            .PullRequest(4, "Mon 10:00", null, ready: "Mon 10:00", author: "ana")
            .Review(4, "bo", "COMMENTED", "Tue 11:00")
            .PullRequest(5, "Mon 10:00", null, author: "ana", draft: true)
            .PullRequest(6, "Mon 10:00", "Tue 10:00", ready: "Mon 10:00", author: "ana")
            .PullRequest(7, "Mon 10:00", null, ready: "Mon 10:00", author: "dependabot[bot]")
            .PullRequest(8, "Tue 08:00", null, author: "bo")
            .Derive();
        var service = Service(scenario);
        var open = service.AwaitingReview(Scenario.At("Wed 12:00"), MetricScope.Org);
        Assert.Equal([(1, 51.0, "core"), (3, 50.0, "core"), (8, 28.0, "core"), (2, 26.0, "core")], open.Select(p => (p.Number, p.WaitingHours, p.OwnerTeam!)));
        Assert.Equal([1], service.AwaitingReview(Scenario.At("Wed 12:00"), MetricScope.Org, limit: 1).Select(p => p.Number));
        Assert.Empty(service.AwaitingReview(Scenario.At("Wed 12:00"), new MetricScope(Team: "other")));
        // At Tue 09:00 #2 was not ready yet, while #4 (reviewed at 11:00) and #6 (merged at 10:00) were still waiting.
        Assert.Equal([1, 3, 4, 6, 8], service.AwaitingReview(Scenario.At("Tue 09:00"), MetricScope.Org).Select(p => p.Number));
        // Every open one at Wed 12:00, with what it waits for: #4 (reviewed by bo, not its author ana) waits for merge, 50 h.
        Assert.Equal([(1, "review"), (3, "review"), (4, "merge"), (8, "review"), (2, "review")],
            service.Waiting(Scenario.At("Wed 12:00"), MetricScope.Org, 10).Select(p => (p.Number, p.WaitingFor)));
    }

    [Fact]
    public void The_author_commenting_on_their_own_pull_request_from_another_identity_does_not_end_its_wait_for_review()
    {
        // ana writes as "ana" and "ana@example.com" (one person); #1 ready Mon 09:00, ana comments Mon 10:00 from her email:
        // at Tue 09:00 it has waited 24 h for review. bo's comment on #2 (ready Mon 09:00) is a review: #2 waits for merge.
        using var scenario = new Scenario()
            .Team("core").Service("api", "core")
            .Person("ana", "ana", "ana@example.com").Person("bo", "bo")
            .PullRequest(1, "Mon 09:00", null, author: "ana").Review(1, "ana@example.com", "COMMENTED", "Mon 10:00")
            .PullRequest(2, "Mon 09:00", null, author: "ana").Review(2, "bo", "COMMENTED", "Mon 10:00")
            .Derive();
        var service = Service(scenario);
        Assert.Equal([(1, 24.0, "review"), (2, 24.0, "merge")],
            service.Waiting(Scenario.At("Tue 09:00"), MetricScope.Org, 10).Select(p => (p.Number, p.WaitingHours, p.WaitingFor)));
        Assert.Equal([1], service.AwaitingReview(Scenario.At("Tue 09:00"), MetricScope.Org).Select(p => p.Number));
    }

    [Fact]
    public void Bots_are_those_of_the_configured_pattern_matched_as_pull_request_flow_matches_them()
    {
        // DevEx:Metrics:BotPattern "-robot$" (case-insensitive, as the flow derivation reads it): "Release-ROBOT" is a bot
        // and left out; "dependabot[bot]" is not a bot under this pattern, so it is listed, like any person.
        using var scenario = new Scenario()
            .Team("core").Service("api", "core")
            .PullRequest(1, "Mon 09:00", null, author: "Release-ROBOT")
            .PullRequest(2, "Mon 10:00", null, author: "dependabot[bot]")
            .PullRequest(3, "Mon 11:00", null, author: "ana");
        scenario.Options.BotPattern = "-robot$";
        scenario.Derive();
        Assert.Equal([2, 3], Service(scenario).AwaitingReview(Scenario.At("Tue 09:00"), MetricScope.Org).Select(p => p.Number));
    }

    [Fact]
    public void The_owner_team_is_that_of_merged_pull_requests_of_the_repository()
    {
        // acme/api belongs to three services: "aaa" (no owner), "api" (core) and "api-worker" (web). The owner is the first
        // by service id that has one: core, as d_pull_requests has it for the merged #1. Before, the dashboard took the
        // first service whatever its owner and the report listed the pull request for every owning team.
        using var scenario = new Scenario()
            .Team("core").Team("web").Service("aaa", null).Service("api", "core").Service("api-worker", "web")
            .PullRequest(1, "Mon 09:00", "Mon 12:00")
            .PullRequest(2, "Mon 09:00", null)
            .Derive();
        var merged = Assert.Single(new ExplainService(new QueryRunner(scenario.Database)).PullRequests(Scenario.Window("2026-02-02", "2026-02-09"), MetricScope.Org));
        Assert.Equal("core", merged.OwnerTeam);
        var service = Service(scenario);
        Assert.Equal([(2, "core")], service.Waiting(Scenario.At("Tue 09:00"), new MetricScope(Team: "core"), 10).Select(p => (p.Number, p.OwnerTeam!)));
        Assert.Empty(service.Waiting(Scenario.At("Tue 09:00"), new MetricScope(Team: "web"), 10));
    }

    private static OpenPullRequestService Service(Scenario scenario) => new(new QueryRunner(scenario.Database), scenario.Options);
}
