using Octokit;
using Octokit.Internal;

namespace DevEx.Collectors.GitHub.Http;

/// <summary>
/// Lifts Octokit's own deadline off its requests. Octokit gives every request 100 s (Request.Timeout, plus
/// HttpClient.Timeout) covering everything below it, so a rate-limit wait in the "github" client's pipeline would be
/// cancelled after 100 s. The pipeline bounds each attempt on the wire instead (<see cref="GitHubHttpClient"/>).
/// </summary>
internal sealed class UnboundedOctokitHttpClient : IHttpClient
{
    private readonly IHttpClient inner;

    public UnboundedOctokitHttpClient(IHttpClient inner)
    {
        this.inner = inner;
        inner.SetRequestTimeout(Timeout.InfiniteTimeSpan);
    }

    public Task<IResponse> Send(IRequest request, CancellationToken cancellationToken, Func<object, object>? preprocessResponseBody = null)
    {
        if (request is Request settable)
        {
            settable.Timeout = TimeSpan.Zero;
        }
        return inner.Send(request, cancellationToken, preprocessResponseBody!);
    }

    public void SetRequestTimeout(TimeSpan timeout) => inner.SetRequestTimeout(timeout);

    public void Dispose() => inner.Dispose();
}
