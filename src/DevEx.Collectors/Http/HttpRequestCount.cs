namespace DevEx.Collectors.Http;

/// <summary>Requests one client sent over the wire, retries included (a sync reports it as its request count).</summary>
public sealed class HttpRequestCount
{
    private long value;

    public long Value => Interlocked.Read(ref value);

    /// <summary>The innermost handler of the client: every attempt the retry pipeline makes passes it.</summary>
    public DelegatingHandler CreateHandler() => new CountingHandler(this);

    private sealed class CountingHandler(HttpRequestCount count) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref count.value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
