using DevEx.Collectors.GitHub;
using DevEx.Collectors.GitHub.Http;
using Octokit;
using Octokit.Internal;

namespace DevEx.Collectors.Tests.GitHub.Http;

public sealed class GitHubClientFactoryTests
{
    [Theory]
    [InlineData("https://api.github.com", "https://api.github.com/")]
    [InlineData("https://api.github.com/", "https://api.github.com/")]
    [InlineData("https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com", "https://ghe.example.com/api/v3/")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/api/v3/")]
    public void The_api_root_is_octokits_default_or_the_host_root_plus_api_v3(string baseUrl, string expected)
    {
        Assert.Equal(new Uri(expected), GitHubClientFactory.ApiRoot(new GitHubOptions { BaseUrl = baseUrl }));
    }

    [Fact]
    public async Task Octokits_own_100_second_deadline_is_lifted_so_rate_limit_waits_are_not_cut_short()
    {
        var inner = new RecordingHttpClient();
        using var client = new UnboundedOctokitHttpClient(inner);
        var request = new Request { Method = HttpMethod.Get, BaseAddress = new Uri("https://api.github.com/"), Endpoint = new Uri("rate_limit", UriKind.Relative) };
        var octokitDefault = request.Timeout;

        await client.Send(request, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(100), octokitDefault);
        Assert.Equal([TimeSpan.Zero], inner.SentTimeouts);
        Assert.Equal([Timeout.InfiniteTimeSpan], inner.RequestTimeouts);
    }

    private sealed class RecordingHttpClient : IHttpClient
    {
        public List<TimeSpan> SentTimeouts { get; } = [];

        public List<TimeSpan> RequestTimeouts { get; } = [];

        public Task<IResponse> Send(IRequest request, CancellationToken cancellationToken, Func<object, object>? preprocessResponseBody = null)
        {
            SentTimeouts.Add(request.Timeout);
            return Task.FromResult<IResponse>(null!);
        }

        public void SetRequestTimeout(TimeSpan timeout) => RequestTimeouts.Add(timeout);

        public void Dispose()
        {
        }
    }
}
