namespace DevEx.Collectors.Http;

/// <summary>
/// The retry rules every outgoing HTTP client shares (section DevEx:Http): how often a transient failure is retried,
/// the first backoff (doubling per retry, plus up to one more <see cref="BaseDelay"/> of jitter), the longest
/// Retry-After honoured, and how long one attempt may take on the wire.
/// </summary>
public sealed class HttpRetryOptions
{
    public const string Section = "DevEx:Http";

    /// <summary>Retries of a transient failure; a request is tried at most MaxRetries + 1 times.</summary>
    public int MaxRetries { get; set; } = 4;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A longer Retry-After is cut to this (a garbled header must not stall a sync for a day).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether backoffs add jitter (the webhook's documented doubling backoff is exact).</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>One attempt on the wire; a slower one counts as a transient failure and is retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
