using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Tests.Metrics;

/// <summary>queries/open_pull_requests.sql: open pull requests waiting for a first review by someone else, at a moment.</summary>
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
        var service = new OpenPullRequestService(new QueryRunner(scenario.Database));
        var open = service.AwaitingReview(Scenario.At("Wed 12:00"), MetricScope.Org);
        Assert.Equal([(1, 51.0, "core"), (3, 50.0, "core"), (8, 28.0, "core"), (2, 26.0, "core")], open.Select(p => (p.Number, p.WaitingHours, p.OwnerTeam!)));
        Assert.Equal([1], service.AwaitingReview(Scenario.At("Wed 12:00"), MetricScope.Org, limit: 1).Select(p => p.Number));
        Assert.Empty(service.AwaitingReview(Scenario.At("Wed 12:00"), new MetricScope(Team: "other")));
        // At Tue 09:00 #2 was not ready yet, while #4 (reviewed at 11:00) and #6 (merged at 10:00) were still waiting.
        Assert.Equal([1, 3, 4, 6, 8], service.AwaitingReview(Scenario.At("Tue 09:00"), MetricScope.Org).Select(p => p.Number));
    }
}
