using DevEx.Collectors.GitHub.Http;
using DevEx.Collectors.Tests.GitHub.Fake;
using Octokit;

namespace DevEx.Collectors.Tests.GitHub.Http;

/// <summary>
/// Rate limits on the harness clock, which starts at 2026-03-01 12:00:00 UTC and moves only by the waits the handler
/// asks for. Reserve: 50 requests. A wait for a reset lasts until reset + 1 s.
/// </summary>
public sealed class RateLimitTests
{
    private const string PullPath = "/repos/octocat/Hello-World/pulls/1347";
    private static readonly string Pull = FakeGitHubServer.Fixture("github/pulls.get.json");

    [Fact]
    public async Task A_403_primary_rate_limit_waits_until_the_reset_then_succeeds()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        var reset = EpochSeconds("2026-03-01T12:10:00Z");
        github.Server.Get(PullPath, 403, """{"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}""",
                FakeResponse.RateLimitHeaders(remaining: 0, reset))
            .Then(200, Pull, FakeResponse.RateLimitHeaders(remaining: 4999, EpochSeconds("2026-03-01T13:10:01Z")));

        var pull = await github.Client.PullRequest.Get("octocat", "Hello-World", 1347);

        Assert.Equal(1347, pull.Number);
        // 12:00:00 → 12:10:01: ten minutes to the reset and the one-second margin.
        Assert.Equal([TimeSpan.FromSeconds(601)], github.Clock.Delays);
        Assert.Equal(DateTimeOffset.Parse("2026-03-01T12:10:01Z"), github.Clock.GetUtcNow());
        Assert.Equal(new GitHubRequestStatsSnapshot(2, 0, 0, 1, TimeSpan.FromSeconds(601)), github.Stats.Snapshot());
        Assert.Equal([403, 200], github.Server.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_429_with_retry_after_waits_that_many_seconds()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        github.Server.Get(PullPath, 429, """{"message":"You have exceeded a secondary rate limit."}""",
                new Dictionary<string, string> { ["Retry-After"] = "3", ["x-ratelimit-remaining"] = "4000" })
            .Then(200, Pull);

        var pull = await github.Client.PullRequest.Get("octocat", "Hello-World", 1347);

        Assert.Equal(1347, pull.Number);
        Assert.Equal([TimeSpan.FromSeconds(3)], github.Clock.Delays);
        Assert.Equal(new GitHubRequestStatsSnapshot(2, 0, 0, 1, TimeSpan.FromSeconds(3)), github.Stats.Snapshot());
    }

    [Fact]
    public async Task A_secondary_limit_403_without_retry_after_waits_a_minute_then_two()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        const string secondary = """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}""";
        github.Server.Get(PullPath, 403, secondary).Then(403, secondary).Then(200, Pull);

        var pull = await github.Client.PullRequest.Get("octocat", "Hello-World", 1347);

        Assert.Equal(1347, pull.Number);
        Assert.Equal([TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)], github.Clock.Delays);
        Assert.Equal(new GitHubRequestStatsSnapshot(3, 0, 0, 2, TimeSpan.FromSeconds(180)), github.Stats.Snapshot());
    }

    [Fact]
    public async Task Remaining_below_the_reserve_holds_the_next_request_until_the_reset()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        var reset = EpochSeconds("2026-03-01T12:05:00Z");
        github.Server.Get("/repos/acme/api/pulls/1", body: Pull, headers: FakeResponse.RateLimitHeaders(remaining: 50, reset));
        github.Server.Get("/repos/acme/api/pulls/2", body: Pull, headers: FakeResponse.RateLimitHeaders(remaining: 49, reset));
        github.Server.Get("/repos/acme/api/pulls/3", body: Pull, headers: FakeResponse.RateLimitHeaders(remaining: 4999, EpochSeconds("2026-03-01T13:05:01Z")));

        await github.Client.PullRequest.Get("acme", "api", 1);
        var afterFifty = github.Clock.Delays.Count;
        await github.Client.PullRequest.Get("acme", "api", 2);
        var afterFortyNine = github.Clock.Delays.Count;
        await github.Client.PullRequest.Get("acme", "api", 3);

        // 50 left is the reserve itself: no wait. 49 left: the next request waits 12:00:00 → 12:05:01.
        Assert.Equal(0, afterFifty);
        Assert.Equal(0, afterFortyNine);
        Assert.Equal([TimeSpan.FromSeconds(301)], github.Clock.Delays);
        Assert.Equal(new GitHubRequestStatsSnapshot(3, 0, 0, 1, TimeSpan.FromSeconds(301)), github.Stats.Snapshot());
    }

    [Theory]
    [InlineData("1772366400", "2026-03-01T12:00:00Z")]
    // The octokit paginate fixture's reset: 2017-10-10T16:00:00Z written in milliseconds.
    [InlineData("1507651200000", "2017-10-10T16:00:00Z")]
    public void The_reset_header_is_epoch_seconds_or_recorded_milliseconds(string header, string expected)
    {
        using var response = new HttpResponseMessage();
        response.Headers.Add("x-ratelimit-reset", header);

        Assert.Equal(DateTimeOffset.Parse(expected), GitHubRateLimitGate.ResetAt(response));
    }

    [Fact]
    public async Task A_plain_403_is_handed_over_at_once()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        github.Server.Get(PullPath, 403, """{"message":"Resource not accessible by integration"}""", FakeResponse.RateLimitHeaders(remaining: 4000, EpochSeconds("2026-03-01T12:30:00Z")));

        await Assert.ThrowsAsync<ForbiddenException>(() => github.Client.PullRequest.Get("octocat", "Hello-World", 1347));

        Assert.Empty(github.Clock.Delays);
        Assert.Equal(new GitHubRequestStatsSnapshot(1, 0, 0, 0, TimeSpan.Zero), github.Stats.Snapshot());
    }

    [Fact]
    public async Task A_primary_limit_that_never_lifts_surfaces_after_five_waits()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        github.Server.Get(PullPath, 403, """{"message":"API rate limit exceeded for user ID 1."}""",
            FakeResponse.RateLimitHeaders(remaining: 0, EpochSeconds("2026-03-01T12:10:00Z")));

        await Assert.ThrowsAsync<RateLimitExceededException>(() => github.Client.PullRequest.Get("octocat", "Hello-World", 1347));

        // The first wait reaches 12:10:01; the reset then lies behind, so each further wait is the 1 s minimum.
        Assert.Equal([TimeSpan.FromSeconds(601), .. Enumerable.Repeat(TimeSpan.FromSeconds(1), 4)], github.Clock.Delays);
        Assert.Equal(6, github.Stats.Requests);
    }

    [Fact]
    public async Task A_reset_beyond_the_longest_wait_fails_at_once_naming_the_setting()
    {
        await using var github = await GitHubHttpHarness.StartAsync(options => options.MaxRateLimitWait = TimeSpan.FromMinutes(5));
        github.Server.Get(PullPath, 403, """{"message":"API rate limit exceeded for user ID 1."}""",
            FakeResponse.RateLimitHeaders(remaining: 0, EpochSeconds("2026-03-01T12:10:00Z")));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => github.Client.PullRequest.Get("octocat", "Hello-World", 1347));

        // 12:00:00 → 12:10:01 is 10 min 1 s, more than the 5 min allowed: no wait, no retry, one request.
        Assert.Contains("wait 00:10:01", error.Message);
        Assert.Contains("DevEx:GitHub:MaxRateLimitWait (00:05:00)", error.Message);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Empty(github.Clock.Delays);
        Assert.Single(github.Server.Requests);
    }

    private static long EpochSeconds(string instant) => DateTimeOffset.Parse(instant).ToUnixTimeSeconds();
}
