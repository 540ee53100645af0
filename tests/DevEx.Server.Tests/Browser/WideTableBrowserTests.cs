namespace DevEx.Server.Tests.Browser;

/// <summary>
/// Tables in half-width panels fit their panel on a 1440 px screen: the slowest merged pull requests (long titles, long
/// repository names) were cut off at the panel's right edge, behind a scroll bar.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WideTableBrowserTests(LiveServer server, BrowserFixture browser)
{
    // The dashboards' default window, 12 full ISO weeks before Now (Wed 2027-03-10): its slowest pull requests waited
    // hundreds of hours, and the table was 30-40 px wider than its panel.

    [Theory]
    [InlineData("slowest")]
    [InlineData("waiting-for-review")]
    public async Task A_half_width_pull_request_table_fits_its_panel_at_1440_px(string panel)
    {
        await using var page = await browser.OpenAsync(server.Url("/dashboards/pull-requests"));
        await page.Page.SetViewportSizeAsync(1440, 900);

        var rows = await page.Page.Locator($"#panel-{panel} tbody tr").CountAsync();
        Assert.True(rows > 0, $"the sample has rows for {panel}");
        // [scrollWidth, clientWidth] of the scrolling wrapper, the table's right edge and the viewport's width.
        var sizes = await page.Page.EvaluateAsync<double[]>($$"""
            () => {
              const wrap = document.querySelector('#panel-{{panel}} .table-wrap');
              const table = wrap.querySelector('table');
              return [wrap.scrollWidth, wrap.clientWidth, table.getBoundingClientRect().right, document.documentElement.clientWidth];
            }
            """);
        Assert.True(sizes[0] <= sizes[1], $"{panel}: the table is {sizes[0]} px wide in a {sizes[1]} px panel");
        Assert.True(sizes[2] <= sizes[3], $"{panel}: the table ends at {sizes[2]} px, past the {sizes[3]} px viewport");
        // A title cut short keeps the whole of it in its title attribute (a tooltip, and what a screen reader can read).
        var cut = await page.Page.EvaluateAsync<string[]>($$"""
            () => [...document.querySelectorAll('#panel-{{panel}} td.clip')].filter(td => td.scrollWidth > td.clientWidth)
              .filter(td => td.getAttribute('title') !== td.textContent).map(td => td.textContent)
            """);
        Assert.Empty(cut);
        page.AssertNoErrors();
    }
}
