using System.Net;
using DevEx.Collectors.Http;
using DevEx.Store.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace DevEx.Collectors.GitHub.Http;

/// <summary>
/// The "github" client every GitHub request goes through (Octokit's, via <see cref="GitHubClientFactory"/>, and the
/// App token exchange), outermost first:
/// <list type="number">
/// <item><see cref="GitHubConditionalRequestHandler"/>: ETag / 304 cache.</item>
/// <item>Resilience pipeline "github-retry": rate limits (403/429 with Retry-After, a spent primary limit or a secondary
/// limit) wait what <see cref="GitHubRateLimitGate"/> reads from the response, at most <see cref="MaxRateLimitWaits"/>
/// times, and fail at once with a message naming the reset when that is beyond
/// <see cref="GitHubOptions.MaxRateLimitWait"/>; inside it, 500/502/503/504/408, connection failures and attempt
/// timeouts are retried <see cref="HttpRetryOptions.MaxRetries"/> times with exponential backoff and jitter. Other
/// 4xx go back to Octokit at once.</item>
/// <item><see cref="GitHubRateLimitReserveHandler"/>: holds each attempt while the reserve is spent, counts it.</item>
/// <item>Resilience pipeline "github-attempt": <see cref="HttpRetryOptions.AttemptTimeout"/> per attempt on the wire
/// (below the reserve, so a rate-limit wait is not cut short).</item>
/// </list>
/// All waiting goes through the <see cref="TimeProvider"/> in DI. Headers are never logged (they hold the token).
/// </summary>
public static class GitHubHttpClient
{
    public const string Name = "github";

    /// <summary>Rate-limit responses one request waits out before its 403/429 is handed to the caller.</summary>
    public const int MaxRateLimitWaits = 5;

    /// <summary>Needs <see cref="GitHubOptions"/>, <see cref="HttpCacheStore"/> and <see cref="GitHubRequestStats"/> in DI.</summary>
    public static IHttpClientBuilder AddGitHubHttpClient(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GitHubRateLimitGate(sp.GetRequiredService<GitHubOptions>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<GitHubRequestStats>(), sp.GetRequiredService<ILogger<GitHubRateLimitGate>>()));
        // Octokit follows redirects itself (dropping Authorization across hosts), so the socket handler must not. Octokit
        // keeps its handler for the life of the process, so the chain is not rotated; per-request logging is off (the
        // pipeline logs what matters, never headers).
        var client = services.AddHttpClient(Name)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddHttpMessageHandler(sp => new GitHubConditionalRequestHandler(sp.GetRequiredService<HttpCacheStore>(), sp.GetRequiredService<GitHubRequestStats>()));
        client.AddResilienceHandler(Name + "-retry", (pipeline, context) => Retries(pipeline, context.ServiceProvider));
        client.AddHttpMessageHandler(sp => new GitHubRateLimitReserveHandler(sp.GetRequiredService<GitHubRateLimitGate>(), sp.GetRequiredService<GitHubRequestStats>()));
        client.AddResilienceHandler(Name + "-attempt", (pipeline, context) =>
        {
            pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            pipeline.AddTimeout(RetryOptions(context.ServiceProvider).AttemptTimeout);
        });
        return client;
    }

    private static HttpRetryOptions RetryOptions(IServiceProvider services) =>
        services.GetService<IOptions<HttpRetryOptions>>()?.Value ?? new HttpRetryOptions();

    private static void Retries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IServiceProvider services)
    {
        var options = RetryOptions(services);
        var github = services.GetRequiredService<GitHubOptions>();
        var gate = services.GetRequiredService<GitHubRateLimitGate>();
        var stats = services.GetRequiredService<GitHubRequestStats>();
        var time = services.GetRequiredService<TimeProvider>();
        var jitter = services.GetService<BackoffJitter>() ?? BackoffJitter.Shared;
        var logger = services.GetRequiredService<ILogger<GitHubRateLimitGate>>();
        pipeline.TimeProvider = time;
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = MaxRateLimitWaits,
            ShouldHandle = async args => args.Outcome.Result is { } response
                && await RateLimitWaitAsync(gate, github, response, args.AttemptNumber, args.Context.CancellationToken) is not null,
            DelayGenerator = async args => await gate.RateLimitWaitAsync(args.Outcome.Result!, args.AttemptNumber, args.Context.CancellationToken),
            OnRetry = args =>
            {
                gate.Hold(args.RetryDelay);
                stats.CountRateLimitWait(args.RetryDelay);
                var request = args.Context.GetRequestMessage();
                logger.LogWarning("GitHub {Method} {Path}: rate limited ({Status}); waiting {Delay} ({Wait} of {MaxWaits})",
                    request?.Method, request?.RequestUri?.AbsolutePath, (int?)args.Outcome.Result?.StatusCode, args.RetryDelay,
                    args.AttemptNumber + 1, MaxRateLimitWaits);
                return default;
            },
        });
        if (options.MaxRetries < 1)
        {
            return;
        }
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                RetryDelays.RetryAfter(args.Outcome.Result?.Headers.RetryAfter, time, options.MaxRetryAfter)
                ?? RetryDelays.Backoff(options, jitter, args.AttemptNumber + 1)),
            OnRetry = args =>
            {
                stats.CountRetry(args.RetryDelay);
                var request = args.Context.GetRequestMessage();
                logger.LogWarning("GitHub {Method} {Path} failed ({Failure}); retry {Retry} of {MaxRetries} in {Delay}",
                    request?.Method, request?.RequestUri?.AbsolutePath, TransientRetryPipeline.Failure(args.Outcome),
                    args.AttemptNumber + 1, options.MaxRetries, args.RetryDelay);
                return default;
            },
        });
    }

    /// <summary>The rate-limit wait <paramref name="response"/> asks for; beyond MaxRateLimitWait the request fails here.</summary>
    private static async Task<TimeSpan?> RateLimitWaitAsync(GitHubRateLimitGate gate, GitHubOptions github, HttpResponseMessage response,
        int waitsSoFar, CancellationToken cancellationToken)
    {
        var asked = await gate.RateLimitWaitAsync(response, waitsSoFar, cancellationToken);
        if (asked is not { } wait || wait <= github.MaxRateLimitWait)
        {
            return asked;
        }
        var status = response.StatusCode;
        var path = response.RequestMessage?.RequestUri?.AbsolutePath;
        response.Dispose();
        throw new HttpRequestException(
            $"GitHub rate limit on {path}: GitHub asks to wait {wait:c}, longer than DevEx:GitHub:MaxRateLimitWait ({github.MaxRateLimitWait:c}). "
            + "The request was not retried; a later sync resumes from the cursors.", null, status);
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout } => true,
        _ => false,
    };
}
