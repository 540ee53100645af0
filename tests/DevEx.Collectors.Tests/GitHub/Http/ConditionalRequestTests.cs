using DevEx.Collectors.GitHub.Http;
using DevEx.Collectors.Tests.GitHub.Fake;
using DevEx.Store.State;
using Octokit;

namespace DevEx.Collectors.Tests.GitHub.Http;

/// <summary>
/// Replays octokit/fixtures paginate-issues: 5 recorded pages of 3, 3, 3, 3 and 1 issues (numbers 13 down to 1),
/// page 1 at /repos/octokit-fixture-org/paginate-issues/issues?per_page=3, pages 2-5 at
/// /repositories/1000/issues?per_page=3&amp;page=n (the recorded Link headers), every page with the ETag
/// "00000000000000000000000000000000".
/// </summary>
public sealed class ConditionalRequestTests
{
    private const string RecordedETag = "\"00000000000000000000000000000000\"";
    private static readonly int[] AllIssueNumbers = [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    private static readonly string?[] Pages = [null, "2", "3", "4", "5"];

    [Fact]
    public async Task Pagination_follows_the_recorded_link_headers_through_all_five_pages()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        github.Server.ReplayOctokitFixture("github/octokit-fixtures/paginate-issues/normalized-fixture.json");

        var issues = await ListIssues(github);

        Assert.Equal(AllIssueNumbers, issues.Select(i => i.Number));
        var requests = github.Server.Requests;
        Assert.Equal(
            ["/repos/octokit-fixture-org/paginate-issues/issues", .. Enumerable.Repeat("/repositories/1000/issues", 4)],
            requests.Select(r => r.Path));
        Assert.Equal(Pages, requests.Select(r => r.Query.GetValueOrDefault("page")));
        Assert.All(requests, r => Assert.Equal("3", r.Query["per_page"]));
        Assert.All(requests, r => Assert.True(r.ApiV3Prefix));
        Assert.All(requests, r => Assert.Null(r.IfNoneMatch));
        Assert.Equal(new GitHubRequestStatsSnapshot(5, 0, 0, 0, TimeSpan.Zero), github.Stats.Snapshot());
    }

    [Fact]
    public async Task A_second_identical_run_sends_if_none_match_and_is_answered_by_304s_alone()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        github.Server.ReplayOctokitFixture("github/octokit-fixtures/paginate-issues/normalized-fixture.json");
        var first = await ListIssues(github);
        github.Stats.Reset();
        github.Server.ClearRequests();

        var second = await ListIssues(github);

        Assert.Equal(AllIssueNumbers, second.Select(i => i.Number));
        Assert.Equal(first.Select(i => (i.Id, i.Title, i.State.StringValue)), second.Select(i => (i.Id, i.Title, i.State.StringValue)));
        var requests = github.Server.Requests;
        Assert.Equal(Pages, requests.Select(r => r.Query.GetValueOrDefault("page")));
        Assert.All(requests, r => Assert.Equal(RecordedETag, r.IfNoneMatch));
        Assert.All(requests, r => Assert.Equal(304, r.Status));
        Assert.Equal(new GitHubRequestStatsSnapshot(5, 5, 0, 0, TimeSpan.Zero), github.Stats.Snapshot());
    }

    [Fact]
    public async Task The_cache_survives_a_new_database_instance_on_the_same_file()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        github.Server.ReplayOctokitFixture("github/octokit-fixtures/paginate-issues/normalized-fixture.json");
        await ListIssues(github);

        github.Restart();
        var issues = await ListIssues(github);

        Assert.Equal(AllIssueNumbers, issues.Select(i => i.Number));
        Assert.All(github.Server.Requests, r => Assert.Equal(304, r.Status));
        Assert.Equal(5, github.Stats.NotModified);
    }

    [Fact]
    public async Task A_not_modified_answer_reaches_the_caller_as_a_200_marked_as_a_cache_hit()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        github.Server.Get("/repos/octocat/Hello-World/pulls/1347", body: FakeGitHubServer.Fixture("github/pulls.get.json"), etag: "W/\"pr-1347\"");
        var uri = new Uri("repos/octocat/Hello-World/pulls/1347", UriKind.Relative);

        var fresh = await github.Client.Connection.Get<PullRequest>(uri, null);
        var cached = await github.Client.Connection.Get<PullRequest>(uri, null);

        Assert.Equal(200, (int)fresh.HttpResponse.StatusCode);
        Assert.False(fresh.HttpResponse.Headers.ContainsKey(GitHubConditionalRequestHandler.CacheHeader));
        Assert.Equal(200, (int)cached.HttpResponse.StatusCode);
        Assert.Equal("hit", cached.HttpResponse.Headers[GitHubConditionalRequestHandler.CacheHeader]);
        Assert.Equal((1347, "Amazing new feature"), (cached.Body.Number, cached.Body.Title));
        Assert.Equal([200, 304], github.Server.Requests.Select(r => r.Status));
        Assert.Equal("W/\"pr-1347\"", github.Server.Requests[1].IfNoneMatch);
    }

    [Fact]
    public async Task Without_an_etag_last_modified_is_sent_back_as_if_modified_since()
    {
        const string lastModified = "Sat, 28 Feb 2026 10:00:00 GMT";
        await using var github = await GitHubHttpHarness.StartAsync();
        github.Server.Get("/repos/octocat/Hello-World/pulls/1347", body: FakeGitHubServer.Fixture("github/pulls.get.json"), lastModified: lastModified);

        await github.Client.PullRequest.Get("octocat", "Hello-World", 1347);
        var again = await github.Client.PullRequest.Get("octocat", "Hello-World", 1347);

        Assert.Equal(1347, again.Number);
        var requests = github.Server.Requests;
        Assert.Equal([null, lastModified], requests.Select(r => r.IfModifiedSince));
        Assert.All(requests, r => Assert.Null(r.IfNoneMatch));
        Assert.Equal([200, 304], requests.Select(r => r.Status));
        Assert.Equal(1, github.Stats.NotModified);
    }

    [Fact]
    public async Task The_store_keeps_the_latest_response_per_url()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        var store = new HttpCacheStore(github.Database, github.Clock);

        store.Put("https://ghe.example.com/api/v3/repos/acme/api", "\"v1\"", null, null, "{\"v\":1}");
        store.Put("https://ghe.example.com/api/v3/repos/acme/api", "\"v2\"", "Sun, 01 Mar 2026 11:00:00 GMT", "<x>; rel=\"next\"", "{\"v\":2}");

        Assert.Equal(
            new CachedResponse("\"v2\"", "Sun, 01 Mar 2026 11:00:00 GMT", "<x>; rel=\"next\"", "{\"v\":2}"),
            store.Get("https://ghe.example.com/api/v3/repos/acme/api"));
        Assert.Null(store.Get("https://ghe.example.com/api/v3/repos/acme/web"));
    }

    private static Task<IReadOnlyList<Issue>> ListIssues(GitHubHttpHarness github) =>
        github.Client.Issue.GetAllForRepository("octokit-fixture-org", "paginate-issues", new ApiOptions { PageSize = 3 });
}
