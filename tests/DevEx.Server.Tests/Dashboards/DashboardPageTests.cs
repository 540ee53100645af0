using System.Net;
using System.Text.RegularExpressions;
using DevEx.Server.Tests.Api;
using NodaTime;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// The dashboards over the worked example of METRICS.md (week of 2026-02-02): D1..D4, lead times 23/23/24... as the
/// API tests compute them by hand; D3 failed (D4 rolls back to s7, an earlier change set; the incident window would say so too, but rollback comes first) and D4 recovered it an hour later.
/// </summary>
public sealed partial class DashboardPageTests : IAsyncLifetime, IDisposable
{
    private const string Week = "from=2026-02-02&to=2026-02-09";
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        client = factory.CreateClient();
        await WorkedExampleImport.LoadAsync(client);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => factory.Dispose();

    private async Task<string> Page(string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Panel(string html, string id)
    {
        var start = html.IndexOf($"id=\"panel-{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no panel {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Dora_stats_show_the_hand_computed_values_with_levels_trends_and_links()
    {
        var html = await Page($"/dashboards/dora?{Week}");
        var frequency = Panel(html, "deployment-frequency");
        // 4 production deployments; the week before had none.
        Assert.Contains($"<a href=\"/explain/deployments?{Week.Replace("&", "&amp;", StringComparison.Ordinal)}\">4</a>", frequency);
        Assert.Contains("class=\"level high\"", frequency);
        Assert.Contains("up 4 from 0", frequency);
        var lead = Panel(html, "lead-time");
        Assert.Contains(">23 h</a>", lead); // median of 23, 23, 24 hours... as DoraApiTests: 23.0
        Assert.Contains("class=\"level elite\"", lead);
        var fail = Panel(html, "change-fail-rate");
        Assert.Contains(">25%</a>", fail); // 1 of 4
        Assert.Contains("class=\"level low\"", fail);
        Assert.Contains(">1 h</a>", Panel(html, "recovery")); // D3 14:00 -> D4 15:00
        Assert.Contains(">50%</a>", Panel(html, "rework-rate")); // D3 (revert) and D4 (redeploy of s7 = rollback) of 4
        Assert.Contains("1.5 h", Panel(html, "incident-restore")); // I1 14:30 -> 16:00
    }

    [Fact]
    public async Task A_number_drills_down_to_its_rows()
    {
        var all = await Page($"/explain/deployments?{Week}");
        Assert.Contains("4 rows", all);
        Assert.Equal(["D4", "D3", "D2", "D1"], RowIds().Matches(all).Select(m => m.Groups[1].Value));
        var failed = await Page($"/explain/deployments?{Week}&failed=true");
        Assert.Equal(["D3"], RowIds().Matches(failed).Select(m => m.Groups[1].Value));
        Assert.Contains("failed (rollback)", failed);
        Assert.Contains("href=\"/api/v1/deployments?failed=true&amp;from=2026-02-02&amp;to=2026-02-09\"", failed); // the same rows as JSON
        var changes = await Page($"/explain/changes?{Week}");
        Assert.Contains("3 rows", changes); // k2 direct (D2), PR #7 (D2), k3 direct (D3); D1 is the stream's first: no changes
    }

    [Fact]
    public async Task A_panel_downloads_as_csv_with_raw_values()
    {
        var response = await client.GetAsync($"/dashboards/dora/panels/failed-deployments.csv?{Week}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("finished_at,service,environment,sha,failure_method,failure_evidence,recovery_hours", lines[0]);
        Assert.Single(lines[1..]);
        Assert.StartsWith("2026-02-03T14:00:00Z,api,production,k3,rollback,", lines[1]);
        Assert.EndsWith(",1", lines[1]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboards/dora/panels/nope.csv")).StatusCode);
    }

    [Fact]
    public async Task Filters_live_in_the_url_and_bad_ones_get_a_readable_page()
    {
        var team = await Page($"/dashboards/dora?{Week}&team=core");
        Assert.Contains("<option value=\"core\" selected>", team);
        Assert.Contains("/explain/deployments?from=2026-02-02&amp;to=2026-02-09&amp;team=core", team);
        Assert.Contains("download=\"core-2026-W06.html\" href=\"/api/v1/reports/weekly?team=core&amp;week=2026-W06&amp;format=html\"", team); // the ISO week before the clock's (2026-02-11 is in W07)
        var report = await client.GetAsync("/api/v1/reports/weekly?team=core&week=2026-W06&format=html"); // the button's link
        Assert.Equal("text/html", report.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2026-W06", await report.Content.ReadAsStringAsync());
        Assert.Contains("No team &#x27;nope&#x27;", await Page("/dashboards/dora?team=nope", HttpStatusCode.NotFound));
        Assert.Contains("&#x27;from&#x27; must be a date", await Page("/dashboards/dora?from=yesterday", HttpStatusCode.BadRequest));
        Assert.Contains("There is no dashboard", await Page("/dashboards/nope", HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Cached_results_are_dropped_when_new_data_is_derived()
    {
        Assert.Contains(">4</a>", Panel(await Page($"/dashboards/dora?{Week}"), "deployment-frequency"));
        var response = await client.PostAsync("/api/v1/import/deployments", new StringContent(
            """{"id":"D5","service":"api","repo":"acme/api","environment":"production","sha":"k3","finishedAt":"2026-02-04T10:00:00Z","status":"success"}"""));
        response.EnsureSuccessStatusCode();
        Assert.Contains(">5</a>", Panel(await Page($"/dashboards/dora?{Week}"), "deployment-frequency"));
    }

    [GeneratedRegex("<tr id=\"([^\"]+)\">")]
    private static partial Regex RowIds();
}
