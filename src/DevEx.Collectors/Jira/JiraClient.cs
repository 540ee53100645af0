using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DevEx.Collectors.Jira;

/// <summary>One page of a JQL search: its issues, as Jira sent them.</summary>
public sealed record JiraSearchPage(IReadOnlyList<JsonElement> Issues);

/// <summary>
/// The few Jira REST calls the collector makes. Cloud searches with <c>/rest/api/3/search/jql</c> (nextPageToken,
/// isLast, no total); Data Center with <c>/rest/api/2/search</c> (startAt, total). Retries and rate limits are the
/// client's resilience pipeline (<see cref="Http.TransientRetryPipeline"/>); any other non-2xx throws.
/// </summary>
public sealed class JiraClient(HttpClient http, JiraOptions options)
{
    public const int PageSize = 100;

    private static readonly string[] BaseFields =
        ["summary", "issuetype", "project", "created", "updated", "resolutiondate", "assignee", "labels", "priority", "status"];

    /// <summary>
    /// Gives the "jira" client (<see cref="Http.CollectorHttpClients.AddJiraHttpClient"/>) the site root as base
    /// address and the configured credentials. No overall timeout: the pipeline bounds each attempt, and a Retry-After
    /// wait must not be cut short.
    /// </summary>
    public static void Configure(HttpClient http, JiraOptions options)
    {
        http.Timeout = Timeout.InfiniteTimeSpan;
        if (Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var root))
        {
            http.BaseAddress = new Uri(root.AbsoluteUri.TrimEnd('/') + "/");
        }
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("DevEx", "1.0"));
        if (!string.IsNullOrWhiteSpace(options.PersonalAccessToken))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.PersonalAccessToken);
        }
        else if (!string.IsNullOrWhiteSpace(options.Email) && !string.IsNullOrWhiteSpace(options.ApiToken))
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Email}:{options.ApiToken}"));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
    }

    /// <summary>The fields every search asks for (plus the configured service and not-caused-by-change fields).</summary>
    public string Fields => string.Join(",", BaseFields.Concat(new[] { options.ServiceField, options.NotCausedByChangeField }
        .Where(f => !string.IsNullOrWhiteSpace(f)).Distinct().Select(f => f!)));

    /// <summary>Every page of the issues <paramref name="jql"/> finds, with their (possibly truncated) changelogs.</summary>
    public async IAsyncEnumerable<JiraSearchPage> SearchAsync(string jql,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = $"jql={Uri.EscapeDataString(jql)}&fields={Uri.EscapeDataString(Fields)}&expand=changelog&maxResults={PageSize}";
        if (options.IsCloud)
        {
            string? token = null;
            while (true)
            {
                var url = $"rest/api/3/search/jql?{query}" + (token is null ? "" : $"&nextPageToken={Uri.EscapeDataString(token)}");
                using var page = await GetAsync(url, cancellationToken);
                var issues = Array(page.RootElement, "issues");
                yield return new JiraSearchPage(issues);
                token = page.RootElement.TryGetProperty("nextPageToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
                var isLast = page.RootElement.TryGetProperty("isLast", out var last) && last.ValueKind == JsonValueKind.True;
                if (isLast || token is null || issues.Count == 0)
                {
                    yield break;
                }
            }
        }
        var startAt = 0;
        while (true)
        {
            using var page = await GetAsync($"rest/api/2/search?{query}&startAt={startAt}", cancellationToken);
            var issues = Array(page.RootElement, "issues");
            yield return new JiraSearchPage(issues);
            var total = Int(page.RootElement, "total") ?? 0;
            startAt = (Int(page.RootElement, "startAt") ?? startAt) + issues.Count;
            if (issues.Count == 0 || startAt >= total)
            {
                yield break;
            }
        }
    }

    /// <summary>An issue's whole changelog, page by page (<c>/issue/{key}/changelog</c>), in the order Jira sends it.</summary>
    public async Task<IReadOnlyList<JsonElement>> ChangelogAsync(string key, CancellationToken cancellationToken)
    {
        var histories = new List<JsonElement>();
        var startAt = 0;
        while (true)
        {
            using var page = await GetAsync(
                $"rest/api/{options.ApiVersion}/issue/{Uri.EscapeDataString(key)}/changelog?startAt={startAt}&maxResults={PageSize}", cancellationToken);
            var values = Array(page.RootElement, "values");
            histories.AddRange(values);
            startAt = (Int(page.RootElement, "startAt") ?? startAt) + values.Count;
            var isLast = page.RootElement.TryGetProperty("isLast", out var last)
                ? last.ValueKind == JsonValueKind.True
                : startAt >= (Int(page.RootElement, "total") ?? 0);
            if (isLast || values.Count == 0)
            {
                return histories;
            }
        }
    }

    /// <summary>Every status the user can see (<c>/status</c>), each with its statusCategory.</summary>
    public async Task<IReadOnlyList<JsonElement>> StatusesAsync(CancellationToken cancellationToken)
    {
        using var document = await GetAsync($"rest/api/{options.ApiVersion}/status", cancellationToken);
        return document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList()
            : [];
    }

    private async Task<JsonDocument> GetAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var path = url.Split('?')[0];
            throw new HttpRequestException($"Jira GET /{path} answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    private static List<JsonElement> Array(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(e => e.Clone()).ToList()
            : [];

    private static int? Int(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : null;
}
