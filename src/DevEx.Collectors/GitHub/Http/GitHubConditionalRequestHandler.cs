using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DevEx.Store.State;

namespace DevEx.Collectors.GitHub.Http;

/// <summary>
/// The outermost handler of the "github" client (<see cref="GitHubHttpClient"/>): GETs are conditional. A URL in
/// <see cref="HttpCacheStore"/> is sent with If-None-Match (or If-Modified-Since), and a 304 comes back to the caller as
/// a 200 with the cached body and Link header plus <c>X-DevEx-Cache: hit</c>, so Octokit parses and paginates it as
/// usual. 200s with an ETag or Last-Modified are stored. It retries nothing: the resilience pipeline below it does.
/// </summary>
public sealed class GitHubConditionalRequestHandler(HttpCacheStore cache, GitHubRequestStats stats) : DelegatingHandler
{
    public const string CacheHeader = "X-DevEx-Cache";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        var cached = request.Method == HttpMethod.Get ? cache.Get(url) : null;
        if (cached is not null)
        {
            AddValidators(request, cached);
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
        {
            stats.CountNotModified();
            return FromCache(request, response, cached);
        }
        if (request.Method == HttpMethod.Get && response.StatusCode == HttpStatusCode.OK)
        {
            await StoreAsync(url, response, cancellationToken);
        }
        return response;
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

    private static string? FirstValue(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
