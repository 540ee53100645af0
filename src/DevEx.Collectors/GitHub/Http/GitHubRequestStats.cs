namespace DevEx.Collectors.GitHub.Http;

/// <summary>
/// What the GitHub HTTP layer did, counted across threads: requests sent over the wire, how many came back 304,
/// retries of transient failures, rate-limit waits, and the time spent in deliberate delays (rate-limit waits and
/// retry backoff, summed over requests that waited concurrently).
/// </summary>
public sealed class GitHubRequestStats
{
    private long requests;
    private long notModified;
    private long retries;
    private long rateLimitWaits;
    private long ticksWaited;

    public long Requests => Interlocked.Read(ref requests);

    public long NotModified => Interlocked.Read(ref notModified);

    public long Retries => Interlocked.Read(ref retries);

    public long RateLimitWaits => Interlocked.Read(ref rateLimitWaits);

    public TimeSpan TimeWaited => TimeSpan.FromTicks(Interlocked.Read(ref ticksWaited));

    public GitHubRequestStatsSnapshot Snapshot() => new(Requests, NotModified, Retries, RateLimitWaits, TimeWaited);

    public void Reset()
    {
        Interlocked.Exchange(ref requests, 0);
        Interlocked.Exchange(ref notModified, 0);
        Interlocked.Exchange(ref retries, 0);
        Interlocked.Exchange(ref rateLimitWaits, 0);
        Interlocked.Exchange(ref ticksWaited, 0);
    }

    internal void CountRequest() => Interlocked.Increment(ref requests);

    internal void CountNotModified() => Interlocked.Increment(ref notModified);

    internal void CountRetry(TimeSpan backoff)
    {
        Interlocked.Increment(ref retries);
        Interlocked.Add(ref ticksWaited, backoff.Ticks);
    }

    internal void CountRateLimitWait(TimeSpan wait)
    {
        Interlocked.Increment(ref rateLimitWaits);
        Interlocked.Add(ref ticksWaited, wait.Ticks);
    }
}

public sealed record GitHubRequestStatsSnapshot(
    long Requests, long NotModified, long Retries, long RateLimitWaits, TimeSpan TimeWaited);
