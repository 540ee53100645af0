using AngleSharp.Html.Parser;

namespace DevEx.Server.Tests.Hardening;

/// <summary>
/// Every page a reader can reach from the landing page by following links on this site, one of each path (query strings
/// vary the filters, not the markup's kind), plus what no link leads to: the dashboards index, an unknown dashboard and
/// listing, the health check, an API answer and an API refusal.
/// </summary>
internal static class SiteCrawl
{
    public const int MaxPages = 200;

    private static readonly HtmlParser Parser = new();

    public static async Task<IReadOnlyList<(string Url, HttpResponseMessage Response, string Body)>> PagesAsync(HttpClient client)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/", "/dashboards", "/dashboards/no-such-dashboard", "/explain/no-such-listing", "/healthz",
            "/api/v1/metrics/dora", "/api/v1/metrics/dora?from=yesterday", "/api/v1/no-such-endpoint"]);
        var pages = new List<(string, HttpResponseMessage, string)>();
        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url.StartsWith("/api/", StringComparison.Ordinal) ? url : url.Split('?')[0]))
            {
                continue;
            }
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            pages.Add((url, response, body));
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            using var document = Parser.ParseDocument(body);
            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
        }
        Assert.True(queue.Count == 0, $"more than {MaxPages} pages: raise the cap");
        return pages;
    }
}
