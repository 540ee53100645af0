using System.Net;
using System.Text.Json;
using DevEx.Server.Tests.Api;
using NodaTime;

namespace DevEx.Server.Tests.Pages;

public sealed class ServiceBasicsTests : IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    [Fact]
    public async Task Health_and_openapi_answer()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/metrics/dora", "/api/v1/metrics/dora/series", "/api/v1/metrics/pr-flow", "/api/v1/metrics/ci",
                     "/api/v1/deployments", "/api/v1/changes", "/api/v1/pull-requests", "/api/v1/incidents", "/api/v1/teams", "/api/v1/services", "/api/v1/data-quality",
                     "/api/v1/data-quality/findings", "/api/v1/data-quality/identity-occurrences" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    [Fact]
    public async Task Root_serves_the_overview_with_every_dashboard_in_the_menu_linking_to_the_rows()
    {
        var client = factory.CreateClient();
        await WorkedExampleImport.LoadAsync(client);
        var response = await client.GetAsync("/");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        using var document = Dashboards.PageHtml.Parse(html);
        Assert.Equal(["Where time is lost"], document.QuerySelectorAll("h1").Select(h => h.TextContent));
        var menu = document.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var page in new[] { "overview", "dora", "pull-requests", "tickets", "meetings", "data-quality" })
        {
            Assert.Contains(menu, href => href!.StartsWith($"/dashboards/{page}?", StringComparison.Ordinal));
        }
        Assert.Empty(document.QuerySelectorAll(".problems")); // every bundled definition loads
        Assert.Equal([("", "All teams"), ("core", "core")],
            document.QuerySelectorAll("select[name=team] option").Select(o => (o.GetAttribute("value"), o.TextContent)));
        // Now is Wed 2026-02-11: the 12 full ISO weeks before its week run from Mon 2025-11-17 to Mon 2026-02-09.
        // D1 to D4 are the window's four successful production deployments.
        var links = Dashboards.PageHtml.Anchors(html);
        Assert.Contains(("4", "/explain/deployments?from=2025-11-17&to=2026-02-09"), links);
        Assert.Contains(("core", "/?from=2025-11-17&to=2026-02-09&team=core"), links);
    }

    [Fact]
    public async Task Metric_definitions_are_served_as_markdown_too()
    {
        var response = await factory.CreateClient().GetAsync("/docs/metrics.md");
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("## DORA metrics", await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => factory.Dispose();
}
