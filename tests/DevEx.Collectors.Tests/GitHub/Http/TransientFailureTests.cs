using System.Net;
using System.Net.Sockets;
using DevEx.Collectors.Tests.GitHub.Fake;
using Octokit;

namespace DevEx.Collectors.Tests.GitHub.Http;

/// <summary>
/// Retry n (1-4) of a transient failure waits 2^(n-1) s plus up to 1 s of jitter: 1-2 s, 2-3 s, 4-5 s, 8-9 s.
/// Other 4xx answers go straight back to the caller.
/// </summary>
public sealed class TransientFailureTests
{
    private const string PullPath = "/repos/octocat/Hello-World/pulls/1347";
    private const string BadGateway = """{"message":"Server Error"}""";
    private static readonly string Pull = FakeGitHubServer.Fixture("github/pulls.get.json");

    [Fact]
    public async Task A_502_then_a_200_succeeds_after_one_retry()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        github.Server.Get(PullPath, 502, BadGateway).Then(200, Pull);

        var pull = await github.Client.PullRequest.Get("octocat", "Hello-World", 1347);

        Assert.Equal(1347, pull.Number);
        Assert.Equal((2L, 1L, 0L), (github.Stats.Requests, github.Stats.Retries, github.Stats.RateLimitWaits));
        var backoff = Assert.Single(github.Clock.Delays);
        Assert.InRange(backoff, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Equal(backoff, github.Stats.TimeWaited);
    }

    [Fact]
    public async Task Five_502s_exhaust_four_retries_and_octokit_throws()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        github.Server.Get(PullPath, 502, BadGateway);

        var error = await Assert.ThrowsAsync<ApiException>(() => github.Client.PullRequest.Get("octocat", "Hello-World", 1347));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal((5L, 4L), (github.Stats.Requests, github.Stats.Retries));
        Assert.Equal(5, github.Server.Requests.Count);
        var delays = github.Clock.Delays;
        Assert.Equal(4, delays.Count);
        Assert.InRange(delays[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(delays[1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        Assert.InRange(delays[2], TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
        Assert.InRange(delays[3], TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(9));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Other_server_errors_are_retried_too(int status)
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        github.Server.Get(PullPath, status, BadGateway).Then(200, Pull);

        await github.Client.PullRequest.Get("octocat", "Hello-World", 1347);

        Assert.Equal((2L, 1L), (github.Stats.Requests, github.Stats.Retries));
    }

    [Fact]
    public async Task A_422_surfaces_as_a_validation_error_without_retry()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        github.Server.ReplayOctokitFixture("github/octokit-fixtures/errors/normalized-fixture.json");

        // The recording sent color "invalid", which Octokit refuses before sending; the server answers 422 anyway.
        var error = await Assert.ThrowsAsync<ApiValidationException>(
            () => github.Client.Issue.Labels.Create("octokit-fixture-org", "errors", new NewLabel("foo", "ffffff")));

        Assert.Equal("Validation Failed", error.ApiError.Message);
        var invalid = Assert.Single(error.ApiError.Errors);
        Assert.Equal(("Label", "invalid", "color"), (invalid.Resource, invalid.Code, invalid.Field));
        Assert.Equal(new DevEx.Collectors.GitHub.Http.GitHubRequestStatsSnapshot(1, 0, 0, 0, TimeSpan.Zero), github.Stats.Snapshot());
        var request = Assert.Single(github.Server.Requests);
        Assert.Equal(("POST", "/repos/octokit-fixture-org/errors/labels", 422), (request.Method, request.Path, request.Status));
    }

    [Fact]
    public async Task A_404_is_not_retried()
    {
        await using var github = await GitHubHttpHarness.StartAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => github.Client.PullRequest.Get("octocat", "Hello-World", 1));

        Assert.Equal((1L, 0L), (github.Stats.Requests, github.Stats.Retries));
    }

    [Fact]
    public async Task An_attempt_that_outlasts_its_timeout_is_retried()
    {
        await using var github = await GitHubHttpHarness.StartAsync(attemptTimeout: TimeSpan.FromSeconds(1));
        github.Server.Map("GET", PullPath, new FakeResponse(200, Pull, Delay: TimeSpan.FromSeconds(30))).Then(200, Pull);

        var pull = await github.Client.PullRequest.Get("octocat", "Hello-World", 1347);

        Assert.Equal(1347, pull.Number);
        Assert.Equal((2L, 1L), (github.Stats.Requests, github.Stats.Retries));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_four_times_then_surfaces()
    {
        await using var github = await GitHubHttpHarness.StartAsync(options => options.BaseUrl = $"http://127.0.0.1:{ClosedPort()}");

        await Assert.ThrowsAsync<HttpRequestException>(() => github.Client.PullRequest.Get("octocat", "Hello-World", 1347));

        Assert.Equal((5L, 4L), (github.Stats.Requests, github.Stats.Retries));
        Assert.Equal(4, github.Clock.Delays.Count);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
