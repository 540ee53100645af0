using DevEx.Server.Tests.Dashboards;
using NodaTime;

namespace DevEx.Server.Tests.Pages;

/// <summary>GET /docs/metrics: docs/metrics.md as an HTML page in the site's layout, with ids on its headings.</summary>
public sealed class MetricDocsPageTests : IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    private async Task<string> PageAsync()
    {
        var response = await factory.CreateClient().GetAsync("/docs/metrics");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Headings_have_the_ids_that_links_to_them_use()
    {
        var html = await PageAsync();

        // "## DORA metrics" → GitHub's id: lower case, spaces to hyphens; "## Working hours" → working-hours.
        using var document = PageHtml.Parse(html);
        Assert.Equal("DORA metrics", document.QuerySelector("h2#dora-metrics")?.TextContent);
        Assert.Equal("Working hours", document.QuerySelector("h2#working-hours")?.TextContent);
        // The common rules link to "[Working hours](#working-hours)": the link is there and its target above.
        Assert.Contains(("Working hours", "#working-hours"), PageHtml.Anchors(html));
        var ids = Ids(html);
        var anchors = document.QuerySelectorAll("a[href^='#']").Select(a => a.GetAttribute("href")![1..]).ToList();
        Assert.NotEmpty(anchors);
        Assert.All(anchors, a => Assert.Contains(a, ids));
    }

    [Fact]
    public async Task The_definition_links_of_metric_responses_land_on_a_heading()
    {
        var ids = Ids(await PageAsync());

        // The anchors metric responses carry (Definition properties) and configuration.md cites.
        foreach (var id in new[] { "dora-metrics", "dora-levels", "pull-request-flow", "ci-wait", "tickets", "wait-states", "meetings-and-focus",
                     "teams-and-services", "periods-before-the-data-starts", "explain-listings", "platform-adoption", "a-persons-own-week" })
        {
            Assert.Contains(id, ids);
        }
    }

    [Fact]
    public async Task The_page_is_inside_the_layout_with_one_h1()
    {
        var html = await PageAsync();

        using var document = PageHtml.Parse(html);
        Assert.Equal(["Metric definitions"], document.QuerySelectorAll("h1").Select(h => h.TextContent)); // the document's own heading, as the page's title
        Assert.Single(document.QuerySelectorAll("nav[aria-label=Dashboards]"));
        Assert.NotEmpty(document.QuerySelectorAll("article.doc table")); // pipe tables render as tables
        Assert.DoesNotContain("## ", document.Body!.TextContent);
    }

    private static HashSet<string> Ids(string html)
    {
        using var document = PageHtml.Parse(html);
        return document.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet();
    }

    public void Dispose() => factory.Dispose();
}
