using System.Net;
using System.Text.Json;
using DevEx.Server.Tests.Api;
using NodaTime;

namespace DevEx.Server.Tests.Dashboards;

// Queries: queries/explain_incidents.sql (/explain/incidents and GET /api/v1/incidents: I1, restored in 1.5 h).
/// <summary>
/// The dashboards over the worked example of docs/metrics.md (week of 2026-02-02): deployments D1..D4; changes k2 (24 h, in
/// D2), PR #7 (23 h, from r1, in D2) and k3 (2 h, in D3), so a median lead time of 23 h; D3 failed (D4 rolls back to s7,
/// an earlier change set; the incident window would say so too, but rollback comes first) and D4 recovered it an hour
/// later; rework D3 (a revert) and D4 (a rollback); incident I1 restored in 1.5 h.
/// </summary>
public sealed class DashboardPageTests : IAsyncLifetime, IDisposable
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

    private static string Panel(string html, string id) => PageHtml.Panel(html, id);

    /// <summary>The linked value of a stat panel (its level badge aside) and where it links to.</summary>
    private static (string Value, string? Link) StatOf(string panel) => (Texts(panel, "p.stat-value > a").Single(), PageHtml.StatLink(panel));

    /// <summary>The text of the element(s) the selector finds in the fragment.</summary>
    private static List<string> Texts(string html, string selector) => PageHtml.Texts(html, selector);

    [Fact]
    public async Task An_imported_incident_no_change_caused_fails_nothing_and_the_listing_says_why()
    {
        // I2 opens Tue 10:30, 30 min after D2 (Tue 10:00) and before D3 (Tue 14:00): by the window rule D2 would fail too
        // (2 of 4 = 50%). Marked not caused, only D3 (rollback) fails: 1 of 4 = 25%. Restored Tue 11:30 (1 h); with I1's
        // 1.5 h the median time to restore is (1 + 1.5) / 2 = 1.25 h.
        var response = await client.PostAsync("/api/v1/import/incidents", new StringContent(
            """{"id":"I2","service":"api","openedAt":"2026-02-03T10:30:00Z","resolvedAt":"2026-02-03T11:30:00Z","title":"DNS provider outage","causedByChange":false,"causedByChangeReason":"provider outage"}"""));
        response.EnsureSuccessStatusCode();
        using var dora = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/metrics/dora?{Week}"));
        Assert.Equal(0.25, dora.RootElement.GetProperty("changeFailRate").GetProperty("rate").GetDouble());
        Assert.Equal((2, 1.25), (dora.RootElement.GetProperty("incidentTimeToRestore").GetProperty("sampleSize").GetInt32(),
            dora.RootElement.GetProperty("incidentTimeToRestore").GetProperty("medianHours").GetDouble()));
        var incidents = await Page($"/explain/incidents?{Week}");
        Assert.Contains("not caused by a change (import field: provider outage)", PageHtml.RowCells(incidents, "I2"));
    }

    [Fact]
    public async Task Series_charts_mark_the_months_the_window_cuts()
    {
        // 2026-01-26 .. 2026-02-09 by month: January has 6 of its 31 days in the window (26..31), February 8 of 28 (1..8).
        var chart = Panel(await Page("/dashboards/dora?from=2026-01-26&to=2026-02-09&interval=month"), "deployments-series");
        Assert.Equal(["2026-01*", "2026-02*"], Texts(chart, "tbody th[scope=row]"));
        Assert.Equal(["* Partial month, cut by the window: 2026-01* has 6 of 31 days; 2026-02* has 8 of 28 days."], Texts(chart, "p.note.partial"));
        // Whole ISO weeks are not marked.
        var weeks = Panel(await Page("/dashboards/dora?from=2026-01-26&to=2026-02-09&interval=week"), "deployments-series");
        Assert.Contains("2026-W06", Texts(weeks, "tbody th[scope=row]"));
        Assert.Empty(Texts(weeks, "p.note.partial"));
    }

    [Fact]
    public async Task A_series_period_before_the_first_deployment_has_no_figure()
    {
        // 2026-01-26 .. 2026-02-09 by week: W05 ended before D1 (Mon 02-02 09:00), the first deployment: "–", not 0;
        // W06 holds D1..D4.
        var weeks = Panel(await Page("/dashboards/dora?from=2026-01-26&to=2026-02-09&interval=week"), "deployments-series");
        var rows = PageHtml.Rows(weeks);
        Assert.Equal("–", rows.Single(r => r[0] == "2026-W05")[1]);
        Assert.Equal("4", rows.Single(r => r[0] == "2026-W06")[1]);
    }

    [Fact]
    public async Task Dora_stats_show_the_hand_computed_values_with_levels_trends_and_links()
    {
        var html = await Page($"/dashboards/dora?{Week}");
        var frequency = Panel(html, "deployment-frequency");
        // 4 production deployments; the week before (W05) ended before the first one (D1, Mon 02-02 09:00): no figure
        // then, so no change ("–"), not "up 4 from 0".
        Assert.Equal("4", Texts(frequency, "p.stat-value > a").Single());
        Assert.Equal($"/explain/deployments?{Week}", PageHtml.StatLink(frequency));
        Assert.Equal(["high"], Texts(frequency, "p.stat-value span.level.high"));
        Assert.Equal(["previous period: –"], Texts(frequency, "p.trend"));
        var lead = Panel(html, "lead-time");
        Assert.Equal(["23 h"], Texts(lead, "p.stat-value > a")); // median of k3 2 h, PR #7 23 h and k2 24 h
        Assert.Equal(["elite"], Texts(lead, "span.level.elite"));
        var fail = Panel(html, "change-fail-rate");
        Assert.Equal(["25%"], Texts(fail, "p.stat-value > a")); // 1 of 4
        Assert.Equal(["low"], Texts(fail, "span.level.low"));
        Assert.Equal(["1 h"], Texts(Panel(html, "recovery"), "p.stat-value > a")); // D3 14:00 -> D4 15:00
        Assert.Equal(["50%"], Texts(Panel(html, "rework-rate"), "p.stat-value > a")); // D3 (revert) and D4 (redeploy of s7 = rollback) of 4
        Assert.StartsWith("1.5 h", PageHtml.Stat(Panel(html, "incident-restore"))); // I1 14:30 -> 16:00
    }

    [Fact]
    public async Task A_number_drills_down_to_its_rows()
    {
        var all = await Page($"/explain/deployments?{Week}");
        Assert.Equal(["4 rows"], Texts(all, "#rows-h"));
        Assert.Equal(["D4", "D3", "D2", "D1"], PageHtml.RowIds(all));
        var failed = await Page($"/explain/deployments?{Week}&failed=true");
        Assert.Equal(["D3"], PageHtml.RowIds(failed));
        Assert.Contains("failed (rollback)", PageHtml.RowCells(failed, "D3"));
        Assert.Contains(("/api/v1/deployments", "/api/v1/deployments?failed=true&from=2026-02-02&to=2026-02-09"), PageHtml.Anchors(failed, "p.help a")); // the same rows as JSON
        var changes = await Page($"/explain/changes?{Week}");
        Assert.Equal(["3 rows"], Texts(changes, "#rows-h")); // k2 direct (D2), PR #7 (D2), k3 direct (D3); D1 is the stream's first: no changes
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
        using (var document = PageHtml.Parse(team))
        {
            Assert.Equal(["core"], document.QuerySelectorAll("select[name=team] option[selected]").Select(o => o.GetAttribute("value")));
            Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/explain/deployments?from=2026-02-02&to=2026-02-09&team=core");
            var html = document.QuerySelector("a[download='core-2026-W06.html']"); // the ISO week before the clock's (2026-02-11 is in W07)
            Assert.Equal("/api/v1/reports/weekly?team=core&week=2026-W06&format=html", html?.GetAttribute("href"));
        }
        var report = await client.GetAsync("/api/v1/reports/weekly?team=core&week=2026-W06&format=html"); // the button's link
        Assert.Equal("text/html", report.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2026-W06", await report.Content.ReadAsStringAsync());
        Assert.Contains("No team 'nope'", Texts(await Page("/dashboards/dora?team=nope", HttpStatusCode.NotFound), "p.intro").Single());
        Assert.Contains("'from' must be a date", Texts(await Page("/dashboards/dora?from=yesterday", HttpStatusCode.BadRequest), "p.intro").Single());
        // Year 1 to 9999 would be 521,000 weekly periods; 9999-12-30 plus the dashboards' default 12 weeks overflows the calendar.
        var years = await Page("/dashboards/dora?from=0001-01-01&to=9999-12-31", HttpStatusCode.BadRequest);
        Assert.Equal(["Cannot show this view"], Texts(years, "h1"));
        Assert.Contains("'from' (0001-01-01) must be between 1970-01-01 and 9999-01-01.", Texts(years, "p.intro").Single());
        Assert.Contains("'from' (9999-12-30) must be between", Texts(await Page("/?from=9999-12-30", HttpStatusCode.BadRequest), "p.intro").Single());
        // 1970-01-01 to 2041-01-01 with the interval left to its default (week): 3,706 ISO weeks, more than 3,660.
        Assert.Contains("holds 3,706 ISO weeks, more than 3,660", await Page("/dashboards/dora?from=1970-01-01&to=2041-01-01", HttpStatusCode.BadRequest));
        Assert.Contains("There is no dashboard", await Page("/dashboards/nope", HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Cached_results_are_dropped_when_new_data_is_derived()
    {
        Assert.Equal("4", StatOf(Panel(await Page($"/dashboards/dora?{Week}"), "deployment-frequency")).Value);
        var response = await client.PostAsync("/api/v1/import/deployments", new StringContent(
            """{"id":"D5","service":"api","repo":"acme/api","environment":"production","sha":"k3","finishedAt":"2026-02-04T10:00:00Z","status":"success"}"""));
        response.EnsureSuccessStatusCode();
        Assert.Equal("5", StatOf(Panel(await Page($"/dashboards/dora?{Week}"), "deployment-frequency")).Value);
    }

    [Fact]
    public async Task Rework_rate_and_incident_restore_link_to_their_own_rows()
    {
        var html = await Page($"/dashboards/dora?{Week}");
        Assert.Equal(("50%", $"/explain/deployments?{Week}&rework=true"), StatOf(Panel(html, "rework-rate")));
        Assert.Equal(("1.5 h", $"/explain/incidents?{Week}"), StatOf(Panel(html, "incident-restore")));

        // Rework: D3 (its change k3 is a revert) and D4 (a rollback to s7); D1 and D2 are planned.
        var rework = await Page($"/explain/deployments?{Week}&rework=true");
        Assert.Equal(["Rework deployments"], Texts(rework, "h1"));
        Assert.Equal(["D4", "D3"], PageHtml.RowIds(rework));
        Assert.Contains(("/api/v1/deployments", "/api/v1/deployments?rework=true&from=2026-02-02&to=2026-02-09"), PageHtml.Anchors(rework, "p.help a"));
        using var api = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/deployments?{Week}&rework=true"));
        Assert.Equal(["D4", "D3"], api.RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        using var planned = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/deployments?{Week}&rework=false"));
        Assert.Equal(["D2", "D1"], planned.RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetString()));

        // I1: opened Tue 14:30, resolved Tue 16:00 = 1.5 h; it names no cause.
        var incidents = await Page($"/explain/incidents?{Week}");
        Assert.Equal(["I1"], PageHtml.RowIds(incidents));
        var i1Cells = PageHtml.RowCells(incidents, "I1"); // Incident, Title, Service, Severity, Opened, Resolved, Time to restore, Caused by
        Assert.Equal(["2026-02-03 14:30 UTC", "2026-02-03 16:00 UTC", "1.5 h"], i1Cells[4..7]);
        Assert.StartsWith("not named", i1Cells[7]);
        using var incidentsApi = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/incidents?{Week}"));
        var i1 = Assert.Single(incidentsApi.RootElement.EnumerateArray());
        Assert.Equal(("I1", 1.5), (i1.GetProperty("id").GetString(), i1.GetProperty("restoreHours").GetDouble()));
        Assert.Equal(["0 rows"], Texts(await Page("/explain/incidents?from=2026-01-26&to=2026-02-02"), "#rows-h")); // resolved the week after
    }

    [Fact]
    public async Task Every_figure_of_the_per_team_and_per_service_tables_links_to_its_rows()
    {
        var html = await Page($"/dashboards/dora?{Week}");
        foreach (var (panel, scope) in new[] { ("by-team", "team=core"), ("by-service", "service=api") })
        {
            var links = PageHtml.Anchors(Panel(html, panel), "tbody a");
            var rows = $"from=2026-02-02&to=2026-02-09&{scope}";
            Assert.Contains(("4", $"/explain/deployments?{rows}"), links); // D1..D4
            Assert.Contains(("23 h", $"/explain/changes?{rows}"), links); // median of 2, 23, 24
            Assert.Contains(("25%", $"/explain/deployments?{rows}&failed=true"), links); // D3 of 4
            Assert.Contains(("1 h", $"/explain/deployments?{rows}&failed=true"), links); // D3 14:00 -> D4 15:00
            Assert.Contains(("50%", $"/explain/deployments?{rows}&rework=true"), links); // D3 and D4 of 4
        }
    }

    [Fact]
    public async Task Each_period_of_the_fail_and_rework_chart_links_each_rate_to_its_own_rows()
    {
        var chart = Panel(await Page($"/dashboards/dora?{Week}"), "fail-rate-series");
        // One period (2026-W06): change fail rate 25% to the failed deployments, rework rate 50% to the rework deployments.
        Assert.Equal([["2026-W06", "25%", "50%"]], PageHtml.Rows(chart));
        Assert.Equal([[null, "/explain/deployments?from=2026-02-02&to=2026-02-09&failed=true", "/explain/deployments?from=2026-02-02&to=2026-02-09&rework=true"]],
            PageHtml.Links(chart));
    }
}
