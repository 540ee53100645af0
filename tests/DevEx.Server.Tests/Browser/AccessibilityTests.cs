using Xunit.Sdk;

namespace DevEx.Server.Tests.Browser;

/// <summary>The accessibility checks catch what they claim to, on a page written to break each one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    private const string Broken = """
        <!doctype html><html lang="en"><body>
        <h1>One</h1><h1>Two</h1>
        <svg width="10" height="10"></svg><img src="data:," alt="">
        <input type="text">
        <div style="background:#000"><span class="badge" style="color:rgba(255,255,255,0.5)">half white on black</span></div>
        <span class="faint" style="color:#999">grey on white</span>
        </body></html>
        """;

    [Fact]
    public async Task Each_check_fails_on_a_page_that_breaks_it()
    {
        // A blank page, not one of the site's: the broken markup's style attributes are what the site's CSP refuses.
        await using var page = await browser.OpenAsync("about:blank");
        await page.Page.SetContentAsync(Broken);

        await Assert.ThrowsAnyAsync<XunitException>(() => Accessibility.AssertLandmarksAsync(page.Page, hasNav: false));
        await Assert.ThrowsAnyAsync<XunitException>(() => Accessibility.AssertOneH1Async(page.Page));
        var images = await Assert.ThrowsAnyAsync<XunitException>(() => Accessibility.AssertImagesNamedAsync(page.Page));
        Assert.Contains("<svg", images.Message);
        Assert.Contains("<img", images.Message);
        var controls = await Assert.ThrowsAnyAsync<XunitException>(() => Accessibility.AssertControlsLabelledAsync(page.Page));
        Assert.Contains("<input", controls.Message);

        // rgba(255,255,255,.5) over black is rgb(127.5,127.5,127.5): L = ((.5 + .055) / 1.055)^2.4 = 0.2140; (0.2140 + .05) / .05 = 5.28.
        var badge = Assert.Single(await Accessibility.AssertContrastAsync(page.Page, ".badge"));
        Assert.Equal(5.28, badge.Ratio, 2);
        // #999 on white: L = ((153/255 + .055) / 1.055)^2.4 = 0.3185; 1.05 / 0.3685 = 2.85.
        var faint = await Assert.ThrowsAnyAsync<XunitException>(() => Accessibility.AssertContrastAsync(page.Page, ".faint"));
        Assert.Contains("2.85:1", faint.Message);
        await Assert.ThrowsAnyAsync<XunitException>(() => Accessibility.AssertContrastAsync(page.Page, ".nothing-matches"));
    }
}
