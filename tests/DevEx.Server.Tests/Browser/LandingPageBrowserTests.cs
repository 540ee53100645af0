using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DevEx.Server.Tests.Browser;

/// <summary>
/// GET / in Chromium over the bundled sample: the overview dashboard "Where time is lost" over its default window,
/// whose team rows narrow the page to one team.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LandingPageBrowserTests(LiveServer server, BrowserFixture browser)
{
    // Now is Wed 2027-03-10, in the ISO week from Mon 2027-03-08: the 12 full weeks before it start 84 days earlier.
    private const string DefaultWindow = "from=2026-12-14&to=2027-03-08";

    [Fact]
    public async Task Is_the_overview_over_the_last_twelve_full_weeks()
    {
        await using var page = await browser.OpenAsync(server.Url("/"));
        Assert.Equal(200, page.Response?.Status);
        Assert.Equal("Where time is lost", await page.Page.Locator("h1").InnerTextAsync());
        Assert.Equal("Where time is lost", await page.Page.Locator("nav a[aria-current=page]").InnerTextAsync());
        Assert.Equal("2026-12-14", await page.Page.Locator("form.filters input[name=from]").InputValueAsync());
        Assert.Equal("2027-03-08", await page.Page.Locator("form.filters input[name=to]").InputValueAsync());

        using var dora = JsonDocument.Parse(await server.Client.GetStringAsync($"/api/v1/metrics/dora?{DefaultWindow}"));
        var deployments = dora.RootElement.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt64();
        var stat = page.Page.Locator("#panel-deployments .stat-value a");
        Assert.Equal(deployments.ToString("#,0", CultureInfo.InvariantCulture), await stat.InnerTextAsync());
        Assert.Equal($"/explain/deployments?{DefaultWindow}", await stat.GetAttributeAsync("href"));
        page.AssertNoErrors();
    }

    [Fact]
    public async Task Has_a_row_per_team_that_narrows_the_overview_to_it()
    {
        using var teams = JsonDocument.Parse(await server.Client.GetStringAsync("/api/v1/teams"));
        // The teams with people: the departments (acme, commerce, core) and the platform team have no engineers, so no
        // pull request, ticket or meeting of their own, and no row.
        var names = teams.RootElement.EnumerateArray().Where(t => t.GetProperty("members").GetInt64() > 0)
            .ToDictionary(t => t.GetProperty("displayName").GetString()!, t => t.GetProperty("id").GetString()!);

        await using var page = await browser.OpenAsync(server.Url("/"));
        var rows = page.Page.Locator("#panel-waits-by-team tbody th[scope=row]");
        // A row per team, and the services no team owns (legacy-checkout-reports in the sample) in a row of their own.
        Assert.Equal(names.Keys.Append("Unowned (no owner team)").Order(), (await rows.AllInnerTextsAsync()).Order());

        // The first team's row (the unowned row, first when it has the most hours, leads to the data-quality page).
        var first = rows.Filter(new() { HasNotText = "Unowned (no owner team)" }).First.Locator("a");
        var team = names[await first.InnerTextAsync()];
        await first.ClickAsync();
        await page.Page.WaitForURLAsync(url => url.Contains("team=", StringComparison.Ordinal));
        Assert.Equal(server.Url($"/?{DefaultWindow}&team={team}"), page.Page.Url);
        Assert.Equal(team, await page.Page.Locator("form.filters select[name=team]").InputValueAsync());

        using var dora = JsonDocument.Parse(await server.Client.GetStringAsync($"/api/v1/metrics/dora?{DefaultWindow}&team={team}"));
        var deployments = dora.RootElement.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt64();
        Assert.Equal(deployments.ToString("#,0", CultureInfo.InvariantCulture), await page.Page.Locator("#panel-deployments .stat-value a").InnerTextAsync());
        // One team: its row alone.
        Assert.Equal(1, await rows.CountAsync());
        page.AssertNoErrors();
    }

    [Fact]
    public async Task Biggest_change_reads_like_and_agrees_with_its_cell_in_the_team_table()
    {
        await using var page = await browser.OpenAsync(server.Url("/"));
        var caption = CaptionPattern().Match(await page.Page.Locator("#panel-biggest-change .caption").InnerTextAsync());
        Assert.True(caption.Success, "caption reads 'Team: wait rose|fell from X h to Y h'");
        var (team, wait, before, now) = (caption.Groups[1].Value, caption.Groups[2].Value, caption.Groups[4].Value, caption.Groups[5].Value);
        // Hours as the pages write them: "9,939 h" from 100 up, "43.6 h" below.
        Assert.Matches(HoursPattern(), before);
        Assert.Matches(HoursPattern(), now);

        var headers = (await page.Page.Locator("#panel-waits-by-team thead th").AllInnerTextsAsync()).Select(h => h.ToLowerInvariant()).ToList();
        var column = headers.IndexOf(wait);
        Assert.True(column > 0, $"a column for '{wait}' in {string.Join(", ", headers)}");
        var row = page.Page.Locator("#panel-waits-by-team tbody tr", new() { Has = page.Page.Locator("th[scope=row]", new() { HasTextString = team }) });
        var cell = row.Locator("th, td").Nth(column);
        Assert.Equal(now, await cell.Locator("a").InnerTextAsync());
        // The cell's bracket holds the same change as the stat, with the sign written out: "(−3,621 h)" beside "-3,621 h".
        var delta = (await cell.Locator(".delta").InnerTextAsync()).Trim('(', ')').Replace('−', '-');
        Assert.Equal(caption.Groups[3].Value == "fell" ? '-' : '+', delta[0]);
        Assert.Equal(delta.TrimStart('+'), await page.Page.Locator("#panel-biggest-change .stat-value a").InnerTextAsync());
        page.AssertNoErrors();
    }

    [GeneratedRegex(@"^(.+): (.+) (rose|fell) from (.+ h) to (.+ h)$")]
    private static partial Regex CaptionPattern();

    [GeneratedRegex(@"^(\d{1,3}(,\d{3})+|[1-9]\d{2}|\d{1,2}(\.\d)?) h$")]
    private static partial Regex HoursPattern();
}
