using Microsoft.AspNetCore.Http;

namespace DevEx.Collectors.Tests.GitHub.Fake;

/// <summary>
/// A request the <see cref="FakeGitHubServer"/> received. <see cref="Path"/> and <see cref="PathAndQuery"/> are
/// without the /api/v3 prefix (<see cref="ApiV3Prefix"/> says whether it was there); <see cref="Status"/> is what was
/// answered (0 while a route delegate is still deciding).
/// </summary>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    bool ApiV3Prefix)
{
    public int Status { get; init; }

    public string? IfNoneMatch => Headers.GetValueOrDefault("If-None-Match");

    public string? IfModifiedSince => Headers.GetValueOrDefault("If-Modified-Since");

    public string? Authorization => Headers.GetValueOrDefault("Authorization");

    internal static async Task<ReceivedRequest> ReadAsync(HttpRequest request, string apiPrefix)
    {
        var path = request.Path.Value ?? "/";
        var prefixed = path.StartsWith(apiPrefix + "/", StringComparison.OrdinalIgnoreCase)
            || path.Equals(apiPrefix, StringComparison.OrdinalIgnoreCase);
        if (prefixed)
        {
            path = path[apiPrefix.Length..];
        }
        path = "/" + path.Trim('/');
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        return new ReceivedRequest(
            request.Method,
            path,
            path + request.QueryString.Value,
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            prefixed);
    }
}
