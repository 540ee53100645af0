namespace DevEx.Server.Tests.Browser;

/// <summary>GET /docs/metrics, the metric definitions every page and response links to, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DocsPageBrowserTests(LiveServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Metrics_docs_load_without_errors()
    {
        await using var page = await browser.OpenAsync(server.Url("/docs/metrics"));
        Assert.Equal(200, page.Response?.Status);
        Assert.Contains("Deployment frequency", await page.Page.Locator("body").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        page.AssertNoErrors();
    }
}
