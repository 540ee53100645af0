using System.Text.RegularExpressions;
using NodaTime;

namespace DevEx.Server.Tests.Pages;

/// <summary>GET /docs/metrics: docs/metrics.md as an HTML page in the site's layout, with ids on its headings.</summary>
public sealed partial class MetricDocsPageTests : IDisposable
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
        Assert.Contains("<h2 id=\"dora-metrics\">DORA metrics</h2>", html);
        Assert.Contains("<h2 id=\"working-hours\">Working hours</h2>", html);
        // The common rules link to "[Working hours](#working-hours)": the link is there and its target above.
        Assert.Contains("<a href=\"#working-hours\">Working hours</a>", html);
        var ids = Ids().Matches(html).Select(m => m.Groups[1].Value).ToHashSet();
        var anchors = Anchors().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(anchors);
        Assert.All(anchors, a => Assert.Contains(a, ids));
    }

    [Fact]
    public async Task The_definition_links_of_metric_responses_land_on_a_heading()
    {
        var ids = Ids().Matches(await PageAsync()).Select(m => m.Groups[1].Value).ToHashSet();

        // The anchors metric responses carry (Definition properties) and configuration.md cites.
        foreach (var id in new[] { "dora-metrics", "dora-levels", "pull-request-flow", "ci-wait", "tickets", "wait-states", "meetings-and-focus",
                     "teams-and-services", "periods-before-the-data-starts", "explain-listings" })
        {
            Assert.Contains(id, ids);
        }
    }

    [Fact]
    public async Task The_page_is_inside_the_layout_with_one_h1()
    {
        var html = await PageAsync();

        Assert.Single(Regex.Matches(html, "<h1>"));
        Assert.Contains("<h1>Metric definitions</h1>", html); // the document's own heading, as the page's title
        Assert.Contains("<nav aria-label=\"Dashboards\">", html);
        Assert.Contains("<table>", html); // pipe tables render as tables
        Assert.DoesNotContain("## ", html);
    }

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex Ids();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex Anchors();

    public void Dispose() => factory.Dispose();
}
