namespace DevEx.Collectors.GitHub.Http;

/// <summary>
/// Under the "github" client's retries, around every attempt: holds it while <see cref="GitHubRateLimitGate"/> says no
/// request may leave (the reserve is spent, or another request was rate limited), counts it, and shows the gate the
/// response's rate-limit headers. It retries nothing.
/// </summary>
internal sealed class GitHubRateLimitReserveHandler(GitHubRateLimitGate gate, GitHubRequestStats stats) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(request, cancellationToken);
        stats.CountRequest();
        var response = await base.SendAsync(request, cancellationToken);
        gate.Observe(response);
        return response;
    }
}
