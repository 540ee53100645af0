using System.Net.Http.Headers;

namespace DevEx.Collectors.Http;

/// <summary>The waits of the retry pipelines: exponential backoff with jitter, or what the server's Retry-After asks.</summary>
public static class RetryDelays
{
    /// <summary>
    /// Retry n (1-based) waits BaseDelay × 2^(n-1) plus jitter × BaseDelay, in whole milliseconds (the resolution
    /// Task.Delay waits in, so what is counted is what was waited).
    /// </summary>
    public static TimeSpan Backoff(HttpRetryOptions options, BackoffJitter jitter, int retry) =>
        TimeSpan.FromMilliseconds(Math.Round(options.BaseDelay.TotalMilliseconds * (Math.Pow(2, retry - 1) + jitter.Next())));

    /// <summary>Retry-After as seconds or as an HTTP date (measured on <paramref name="time"/>), capped; null when absent.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time, TimeSpan cap)
    {
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, cap.Ticks)) : null;
    }
}
