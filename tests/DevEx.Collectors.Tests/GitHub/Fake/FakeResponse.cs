namespace DevEx.Collectors.Tests.GitHub.Fake;

/// <summary>
/// One answer of the <see cref="FakeGitHubServer"/>. <paramref name="Headers"/> are sent as given (Content-Type
/// included; Content-Length is recomputed); <paramref name="Delay"/> holds the answer back in real time (timeouts).
/// </summary>
public sealed record FakeResponse(
    int Status = 200,
    string? Body = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    string? ETag = null,
    string? LastModified = null,
    TimeSpan Delay = default)
{
    /// <summary>The headers of a rate-limited (or nearly so) GitHub answer; reset is in epoch seconds.</summary>
    public static Dictionary<string, string> RateLimitHeaders(int remaining, long reset, int limit = 5000) => new()
    {
        ["x-ratelimit-limit"] = limit.ToString(),
        ["x-ratelimit-remaining"] = remaining.ToString(),
        ["x-ratelimit-reset"] = reset.ToString(),
        ["x-ratelimit-used"] = (limit - remaining).ToString(),
        ["x-ratelimit-resource"] = "core",
    };

    /// <summary>Whether a conditional request already holds this (200) response, so GitHub would answer 304.</summary>
    public bool IsNotModifiedFor(ReceivedRequest request)
    {
        if (Status != 200)
        {
            return false;
        }
        var etag = ETag ?? Header("ETag");
        if (request.IfNoneMatch is { } ifNoneMatch)
        {
            return etag is not null && ifNoneMatch.Split(',').Select(tag => tag.Trim()).Any(tag =>
                tag == "*" || Opaque(tag) == Opaque(etag));
        }
        return (LastModified ?? Header("Last-Modified")) is { } lastModifiedText
            && request.IfModifiedSince is { } ifModifiedSince
            && DateTimeOffset.TryParse(lastModifiedText, out var lastModified)
            && DateTimeOffset.TryParse(ifModifiedSince, out var since)
            && lastModified <= since;
    }

    private string? Header(string name) =>
        Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    // If-None-Match compares weakly: W/"x" and "x" are the same representation.
    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
