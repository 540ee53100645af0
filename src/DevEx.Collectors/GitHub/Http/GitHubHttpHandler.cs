using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DevEx.Collectors.GitHub.Http;

/// <summary>
/// Everything the collector asks of GitHub goes through here, so the rules of being a good API citizen live in one
/// place:
/// <list type="bullet">
/// <item>GETs are conditional: a URL in <see cref="HttpCacheStore"/> is sent with If-None-Match (or If-Modified-Since),
/// and a 304 comes back to the caller as a 200 with the cached body and Link header plus <c>X-DevEx-Cache: hit</c>,
/// so Octokit parses and paginates it as usual. 200s with an ETag or Last-Modified are stored.</item>
/// <item>Rate limits are waited out (see <see cref="GitHubRateLimitGate"/>), at most <see cref="MaxRateLimitWaits"/>
/// times per request.</item>
/// <item>500, 502, 503, 504, connection failures and attempt timeouts are retried up to <see cref="MaxRetries"/> times
/// with exponential backoff and jitter; other 4xx are returned at once.</item>
/// </list>
/// All waiting goes through the injected <see cref="TimeProvider"/>. Headers are never logged (they hold the token).
/// </summary>
public sealed class GitHubHttpHandler : DelegatingHandler
{
    public const string CacheHeader = "X-DevEx-Cache";

    /// <summary>Retries of a transient failure; the request is tried at most MaxRetries + 1 times.</summary>
    public const int MaxRetries = 4;

    /// <summary>Rate-limit responses one request waits out before its 403/429 is handed to the caller.</summary>
    public const int MaxRateLimitWaits = 5;

    private static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(1);

    private readonly HttpCacheStore cache;
    private readonly GitHubRequestStats stats;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly GitHubRateLimitGate rateLimit;
    private readonly Lock jitterLock = new();

    public GitHubHttpHandler(
        HttpCacheStore cache,
        GitHubRequestStats stats,
        GitHubOptions options,
        TimeProvider time,
        ILogger<GitHubHttpHandler>? logger = null)
    {
        this.cache = cache;
        this.stats = stats;
        this.time = time;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        rateLimit = new GitHubRateLimitGate(options, time, stats, this.logger);
        // Octokit follows redirects itself (dropping Authorization across hosts), so the socket handler must not.
        InnerHandler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
        };
    }

    /// <summary>Source of the backoff jitter; seed it in tests.</summary>
    public Random Jitter { get; init; } = Random.Shared;

    /// <summary>How long one attempt may take (real time) before it counts as a transient failure.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        var cached = request.Method == HttpMethod.Get ? cache.Get(url) : null;
        if (cached is not null)
        {
            AddValidators(request, cached);
        }
        var retries = 0;
        var rateLimitWaits = 0;
        while (true)
        {
            await rateLimit.WaitAsync(request, cancellationToken);
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(request, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException && retries < MaxRetries)
            {
                await BackOffAsync(request, ++retries, e.Message, cancellationToken);
                continue;
            }
            rateLimit.Observe(response);
            if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
            {
                stats.CountNotModified();
                return FromCache(request, response, cached);
            }
            if (rateLimitWaits < MaxRateLimitWaits && await rateLimit.HoldsAsync(response, rateLimitWaits, cancellationToken))
            {
                rateLimitWaits++;
                logger.LogWarning(
                    "GitHub {Method} {Path}: rate limited ({Status})", request.Method, request.RequestUri.AbsolutePath, (int)response.StatusCode);
                response.Dispose();
                continue;
            }
            if (IsTransient(response.StatusCode) && retries < MaxRetries)
            {
                var status = (int)response.StatusCode;
                response.Dispose();
                await BackOffAsync(request, ++retries, $"HTTP {status}", cancellationToken);
                continue;
            }
            if (request.Method == HttpMethod.Get && response.StatusCode == HttpStatusCode.OK)
            {
                await StoreAsync(url, response, cancellationToken);
            }
            return response;
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        stats.CountRequest();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(AttemptTimeout);
        try
        {
            return await base.SendAsync(request, attempt.Token);
        }
        catch (OperationCanceledException) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No response within {AttemptTimeout.TotalSeconds:0.#} s.");
        }
    }

    private static void AddValidators(HttpRequestMessage request, CachedResponse cached)
    {
        if (request.Headers.Contains("If-None-Match") || request.Headers.Contains("If-Modified-Since"))
        {
            return;
        }
        if (cached.ETag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", cached.ETag);
        }
        else if (cached.LastModified is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", cached.LastModified);
        }
    }

    /// <summary>The 304 as the 200 it stands for, so callers (and Octokit's pagination) need not know.</summary>
    private static HttpResponseMessage FromCache(HttpRequestMessage request, HttpResponseMessage notModified, CachedResponse cached)
    {
        var hit = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Version = notModified.Version,
            Content = new StringContent(cached.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var header in notModified.Headers)
        {
            hit.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        if (cached.Link is not null && !hit.Headers.Contains("Link"))
        {
            hit.Headers.TryAddWithoutValidation("Link", cached.Link);
        }
        if (cached.ETag is not null && hit.Headers.ETag is null)
        {
            hit.Headers.TryAddWithoutValidation("ETag", cached.ETag);
        }
        hit.Headers.TryAddWithoutValidation(CacheHeader, "hit");
        notModified.Dispose();
        return hit;
    }

    private async Task StoreAsync(string url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var etag = FirstValue(response.Headers, "ETag");
        var lastModified = FirstValue(response.Content.Headers, "Last-Modified");
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "application/json";
        if ((etag is null && lastModified is null) || !(mediaType.Contains("json") || mediaType.StartsWith("text/")))
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        cache.Put(url, etag, lastModified, FirstValue(response.Headers, "Link"), body);
        // The body was consumed to store it; hand the caller an equivalent one.
        var replacement = new StringContent(body, Encoding.UTF8);
        replacement.Headers.Clear();
        foreach (var header in response.Content.Headers.Where(h => h.Key != "Content-Length"))
        {
            replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        response.Content.Dispose();
        response.Content = replacement;
    }

    private async Task BackOffAsync(HttpRequestMessage request, int retry, string failure, CancellationToken cancellationToken)
    {
        double jitter;
        lock (jitterLock)
        {
            jitter = Jitter.NextDouble();
        }
        // Whole milliseconds, the resolution Task.Delay waits in, so TimeWaited is what was waited.
        var delay = TimeSpan.FromMilliseconds(Math.Round(RetryBaseDelay.TotalMilliseconds * (Math.Pow(2, retry - 1) + jitter)));
        stats.CountRetry(delay);
        logger.LogWarning(
            "GitHub {Method} {Path} failed ({Failure}); retry {Retry} of {MaxRetries} in {Delay}",
            request.Method, request.RequestUri!.AbsolutePath, failure, retry, MaxRetries, delay);
        await Task.Delay(delay, time, cancellationToken);
    }

    private static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static string? FirstValue(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
