using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DevEx.Collectors.Sync;

/// <summary>
/// The retry rules of a plain JSON API (Jira; GitHub has its own, with caching and its rate-limit headers):
/// 429 and 503 with Retry-After wait what the server asks (at most <see cref="MaxRetryAfter"/>); 429 without it,
/// 500, 502, 503, 504 and connection failures back off exponentially from one second; at most
/// <see cref="MaxRetries"/> retries, then the last response goes to the caller. All waiting goes through the injected
/// <see cref="TimeProvider"/>, so tests never sleep. Headers are never logged (they hold credentials).
/// </summary>
public sealed class RetryingHttpHandler : DelegatingHandler
{
    public const int MaxRetries = 4;

    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    private readonly TimeProvider time;
    private readonly ILogger logger;
    private long requests;

    public RetryingHttpHandler(TimeProvider time, ILogger? logger = null, HttpMessageHandler? inner = null)
    {
        this.time = time;
        this.logger = logger ?? NullLogger.Instance;
        InnerHandler = inner ?? new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All };
    }

    /// <summary>Requests sent over the wire, retries included.</summary>
    public long Requests => Interlocked.Read(ref requests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var retry = 1; ; retry++)
        {
            HttpResponseMessage response;
            Interlocked.Increment(ref requests);
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e) when (retry <= MaxRetries)
            {
                await WaitAsync(request, retry, Backoff(retry), e.Message, cancellationToken);
                continue;
            }
            if (retry > MaxRetries || !IsRetried(response.StatusCode))
            {
                return response;
            }
            var delay = RetryAfter(response) ?? Backoff(retry);
            var status = (int)response.StatusCode;
            response.Dispose();
            await WaitAsync(request, retry, delay, $"HTTP {status}", cancellationToken);
        }
    }

    private async Task WaitAsync(HttpRequestMessage request, int retry, TimeSpan delay, string failure, CancellationToken cancellationToken)
    {
        logger.LogWarning("{Method} {Path} failed ({Failure}); retry {Retry} of {MaxRetries} in {Delay}",
            request.Method, request.RequestUri?.AbsolutePath, failure, retry, MaxRetries, delay);
        await Task.Delay(delay, time, cancellationToken);
    }

    private static TimeSpan Backoff(int retry) => BaseDelay * Math.Pow(2, retry - 1);

    /// <summary>Retry-After as seconds or as an HTTP date, capped; null when absent.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, MaxRetryAfter.Ticks)) : null;
    }

    private static bool IsRetried(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;
}
