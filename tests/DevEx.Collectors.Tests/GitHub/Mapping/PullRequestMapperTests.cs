using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store.Rows;
using Octokit;
using static DevEx.Collectors.Tests.GitHub.Mapping.GitHubFixture;

namespace DevEx.Collectors.Tests.GitHub.Mapping;

public sealed class PullRequestMapperTests
{
    private const string Repo = "octocat/Hello-World";

    [Fact]
    public void Pulls_get_maps_field_by_field_and_an_open_pull_request_is_neither_merged_nor_closed()
    {
        // pulls.get.json: "state": "open", "merged": false, yet merged_at and closed_at are 2011-01-26T19:01:12Z.
        // An open pull request has not been merged: mergedAt and closedAt stay null (see PullRequestMapper.MergedAt).
        var pull = Read<PullRequest>("github/pulls.get.json");

        var row = PullRequestMapper.Map(Repo, pull, readyAt: null);

        Assert.Equal(new PullRequestRow(Repo, 1347, "octocat", At("2011-01-26T19:01:12Z"), null, null, null,
            "e5bd3914e2e596debea16f433f57875b5b90bcd6", "new-topic", "master", "Amazing new feature", row.Labels, 100, 3,
            "https://github.com/octocat/Hello-World/pull/1347", "github"), row);
        Assert.Equal(["bug"], row.Labels);
    }

    [Fact]
    public void A_draft_is_mapped_as_a_draft()
    {
        // pulls.get.json says "draft": false; the same pull request while still a draft says true.
        Assert.False(PullRequestMapper.Map(Repo, Read<PullRequest>("github/pulls.get.json"), readyAt: null).Draft);
        var draft = Parse<PullRequest>(Text("github/pulls.get.json").Replace("\"draft\": false", "\"draft\": true", StringComparison.Ordinal));
        Assert.True(PullRequestMapper.Map(Repo, draft, readyAt: null).Draft);
    }

    [Fact]
    public void Reviews_commits_and_events_come_with_the_pull_request()
    {
        var pull = Read<PullRequest>("github/pulls.get.json");
        var reviews = Read<List<PullRequestReview>>("github/pulls.list-reviews.json");
        // pulls.list-commits returns the same commit objects as repos.list-commits.
        var commits = Read<List<PullRequestCommit>>("github/repos.list-commits.json");

        var rows = PullRequestMapper.Map(Repo, pull, commits, reviews, []);

        Assert.Equal([new ReviewRow(Repo, 1347, "octocat", "APPROVED", At("2019-11-17T17:43:43Z"))], rows.Reviews);
        Assert.Equal([new PullRequestCommitRow(Repo, 1347, "6dcb09b5b57875f334f61aebed695e2e4193db5e")], rows.PullRequestCommits);
        var commit = Assert.Single(rows.Commits);
        Assert.Equal(("6dcb09b5b57875f334f61aebed695e2e4193db5e", "octocat", At("2011-04-14T16:00:49Z")),
            (commit.Sha, commit.Author, commit.AuthoredAt));
        Assert.Empty(rows.ReviewRequests);
        Assert.Null(rows.PullRequest.ReadyAt);
    }

    [Fact]
    public void Opened_as_draft_it_is_ready_at_the_last_ready_for_review_event()
    {
        var pull = Read<PullRequest>("github/pulls.get.json");
        var events = Parse<List<IssueEvent>>("""
            [
              {"id": 1, "event": "review_requested", "created_at": "2011-01-26T19:05:00Z", "requested_reviewer": {"login": "hubot"}},
              {"id": 2, "event": "ready_for_review", "created_at": "2011-01-27T09:00:00Z"},
              {"id": 3, "event": "convert_to_draft", "created_at": "2011-01-27T10:00:00Z"},
              {"id": 4, "event": "ready_for_review", "created_at": "2011-01-28T08:30:00Z"},
              {"id": 5, "event": "review_requested", "created_at": "2011-01-28T08:31:00Z", "requested_team": {"name": "core"}}
            ]
            """);

        var rows = PullRequestMapper.Map(Repo, pull, [], [], events);

        Assert.Equal(At("2011-01-28T08:30:00Z"), rows.PullRequest.ReadyAt); // event 4, the last ready_for_review
        // Event 5 asks a team, which names no person: left out.
        Assert.Equal([new ReviewRequestRow(Repo, 1347, "hubot", At("2011-01-26T19:05:00Z"))], rows.ReviewRequests);
    }

    [Fact]
    public void Opened_ready_for_review_it_has_no_ready_time_even_after_a_round_trip_through_draft()
    {
        var pull = Read<PullRequest>("github/pulls.get.json");
        var events = Parse<List<IssueEvent>>("""
            [
              {"id": 1, "event": "convert_to_draft", "created_at": "2011-01-27T10:00:00Z"},
              {"id": 2, "event": "ready_for_review", "created_at": "2011-01-28T08:30:00Z"}
            ]
            """);

        Assert.Null(PullRequestMapper.ReadyAt(pull, events));
    }

    [Fact]
    public void A_webhook_pull_request_closed_without_merge_is_closed_and_not_merged()
    {
        // pull_request/closed.payload.json: state closed, merged false, merged_at null, closed_at 2019-05-15T15:21:18Z.
        var pull = Read<PullRequest>("github-webhooks/pull_request/closed.payload.json", "pull_request");

        var row = PullRequestMapper.Map("Codertocat/Hello-World", pull, readyAt: null);

        Assert.Equal((2, "Codertocat", At("2019-05-15T15:20:33Z")), (row.Number, row.Author, row.CreatedAt));
        Assert.Null(row.MergedAt);
        Assert.Equal(At("2019-05-15T15:21:18Z"), row.ClosedAt);
        Assert.Equal((1, 1), (row.Additions, row.Deletions));
    }

    [Fact]
    public void The_merged_reallyfastci_pull_request_is_merged_at_its_merge_time()
    {
        var pull = Read<PullRequest>("github-webhooks/reallyfastci/webhook-pr-close.json", "pull_request");

        var row = PullRequestMapper.Map("ailisp/gcbapp-buildconfig-example", pull, readyAt: null);

        Assert.Equal(new PullRequestRow("ailisp/gcbapp-buildconfig-example", 3, "byao1276", At("2019-11-13T01:28:51Z"), null,
            At("2019-11-26T07:01:13Z"), At("2019-11-26T07:01:13Z"), "a21683865c088b5fe1906cf6552d15a285a4986d",
            "byao1276-patch-1", "master", "Byao1276 patch 1", row.Labels, 6, 0,
            "https://github.com/ailisp/gcbapp-buildconfig-example/pull/3", "github"), row);
        Assert.Empty(row.Labels);
    }
}
