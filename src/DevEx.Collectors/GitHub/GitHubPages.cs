using System.Runtime.CompilerServices;
using Octokit;

namespace DevEx.Collectors.GitHub;

/// <summary>One page of a GitHub list, and whether it was answered from the conditional-request cache (a 304).</summary>
internal sealed record GitHubPage<T>(IReadOnlyList<T> Items, bool Unchanged, string? ETag, string Json);

/// <summary>
/// Pages through a GitHub list by its Link headers with Octokit's low-level connection, so the collector decides
/// when to stop (at its cursor) and sees, page by page, whether GitHub answered 304 (nothing changed). Bodies are read
/// as JSON and deserialized by <see cref="Mapping.OctokitJson"/>, which copes with what Octokit's reader throws on.
/// </summary>
internal static class GitHubPages
{
    public const string CacheHeader = "X-DevEx-Cache";

    public static async IAsyncEnumerable<GitHubPage<T>> Read<T>(IConnection connection, string path, IDictionary<string, string>? parameters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var response = await connection.Get<object>(new Uri(path, UriKind.Relative), parameters, null, cancellationToken);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var json = Json(response);
            yield return new GitHubPage<T>(Mapping.OctokitJson.Deserialize<List<T>>(json), IsCacheHit(response.HttpResponse), response.HttpResponse.ApiInfo?.Etag, json);
            if (response.HttpResponse.ApiInfo?.Links is not { } links || !links.TryGetValue("next", out var next))
            {
                yield break;
            }
            cancellationToken.ThrowIfCancellationRequested();
            response = await connection.Get<object>(next, null, null, cancellationToken);
        }
    }

    /// <summary>Reads one object (a wrapper such as the workflow-runs response) with its cache flag.</summary>
    public static async Task<(T Body, bool Unchanged, string? ETag, Uri? Next, string Json)> ReadOne<T>(IConnection connection, Uri uri, IDictionary<string, string>? parameters,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var response = await connection.Get<object>(uri, parameters, null, cancellationToken);
        var next = response.HttpResponse.ApiInfo?.Links is { } links && links.TryGetValue("next", out var link) ? link : null;
        var json = Json(response);
        return (Mapping.OctokitJson.Deserialize<T>(json), IsCacheHit(response.HttpResponse), response.HttpResponse.ApiInfo?.Etag, next, json);
    }

    private static readonly Octokit.Internal.SimpleJsonSerializer Serializer = new();

    /// <summary>Octokit parses into its own JSON tree (T = object); it is written back as text for the tidying reader.</summary>
    private static string Json(IApiResponse<object> response) => response.Body is null ? "null" : Serializer.Serialize(response.Body);

    private static bool IsCacheHit(IResponse response) =>
        response.Headers.Any(h => string.Equals(h.Key, CacheHeader, StringComparison.OrdinalIgnoreCase) && h.Value == "hit");
}
