using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DevEx.Server.Tests.Browser;

/// <summary>GET / in Chromium over the bundled sample: clean, accessible, and its numbers agree with the API.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LandingPageBrowserTests(LiveServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Loads_without_errors_with_landmarks_and_readable_level_badges()
    {
        await using var page = await browser.OpenAsync(server.Url("/"));
        Assert.Equal(200, page.Response?.Status);
        await Accessibility.AssertBasicsAsync(page.Page, hasNav: false);
        var badges = await Accessibility.AssertContrastAsync(page.Page, ".level");
        Assert.All(badges, b => Assert.Contains(b.Text, new[] { "elite", "high", "medium", "low" }));
        var path = await page.ScreenshotAsync("landing");
        Assert.True(new FileInfo(path).Length > 0);
        page.AssertNoErrors();
    }

    [Fact]
    public async Task All_teams_deployments_match_the_api_and_link_to_those_deployments()
    {
        // Now is Wed 2027-03-10: the default window is the 4 full ISO weeks before this one, 2027-02-08 to 2027-03-08.
        using var dora = JsonDocument.Parse(await server.Client.GetStringAsync("/api/v1/metrics/dora"));
        Assert.Equal("2027-02-08", dora.RootElement.GetProperty("from").GetString());
        var expected = dora.RootElement.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32();
        Assert.True(expected > 0, "the sample deploys every week");

        await using var page = await browser.OpenAsync(server.Url("/"));
        var headers = await page.Page.Locator("thead th").AllInnerTextsAsync();
        var column = headers.ToList().IndexOf("Deployments");
        Assert.True(column > 0, "a Deployments column");
        var row = page.Page.Locator("tbody tr", new() { Has = page.Page.Locator("th[scope=row]", new() { HasTextString = "All teams" }) });
        var link = row.Locator("th, td").Nth(column).Locator("a");
        var shown = await link.InnerTextAsync(); // e.g. "123 (30.8/week)"
        Assert.Equal(expected, int.Parse(LeadingNumber().Match(shown).Value, CultureInfo.InvariantCulture));

        var response = await page.Page.RunAndWaitForResponseAsync(() => link.ClickAsync(), r => r.Url.Contains("/api/v1/deployments"));
        await page.Page.WaitForURLAsync(url => url.Contains("/api/v1/deployments"));
        Assert.Contains("/api/v1/deployments?from=2027-02-08&to=2027-03-08", page.Page.Url);
        Assert.Equal(200, response.Status);
        using var deployments = JsonDocument.Parse(await response.TextAsync());
        Assert.Equal(expected, deployments.RootElement.GetArrayLength());
        page.AssertNoErrors();
    }

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();
}
