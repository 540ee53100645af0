using DevEx.Server.Tests.Browser;

namespace DevEx.Server.Tests.Hardening;

/// <summary>In Chromium, the policy leaves the pages as drawn (their stylesheet applies, nothing is refused) and stops an injected script.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(LiveServer server, BrowserFixture browser)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/dashboards/dora")]
    [InlineData("/dashboards/meetings")]
    [InlineData("/explain/deployments")]
    [InlineData("/docs/metrics")]
    public async Task A_page_is_styled_and_nothing_on_it_is_refused(string path)
    {
        await using var page = await browser.OpenAsync(server.Url(path));

        // body{background:#f6f7f9} comes from the inline stylesheet, which the policy allows by its hash.
        Assert.Equal("rgb(246, 247, 249)", await page.Page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        page.AssertNoErrors(); // a refused style, font or image is a console error
    }

    [Fact]
    public async Task An_injected_inline_script_does_not_run()
    {
        await using var page = await browser.OpenAsync(server.Url("/dashboards/dora"));

        // What a markup injection would add: a <script> element with inline code.
        var ran = await page.Page.EvaluateAsync<bool>("""
            () => {
                const script = document.createElement('script');
                script.textContent = 'window.injectedRan = true;';
                document.body.appendChild(script);
                return window.injectedRan === true;
            }
            """);

        Assert.False(ran);
        Assert.Contains(page.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
