using System.Net.Http.Headers;
using System.Text.Json;

namespace DevEx.Collectors.Backstage;

/// <summary>One page of <c>GET /api/catalog/entities/by-query</c>: its entities, as Backstage sent them.</summary>
public sealed record BackstageEntityPage(IReadOnlyList<JsonElement> Items, int? TotalItems);

/// <summary>A catalog answer that is not the documented by-query shape (<c>{ items, totalItems, pageInfo }</c>).</summary>
public sealed class BackstageCatalogException(string message) : Exception(message);

/// <summary>
/// Reads Backstage's catalog API: <c>GET {base}/api/catalog/entities/by-query?filter=...&amp;fields=...&amp;limit=N</c>,
/// then <c>cursor=</c> from <c>pageInfo.nextCursor</c> (the cursor carries the filter) until there is none. Retries of
/// 5xx, 429 and timeouts are the client's resilience pipeline; any other non-2xx, or a page of another shape, throws
/// with what was asked and what came back.
/// </summary>
public sealed class BackstageCatalogClient(HttpClient http, BackstageOptions options)
{
    /// <summary>The parts of an entity DevEx reads (relations and status are Backstage's own, derived from these).</summary>
    public const string Fields = "apiVersion,kind,metadata,spec";

    private const string Path = "api/catalog/entities/by-query";

    /// <summary>
    /// Gives the "backstage" client (<see cref="Http.CollectorHttpClients.AddBackstageHttpClient"/>) the base address
    /// and the static token. No overall timeout: the pipeline bounds each attempt.
    /// </summary>
    public static void Configure(HttpClient http, BackstageOptions options)
    {
        http.Timeout = Timeout.InfiniteTimeSpan;
        if (Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var root))
        {
            http.BaseAddress = new Uri(root.AbsoluteUri.TrimEnd('/') + "/");
        }
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("DevEx", "1.0"));
        if (!string.IsNullOrWhiteSpace(options.Token))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token.Trim());
        }
    }

    /// <summary>Every page the filter finds, in the order the catalog sends them.</summary>
    public async IAsyncEnumerable<BackstageEntityPage> QueryAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var common = $"fields={Uri.EscapeDataString(Fields)}&limit={Math.Max(1, options.PageSize)}";
        var url = $"{Path}?filter={Uri.EscapeDataString(options.Filter)}&{common}";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var number = 1; ; number++)
        {
            using var page = await GetAsync(url, number, cancellationToken);
            var root = page.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new BackstageCatalogException($"Backstage GET /{Path} page {number} has no \"items\" array: it is not a by-query answer.");
            }
            var total = root.TryGetProperty("totalItems", out var count) && count.TryGetInt32(out var n) ? n : (int?)null;
            yield return new BackstageEntityPage(items.EnumerateArray().Select(e => e.Clone()).ToList(), total);
            var next = root.TryGetProperty("pageInfo", out var info) && info.ValueKind == JsonValueKind.Object
                && info.TryGetProperty("nextCursor", out var cursor) && cursor.ValueKind == JsonValueKind.String ? cursor.GetString() : null;
            if (string.IsNullOrEmpty(next))
            {
                yield break;
            }
            if (!seen.Add(next))
            {
                throw new BackstageCatalogException($"Backstage GET /{Path} page {number} gave a nextCursor it gave before: the paging would not end.");
            }
            url = $"{Path}?cursor={Uri.EscapeDataString(next)}&{common}";
        }
    }

    private async Task<JsonDocument> GetAsync(string url, int number, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var hint = (int)response.StatusCode is 401 or 403 ? " Check DevEx:Catalog:Backstage:Token." : "";
            throw new HttpRequestException(
                $"Backstage GET /{Path} (page {number}) answered {(int)response.StatusCode} {response.ReasonPhrase}.{hint}", null, response.StatusCode);
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new BackstageCatalogException($"Backstage GET /{Path} page {number} is not JSON: {e.Message}");
        }
    }
}
