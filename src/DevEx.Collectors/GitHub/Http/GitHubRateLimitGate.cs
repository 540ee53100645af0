using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace DevEx.Collectors.GitHub.Http;

/// <summary>
/// GitHub's rate limits as one point in time before which no request leaves. Responses move it: fewer than
/// <see cref="GitHubOptions.RateLimitReserve"/> requests left, or a 403/429 primary limit (remaining 0), moves it to
/// x-ratelimit-reset + 1 s; a secondary limit to now + Retry-After, or now + 60 s doubling per repeat when GitHub names
/// no delay. The point is shared by all requests because GitHub's limits are per token, not per URL. The gate waits
/// only before a request leaves (<see cref="GitHubRateLimitReserveHandler"/>); retrying a rate-limited request is the
/// resilience pipeline's (<see cref="GitHubHttpClient"/>), which asks <see cref="RateLimitWaitAsync"/> how long.
/// </summary>
internal sealed class GitHubRateLimitGate(GitHubOptions options, TimeProvider time, GitHubRequestStats stats, ILogger<GitHubRateLimitGate> logger)
{
    private static readonly TimeSpan SecondaryLimitWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ResetMargin = TimeSpan.FromSeconds(1);

    // GitHub's primary window is an hour; a longer wait means a garbled header, not a reason to stall for days.
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1) + ResetMargin;

    private readonly Lock gate = new();
    private DateTimeOffset resumeAt = DateTimeOffset.MinValue;

    /// <summary>Waits, on the injected clock, until requests may leave again.</summary>
    public async Task WaitAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        DateTimeOffset until;
        lock (gate)
        {
            until = resumeAt;
        }
        var wait = until - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }
        if (wait > LongestWait)
        {
            wait = LongestWait;
        }
        stats.CountRateLimitWait(wait);
        logger.LogInformation(
            "GitHub rate limit: waiting {Wait} (until {Until:O}) before {Method} {Path}",
            wait, until, request.Method, request.RequestUri!.AbsolutePath);
        await Task.Delay(wait, time, cancellationToken);
    }

    /// <summary>Below the reserve, the next request waits for the window to reset.</summary>
    public void Observe(HttpResponseMessage response)
    {
        if (LongValue(response.Headers, "x-ratelimit-remaining") is { } remaining
            && remaining < options.RateLimitReserve
            && ResetAt(response) is { } reset)
        {
            Defer(reset + ResetMargin);
        }
    }

    /// <summary>
    /// How long <paramref name="response"/> asks to wait before the request is tried again, when it is a rate limit
    /// (403/429 with Retry-After, a spent primary limit, or a secondary limit); null for anything else, a plain 403
    /// included. <paramref name="waitsSoFar"/> doubles the wait of a secondary limit that names no delay.
    /// </summary>
    public Task<TimeSpan?> RateLimitWaitAsync(HttpResponseMessage response, int waitsSoFar, CancellationToken cancellationToken) =>
        WaitAskedForAsync(response, waitsSoFar, cancellationToken);

    /// <summary>No request leaves before now + <paramref name="wait"/> (the pipeline is about to wait that long).</summary>
    public void Hold(TimeSpan wait) => Defer(time.GetUtcNow() + wait);

    private async Task<TimeSpan?> WaitAskedForAsync(HttpResponseMessage response, int waitsSoFar, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }
        var now = time.GetUtcNow();
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }
        if (retryAfter?.Date is { } date)
        {
            return date > now ? date - now : TimeSpan.Zero;
        }
        if (LongValue(response.Headers, "x-ratelimit-remaining") == 0 && ResetAt(response) is { } reset)
        {
            // A reset already behind our clock (skew, or a window that has just turned) still gets the margin.
            var untilReset = reset + ResetMargin - now;
            return untilReset > ResetMargin ? untilReset : ResetMargin;
        }
        if (response.StatusCode == HttpStatusCode.TooManyRequests || await MentionsSecondaryLimitAsync(response, cancellationToken))
        {
            return SecondaryLimitWait * Math.Pow(2, waitsSoFar);
        }
        return null;
    }

    private void Defer(DateTimeOffset until)
    {
        lock (gate)
        {
            if (until > resumeAt)
            {
                resumeAt = until;
            }
        }
    }

    private static async Task<bool> MentionsSecondaryLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Buffered, so the caller can still read the body of a 403 that turns out to be a plain refusal.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase)
            || body.Contains("abuse detection", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>x-ratelimit-reset is epoch seconds; a value past the year 5000 is read as milliseconds (some recordings).</summary>
    internal static DateTimeOffset? ResetAt(HttpResponseMessage response)
    {
        if (LongValue(response.Headers, "x-ratelimit-reset") is not { } value || value < 0)
        {
            return null;
        }
        try
        {
            return value > 100_000_000_000
                ? DateTimeOffset.FromUnixTimeMilliseconds(value)
                : DateTimeOffset.FromUnixTimeSeconds(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static long? LongValue(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
