using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DevEx.Server.Tests.Browser;

/// <summary>
/// The dashboards and explain listings in Chromium over the bundled sample: each page is clean and accessible, its
/// numbers equal the API's for the same window and scope, the filter form and drill-down links lead to the right
/// numbers and rows, and the CSV of a panel holds the rows of its table.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(LiveServer server, BrowserFixture browser)
{
    // Now is Wed 2027-03-10: the 4 full ISO weeks before its week are Mon 2027-02-08 to Mon 2027-03-08 (exclusive); the
    // dashboards' own default is 12 weeks, so the tests name their window.
    private const string Window = "from=2027-02-08&to=2027-03-08";

    // The explain listings over the last full week, so that every row is shown and the screenshots stay small.
    private const string LastWeek = "from=2027-03-01&to=2027-03-08";

    private static readonly string[] Levels = ["elite", "high", "medium", "low"];

    public static TheoryData<string, string> Pages => new()
    {
        { "dashboard-overview", "/" },
        { "dashboard-dora", "/dashboards/dora" },
        { "dashboard-pull-requests", "/dashboards/pull-requests" },
        { "dashboard-tickets", "/dashboards/tickets" },
        { "dashboard-meetings", "/dashboards/meetings" },
        { "dashboard-data-quality", "/dashboards/data-quality" },
        { "dashboard-adoption", "/dashboards/adoption" },
        { "explain-deployments", $"/explain/deployments?{LastWeek}" },
        { "explain-changes", $"/explain/changes?{LastWeek}" },
        { "explain-pull-requests", $"/explain/pull-requests?{LastWeek}" },
        { "explain-tickets", $"/explain/tickets?{LastWeek}" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_loads_clean_and_accessible_and_is_screenshotted(string name, string path)
    {
        await using var page = await OpenAsync(path);
        Assert.Equal(200, page.Response?.Status);
        await Accessibility.AssertBasicsAsync(page.Page, hasNav: true);
        Assert.Equal("Dashboards", await page.Page.Locator("nav").GetAttributeAsync("aria-label"));
        if (path is "/" or "/dashboards/dora")
        {
            // These pages always show level badges over the sample (lead time and deployment frequency at least):
            // at least one must render, and every one must meet the contrast minimum.
            var badges = await Accessibility.AssertContrastAsync(page.Page, ".level");
            Assert.All(badges, b => Assert.Contains(b.Text, Levels));
        }
        else
        {
            Assert.Empty(await Accessibility.ContrastAsync(page.Page, ".level")); // no level anywhere else
        }
        if (path.StartsWith("/explain/", StringComparison.Ordinal))
        {
            // "123 rows" over a table of those rows (up to 500).
            var rows = DisplayedNumber(await page.Page.Locator("#rows-h").InnerTextAsync());
            Assert.InRange(rows, 1, 500);
            Assert.Equal(rows, await page.Page.Locator("main table tbody tr[id]").CountAsync());
        }
        else
        {
            await AssertChartsAsync(page.Page, DashboardId(path));
        }
        var screenshot = await page.ScreenshotAsync(name);
        Assert.True(new FileInfo(screenshot).Length > 0);
        if (name == "dashboard-overview" && Environment.GetEnvironmentVariable("DEVEX_UPDATE_SCREENSHOTS") == "1")
        {
            await SaveReadmeScreenshotAsync(page.Page);
        }
        page.AssertNoErrors();
    }

    [Fact]
    public async Task Dora_stats_equal_the_api_for_all_teams_and_for_a_team()
    {
        var team = await TeamWithDeploymentsAsync();
        foreach (var scope in new[] { "", $"&team={team}" })
        {
            using var api = await GetJsonAsync($"/api/v1/metrics/dora?{Window}{scope}");
            await using var page = await OpenAsync($"/dashboards/dora?{Window}{scope}");

            Assert.Equal(Deployments(api), DisplayedNumber(await StatAsync(page.Page, "deployment-frequency")));
            Assert.Equal(Percent(api.RootElement.GetProperty("changeFailRate").GetProperty("rate").GetDouble()), await StatAsync(page.Page, "change-fail-rate"));
            page.AssertNoErrors();
        }
    }

    [Fact]
    public async Task Choosing_a_team_in_the_form_changes_the_numbers_to_that_teams()
    {
        var team = await TeamWithDeploymentsAsync();
        using var all = await GetJsonAsync($"/api/v1/metrics/dora?{Window}");
        using var scoped = await GetJsonAsync($"/api/v1/metrics/dora?{Window}&team={team}");
        Assert.NotEqual(Deployments(all), Deployments(scoped));

        await using var page = await OpenAsync($"/dashboards/dora?{Window}");
        Assert.Equal(Deployments(all), DisplayedNumber(await StatAsync(page.Page, "deployment-frequency")));
        await page.Page.Locator("form.filters select[name=team]").SelectOptionAsync(new SelectOptionValue { Value = team });
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.Page.WaitForURLAsync(url => url.Contains("team=", StringComparison.Ordinal));

        Assert.Contains($"team={team}", page.Page.Url);
        Assert.Contains(Window, page.Page.Url);
        Assert.Equal(team, await page.Page.Locator("form.filters select[name=team]").InputValueAsync());
        Assert.Equal(Deployments(scoped), DisplayedNumber(await StatAsync(page.Page, "deployment-frequency")));
        Assert.Equal(Percent(scoped.RootElement.GetProperty("changeFailRate").GetProperty("rate").GetDouble()), await StatAsync(page.Page, "change-fail-rate"));
        page.AssertNoErrors();
    }

    [Fact]
    public async Task Level_badges_render_on_the_dora_page_and_meet_contrast()
    {
        await using var page = await OpenAsync($"/dashboards/dora?{Window}");
        // Four stats carry a level, and each team and service row has four level cells: the sample has all of them.
        var badges = await Accessibility.AssertContrastAsync(page.Page, ".level");
        Assert.True(badges.Count >= 4, $"{badges.Count} level badges");
        foreach (var panel in new[] { "deployment-frequency", "lead-time", "change-fail-rate", "recovery" })
        {
            Assert.Equal(1, await page.Page.Locator($"#panel-{panel} .stat-value .level").CountAsync());
        }
        page.AssertNoErrors();
    }

    [Fact]
    public async Task Lead_time_equals_the_api_and_so_does_a_wait_of_the_overview()
    {
        var team = await TeamWithDeploymentsAsync();
        foreach (var scope in new[] { "", $"&team={team}" })
        {
            using var dora = await GetJsonAsync($"/api/v1/metrics/dora?{Window}{scope}");
            await using var page = await OpenAsync($"/dashboards/dora?{Window}{scope}");
            Assert.Equal(Hours(dora.RootElement.GetProperty("changeLeadTime").GetProperty("medianHours").GetDouble()), await StatAsync(page.Page, "lead-time"));
            page.AssertNoErrors();

            using var waits = await GetJsonAsync($"/api/v1/metrics/wait-states?{Window}{scope}");
            var pickup = waits.RootElement.GetProperty("waits").EnumerateArray().Single(w => w.GetProperty("wait").GetString() == "pr-pickup");
            await using var overview = await OpenAsync($"/?{Window}{scope}");
            var row = overview.Page.Locator("#panel-waits tbody tr").Filter(new() { HasText = "Waiting for first review" });
            var cells = await row.Locator("td").AllInnerTextsAsync();
            Assert.Equal(Hours(pickup.GetProperty("totalWorkingHours").GetDouble()), cells[1]);
            Assert.Equal(Hours(pickup.GetProperty("medianWorkingHours").GetDouble()), cells[3]);
            Assert.Equal(pickup.GetProperty("sampleSize").GetInt64(), DisplayedNumber(cells[4]));
            overview.AssertNoErrors();
        }
    }

    [Fact]
    public async Task Choosing_a_service_dates_and_an_interval_change_the_numbers_to_the_apis()
    {
        var service = await ServiceWithDeploymentsAsync();
        using var all = await GetJsonAsync($"/api/v1/metrics/dora?{Window}");
        using var scoped = await GetJsonAsync($"/api/v1/metrics/dora?{Window}&service={service}");
        Assert.NotEqual(Deployments(all), Deployments(scoped));

        await using var page = await OpenAsync($"/dashboards/dora?{Window}");
        var form = page.Page.Locator("form.filters");
        async Task ApplyAsync(string expected)
        {
            await page.Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await page.Page.WaitForURLAsync(url => url.Contains(expected, StringComparison.Ordinal));
        }

        // The service.
        await form.Locator("select[name=service]").SelectOptionAsync(new SelectOptionValue { Value = service });
        await ApplyAsync($"service={service}");
        Assert.Equal(Deployments(scoped), DisplayedNumber(await StatAsync(page.Page, "deployment-frequency")));
        Assert.Equal(Percent(scoped.RootElement.GetProperty("changeFailRate").GetProperty("rate").GetDouble()), await StatAsync(page.Page, "change-fail-rate"));

        // Then the dates: the last week only, still for that service.
        using var week = await GetJsonAsync($"/api/v1/metrics/dora?{LastWeek}&service={service}");
        Assert.NotEqual(Deployments(scoped), Deployments(week));
        await form.Locator("input[name=from]").FillAsync("2027-03-01");
        await form.Locator("input[name=to]").FillAsync("2027-03-08");
        await ApplyAsync("from=2027-03-01");
        Assert.Contains($"service={service}", page.Page.Url);
        Assert.Equal(Deployments(week), DisplayedNumber(await StatAsync(page.Page, "deployment-frequency")));

        // Then the interval, over the four weeks again: months, each with the API's deployments.
        await form.Locator("input[name=from]").FillAsync("2027-02-08");
        await form.Locator("select[name=interval]").SelectOptionAsync(new SelectOptionValue { Value = "month" });
        await ApplyAsync("interval=month");
        using var series = await GetJsonAsync($"/api/v1/metrics/dora/series?{Window}&service={service}&interval=month");
        var periods = series.RootElement.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(2, periods.Count); // February from the 8th, and March to the 7th
        var table = page.Page.Locator("#panel-deployments-series details table");
        Assert.Equal("month", (await table.Locator("thead th").First.TextContentAsync())?.Trim());
        var rows = await table.Locator("tbody tr").AllAsync();
        Assert.Equal(periods.Count, rows.Count);
        foreach (var (row, period) in rows.Zip(periods))
        {
            // Both months are cut by the window (February from the 8th, March to the 7th): marked "*" as the API says partial.
            Assert.True(period.GetProperty("partial").GetBoolean());
            Assert.Equal(period.GetProperty("from").GetString()![..7] + "*", (await row.Locator("th").TextContentAsync())?.Trim());
            Assert.Equal(period.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt64(),
                DisplayedNumber((await row.Locator("td").First.TextContentAsync())!.Trim()));
        }
        page.AssertNoErrors();
    }

    public static TheoryData<string, string, string, string> DrillDowns => new()
    {
        // dashboard, stat panel, listing, API listing
        { "/dashboards/dora", "lead-time", "/explain/changes", "/api/v1/changes" },
        { "/dashboards/pull-requests", "pickup", "/explain/pull-requests", "/api/v1/pull-requests" },
        { "/dashboards/tickets", "cycle", "/explain/tickets", "/api/v1/tickets" },
    };

    [Theory]
    [MemberData(nameof(DrillDowns))]
    public async Task A_stat_drills_down_to_exactly_the_rows_the_api_lists(string dashboard, string panel, string listing, string apiListing)
    {
        using var api = await GetJsonAsync($"{apiListing}?{LastWeek}");
        var ids = api.RootElement.EnumerateArray().Select(RowId).ToList();
        Assert.InRange(ids.Count, 1, 500);
        Assert.Equal(ids.Count, ids.Distinct().Count()); // one row each: ids a fragment can name

        await using var page = await OpenAsync($"{dashboard}?{LastWeek}");
        await page.Page.Locator($"#panel-{panel} .stat-value a").ClickAsync();
        await page.Page.WaitForURLAsync(url => url.Contains("/explain/", StringComparison.Ordinal));

        Assert.Equal(server.Url($"{listing}?{LastWeek}"), page.Page.Url);
        Assert.Equal($"{ids.Count.ToString("#,0", CultureInfo.InvariantCulture)} rows", await page.Page.Locator("#rows-h").InnerTextAsync());
        var shown = await page.Page.EvalOnSelectorAllAsync<string[]>("main table tbody tr[id]", "rows => rows.map(r => r.id)");
        Assert.Equal(ids.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        page.AssertNoErrors();
    }

    /// <summary>The row id an explain listing gives an API row: service:kind-ref for changes, repo#number for pull requests, the key for tickets.</summary>
    private static string RowId(JsonElement row) =>
        row.TryGetProperty("key", out var key) ? key.GetString()!
        : row.TryGetProperty("kind", out var kind) ? $"{row.GetProperty("service").GetString()}:{kind.GetString()}-{row.GetProperty("ref").GetString()}"
        : $"{row.GetProperty("repo").GetString()}#{row.GetProperty("number").GetInt32()}";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Deployments_stat_links_to_the_deployments_the_api_lists(bool forATeam)
    {
        var scope = forATeam ? $"&team={await TeamWithDeploymentsAsync()}" : "";
        using var api = await GetJsonAsync($"/api/v1/deployments?{Window}{scope}");
        var ids = api.RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToHashSet();
        Assert.NotEmpty(ids);

        await using var page = await OpenAsync($"/dashboards/dora?{Window}{scope}");
        await page.Page.Locator("#panel-deployment-frequency .stat-value a").ClickAsync();
        await page.Page.WaitForURLAsync(url => url.Contains("/explain/", StringComparison.Ordinal));

        Assert.Equal(server.Url($"/explain/deployments?{Window}{scope}"), page.Page.Url);
        Assert.Equal($"{ids.Count.ToString("#,0", CultureInfo.InvariantCulture)} rows", await page.Page.Locator("#rows-h").InnerTextAsync());
        var rows = page.Page.Locator("main table tbody tr[id]");
        Assert.Equal(Math.Min(ids.Count, 500), await rows.CountAsync());
        Assert.Contains(await rows.First.GetAttributeAsync("id"), ids);
        // The listing's JSON link is the API listing behind the same rows.
        Assert.Equal($"/api/v1/deployments?{Window}{scope}", await page.Page.Locator("#rows-h + .help a").GetAttributeAsync("href"));
        page.AssertNoErrors();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/dashboards/dora")]
    [InlineData("/dashboards/pull-requests")]
    [InlineData("/dashboards/tickets")]
    [InlineData("/dashboards/meetings")]
    [InlineData("/dashboards/data-quality")]
    public async Task Every_local_link_answers_and_its_fragment_names_a_row(string path)
    {
        await using var page = await OpenAsync($"{path}?{Window}");
        var hrefs = await page.Page.EvalOnSelectorAllAsync<string[]>("a[href^='/']", "links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(hrefs);
        var broken = new System.Collections.Concurrent.ConcurrentBag<string>();
        // A few at a time: the explain listings behind a page are many, and each is a query.
        await Parallel.ForEachAsync(hrefs.GroupBy(h => h.Split('#')[0]), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (target, ct) =>
        {
            using var response = await server.Client.GetAsync(target.Key, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{target.Key}: {(int)response.StatusCode}");
                return;
            }
            var fragments = target.Where(h => h.Contains('#')).Select(h => Uri.UnescapeDataString(h.Split('#')[1])).ToList();
            if (fragments.Count > 0)
            {
                var ids = Ids(await response.Content.ReadAsStringAsync(ct));
                foreach (var missing in fragments.Where(f => !ids.Contains(f)))
                {
                    broken.Add($"{target.Key}: no element #{missing}");
                }
            }
        });
        Assert.True(broken.IsEmpty, $"{path}: broken links:\n{string.Join('\n', broken)}");
        page.AssertNoErrors();
    }

    [Fact]
    public async Task Waits_csv_holds_the_rows_of_the_waits_table()
    {
        await using var page = await OpenAsync("/");
        var panel = page.Page.Locator("#panel-waits");
        var href = await panel.Locator(".panel-links a[download]").GetAttributeAsync("href");
        Assert.StartsWith("/dashboards/overview/panels/waits.csv?", href);

        using var response = await server.Client.GetAsync(href);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = ParseCsv(await response.Content.ReadAsStringAsync());
        var header = csv[0];
        // The columns dashboards/overview.json puts in the table, under their snake_case names, the wait first.
        Assert.Equal("wait", header[0]);
        Assert.Subset(header.ToHashSet(), new HashSet<string> { "wait", "hours", "hours_previous", "median_working_hours", "sample_size" });

        var htmlRows = await panel.Locator("tbody tr").AllAsync();
        Assert.Equal(htmlRows.Count, csv.Count - 1);
        var hours = header.IndexOf("hours");
        foreach (var (row, i) in htmlRows.Select((r, i) => (r, i)))
        {
            var cells = await row.Locator("td").AllInnerTextsAsync();
            var record = csv[i + 1];
            Assert.Equal(cells[0], record[0]);
            // "17,125 h" shows 17124.66 to the hour, "11.2 h" to a tenth.
            var shown = double.Parse(cells[1].Replace(" h", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
            var raw = double.Parse(record[hours], CultureInfo.InvariantCulture);
            Assert.InRange(shown - raw, -0.5, 0.5);
        }
        page.AssertNoErrors();
    }

    [Fact]
    public async Task Chart_table_view_opens_on_click()
    {
        await using var page = await OpenAsync("/");
        var details = page.Page.Locator("#panel-waits-trend details");
        var table = details.Locator("table");
        Assert.False(await table.IsVisibleAsync());
        await details.Locator("summary").ClickAsync();
        Assert.True(await details.EvaluateAsync<bool>("d => d.open"));
        Assert.True(await table.IsVisibleAsync());
        // The overview's default window is the 12 full ISO weeks before now's: one row per week.
        Assert.Equal(12, await table.Locator("tbody tr").CountAsync());
        page.AssertNoErrors();
    }

    /// <summary>Every chart panel of the definition renders a named SVG image with a table view.</summary>
    private static async Task AssertChartsAsync(IPage page, string dashboard)
    {
        using var definition = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "dashboards", $"{dashboard}.json")));
        var charts = definition.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.GetProperty("kind").GetString() is not ("stat" or "table" or "pivot"))
            .Select(p => p.GetProperty("id").GetString()!).ToList();
        Assert.Equal(charts.Count, await page.Locator("figure.chart").CountAsync());
        foreach (var id in charts)
        {
            var svg = page.Locator($"#panel-{id} figure.chart > svg");
            Assert.Equal("img", await svg.GetAttributeAsync("role"));
            Assert.False(string.IsNullOrWhiteSpace(await svg.GetAttributeAsync("aria-label")), $"chart {id} has no aria-label");
            Assert.Equal("Table view", await page.Locator($"#panel-{id} details > summary").InnerTextAsync());
            Assert.Equal(1, await page.Locator($"#panel-{id} details table").CountAsync());
        }
    }

    /// <summary>docs/screenshots/overview.png for the README: the top 1280 × 1400 of the page.</summary>
    private static async Task SaveReadmeScreenshotAsync(IPage page)
    {
        var path = Path.Combine(RepositoryRoot.Path, "docs", "screenshots", "overview.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path, FullPage = true, Type = ScreenshotType.Png,
            Clip = new Clip { X = 0, Y = 0, Width = 1280, Height = Math.Min(height, 1400) },
        });
    }

    private async Task<BrowserPage> OpenAsync(string path)
    {
        var page = await browser.OpenAsync(server.Url(path));
        await page.Page.SetViewportSizeAsync(1280, 900);
        return page;
    }

    private async Task<JsonDocument> GetJsonAsync(string path) => JsonDocument.Parse(await server.Client.GetStringAsync(path));

    /// <summary>The first team of /api/v1/teams that deployed in the window, so that scoping to it is a real narrowing.</summary>
    private async Task<string> TeamWithDeploymentsAsync()
    {
        using var teams = await GetJsonAsync("/api/v1/teams");
        foreach (var team in teams.RootElement.EnumerateArray().Select(t => t.GetProperty("id").GetString()!))
        {
            using var dora = await GetJsonAsync($"/api/v1/metrics/dora?{Window}&team={team}");
            if (Deployments(dora) > 0)
            {
                return team;
            }
        }
        throw new InvalidOperationException("No team of the sample deployed in the window.");
    }

    /// <summary>The first service of /api/v1/services that deployed in the window and in its last week.</summary>
    private async Task<string> ServiceWithDeploymentsAsync()
    {
        using var services = await GetJsonAsync("/api/v1/services");
        foreach (var service in services.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()!))
        {
            using var window = await GetJsonAsync($"/api/v1/metrics/dora?{Window}&service={service}");
            using var week = await GetJsonAsync($"/api/v1/metrics/dora?{LastWeek}&service={service}");
            if (Deployments(week) > 0 && Deployments(window) > Deployments(week))
            {
                return service;
            }
        }
        throw new InvalidOperationException("No service of the sample deployed in the window.");
    }

    /// <summary>Hours as the pages write them: 7.46 → "7.5 h", 1204.4 → "1,204 h".</summary>
    private static string Hours(double hours) => hours.ToString(Math.Abs(hours) >= 100 ? "#,0" : "0.#", CultureInfo.InvariantCulture) + " h";

    private static long Deployments(JsonDocument dora) => dora.RootElement.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt64();

    /// <summary>A rate as the pages write it: 0.0459 → "4.6%".</summary>
    private static string Percent(double rate) => (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static async Task<string> StatAsync(IPage page, string panel) => (await page.Locator($"#panel-{panel} .stat-value a").InnerTextAsync()).Trim();

    /// <summary>The leading count of a text as pages write it: "1,139" → 1139, "392 rows" → 392.</summary>
    private static long DisplayedNumber(string text) =>
        long.Parse(text.Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static string DashboardId(string path) => path == "/" ? "overview" : path["/dashboards/".Length..];

    /// <summary>Every id a page's elements carry, decoded from its HTML.</summary>
    private static HashSet<string> Ids(string html) =>
        [.. Regex.Matches(html, "\\sid=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>RFC 4180: fields split by commas, records by CRLF, quoted fields with doubled quotes.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }
        return records;
    }
}
