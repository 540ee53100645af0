using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using NodaTime;

namespace DevEx.Server.Tests.Reports;

// Queries: open_pull_requests, report_data_freshness (through GET /api/v1/reports/weekly).
/// <summary>
/// GET /api/v1/reports/weekly: every format carries the API's numbers (DORA, CI, wait states, meetings) for the
/// hand-computed week; the team is in UTC, the org's zone, so the report's week and the API's window are the same instants.
/// </summary>
public sealed class WeeklyReportApiTests : IAsyncLifetime, IDisposable
{
    private const string Report = "/api/v1/reports/weekly?team=core&week=2026-W06";
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        client = factory.CreateClient();
        await ReportScenarioImport.LoadAsync(client);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        client?.Dispose();
        factory.Dispose();
    }

    [Fact]
    public async Task Json_figures_equal_the_dora_api_and_the_hand_computed_values()
    {
        var dora = await Json("/api/v1/metrics/dora?team=core&from=2026-02-02&to=2026-02-09");
        var figures = (await Json($"{Report}&format=json")).GetProperty("figures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("metric").GetString()!, f => f.GetProperty("value"));
        Assert.Equal(4, dora.GetProperty("deploymentFrequency").GetProperty("deployments").GetDouble());
        Assert.Equal(27, dora.GetProperty("changeLeadTime").GetProperty("medianHours").GetDouble());
        Assert.Equal(0.25, dora.GetProperty("changeFailRate").GetProperty("rate").GetDouble());
        Assert.Equal(4, figures["deployments"].GetDouble());
        Assert.Equal(27, figures["changeLeadTimeMedianHours"].GetDouble());
        Assert.Equal(0.25, figures["changeFailRate"].GetDouble());
        // Working hours (Mon-Fri 09:00-17:00 UTC) from commit to deployment: c2 Mon 09:00 → Tue 09:00 = 8; c3 Tue 10:00 →
        // Wed 16:00 = 7 + 7 = 14; c4 Wed 12:00 → Fri 08:00 = 5 + 8 + 0 = 13; c5 Fri 09:00 → 10:00 = 1. Median (8 + 13) / 2.
        Assert.Equal(10.5, dora.GetProperty("changeLeadTime").GetProperty("medianWorkingHours").GetDouble());
        Assert.Equal(10.5, figures["changeLeadTimeMedianWorkingHours"].GetDouble());
        Assert.Equal(2, figures["failedDeploymentRecoveryTimeMedianHours"].GetDouble());
        Assert.Equal(2, figures["incidentTimeToRestoreMedianHours"].GetDouble());
    }

    [Fact]
    public async Task Ci_hot_spots_equal_the_ci_api_and_the_hand_computed_values()
    {
        var api = await Json("/api/v1/metrics/ci?team=core&from=2026-02-02&to=2026-02-09");
        var apiWorkflows = api.GetProperty("workflows").EnumerateArray().ToDictionary(w => w.GetProperty("workflow").GetString()!);
        var report = await Json($"{Report}&format=json");
        var slowest = report.GetProperty("slowestWorkflows").EnumerateArray().ToList();
        // e2e: 1 run, queue 30 min, run 60 min (1.5 h); ci: 3 runs, queue 1, 2, 1 min (median 1), run 10 min each (11 min).
        Assert.Equal(["e2e", "ci"], slowest.Select(w => w.GetProperty("workflow").GetString()));
        Assert.Equal((1, 0.5, 1.0), Workflow(slowest[0]));
        Assert.Equal(3, slowest[1].GetProperty("runs").GetInt64());
        Assert.Equal(1.0 / 60, slowest[1].GetProperty("medianQueueHours").GetDouble(), 9);
        Assert.Equal(10.0 / 60, slowest[1].GetProperty("medianRunHours").GetDouble(), 9);
        foreach (var workflow in slowest)
        {
            Assert.Equal(Workflow(apiWorkflows[workflow.GetProperty("workflow").GetString()!]), Workflow(workflow));
        }
        // ci: r2 failed and r3 re-ran it: 1 of 3 runs each.
        var flaky = Assert.Single(report.GetProperty("flakiestWorkflows").EnumerateArray());
        Assert.Equal(("ci", 1.0 / 3, 1.0 / 3), (flaky.GetProperty("workflow").GetString(), flaky.GetProperty("rerunRate").GetDouble(), flaky.GetProperty("failureRate").GetDouble()));
        Assert.Equal((apiWorkflows["ci"].GetProperty("rerunRate").GetDouble(), apiWorkflows["ci"].GetProperty("failureRate").GetDouble()),
            (flaky.GetProperty("rerunRate").GetDouble(), flaky.GetProperty("failureRate").GetDouble()));
        // CI wait per change: PR #12's runs r2 and r3, queue 2 + 1 min and run 10 + 10 min: 23 min.
        var perChange = Figures(report)["ciWaitPerChangeMedianHours"].GetDouble();
        Assert.Equal(23.0 / 60, perChange, 9);
        Assert.Equal(api.GetProperty("perChange").GetProperty("medianHours").GetDouble(), perChange);
        // All of it Tue 10:00-10:31, inside working hours: the same 23 min in working hours, as the API has it.
        var perChangeWorking = Figures(report)["ciWaitPerChangeMedianWorkingHours"].GetDouble();
        Assert.Equal(23.0 / 60, perChangeWorking, 9);
        Assert.Equal(api.GetProperty("perChange").GetProperty("medianWorkingHours").GetDouble(), perChangeWorking);
    }

    [Fact]
    public async Task Wait_states_equal_the_wait_states_api_and_the_hand_computed_values()
    {
        var api = (await Json("/api/v1/metrics/wait-states?team=core&from=2026-02-02&to=2026-02-09")).GetProperty("waits").EnumerateArray()
            .Where(w => w.GetProperty("sampleSize").GetInt64() > 0).ToList();
        var report = await Json($"{Report}&format=json");
        var waits = report.GetProperty("waitStates").EnumerateArray().ToList();
        // The API lists all 8 waits; all 8 have a sample this week (PR #12 merged, CORE-1 done), most working hours first.
        Assert.Equal(["ticket-wait", "ticket-blocked", "pr-pickup", "pr-merge-wait", "deploy-wait", "ci-run", "ci-queue", "pr-review"],
            waits.Select(w => w.GetProperty("wait").GetString()));
        Assert.Equal(api.Select(w => JsonSerializer.Serialize(w)), waits.Select(w => JsonSerializer.Serialize(w))); // every field, compared as compact JSON
        // PR #12: pickup Tue 10:30 → Wed 12:00 = 25.5 h, 6.5 + 3 = 9.5 working hours; the week before PR #9's 5 (10:00 → 15:00).
        Assert.Equal(25.5, waits[2].GetProperty("medianHours").GetDouble());
        var pickup = Figures(report, "previous")["prPickupHours"];
        Assert.Equal((9.5, 5.0), (Figures(report)["prPickupHours"].GetDouble(), pickup.GetDouble()));
        // CORE-1 blocked Tue 09:00 → Thu 09:00: 48 h, 16 working hours.
        Assert.Equal((48.0, 16.0), (waits[1].GetProperty("totalHours").GetDouble(), waits[1].GetProperty("totalWorkingHours").GetDouble()));
        var csv = await client.GetStringAsync($"{Report}&format=csv");
        Assert.Contains("core,2026-W06,prPickupHours,9.5,hours,5,4.5", csv.Split('\n'));
        Assert.Contains("core,2026-W06,ticketBlockedHours,16,hours,,", csv.Split('\n'));
    }

    [Fact]
    public async Task Meetings_equal_the_meetings_api_no_calendar_data()
    {
        // No calendars were imported: no figure (null, not 40 h of focus and 0 %), and the reason; nothing is withheld.
        var api = await Json("/api/v1/metrics/meetings?team=core&from=2026-02-02&to=2026-02-09");
        var report = await Json($"{Report}&format=json");
        var meetings = report.GetProperty("meetings");
        Assert.False(api.GetProperty("withheld").GetBoolean());
        Assert.Equal("no calendar data: no calendar of this team's members covers these weeks", api.GetProperty("noDataReason").GetString());
        Assert.Equal((false, 0L), (meetings.GetProperty("withheld").GetBoolean(), meetings.GetProperty("people").GetInt64()));
        Assert.Equal(api.GetProperty("noDataReason").GetString(), meetings.GetProperty("noDataReason").GetString());
        Assert.Equal(JsonValueKind.Null, Figures(report)["medianFocusHoursPerWeek"].ValueKind);
        Assert.Equal(api.GetProperty("people").GetInt64(), meetings.GetProperty("people").GetInt64());
        Assert.Equal(JsonValueKind.Null, Figures(report)["medianMeetingHoursPerWeek"].ValueKind);
        Assert.Equal(api.GetProperty("medianMeetingHoursPerWeek").ValueKind, Figures(report)["medianMeetingHoursPerWeek"].ValueKind);
    }

    [Fact]
    public async Task The_lists_hold_the_open_pull_requests_and_blocked_tickets_at_the_week_end()
    {
        var report = await Json($"{Report}&format=json");
        // Mon 2026-02-09 00:00: #10 ready Mon 02-02 10:00 (158 h, no review); #11 ready Thu 12:00 (84 h, commented: merge);
        // #13 is a draft.
        Assert.Equal([(10, 158.0, "review"), (11, 84.0, "merge")], report.GetProperty("waitingPullRequests").EnumerateArray()
            .Select(p => (p.GetProperty("number").GetInt32(), Math.Round(p.GetProperty("waitingHours").GetDouble(), 6), p.GetProperty("waitingFor").GetString())));
        // CORE-2 blocked Fri 12:00 → the end (60 h, still blocked; Fri 12:00-17:00 = 5 working hours); CORE-1 Tue 09:00 →
        // Thu 09:00 (48 h; Tue and Wed 09:00-17:00 = 16 working hours); CORE-3 only in W04.
        Assert.Equal([("CORE-2", 60.0, 5.0, true), ("CORE-1", 48.0, 16.0, false)], report.GetProperty("blockedTickets").EnumerateArray()
            .Select(t => (t.GetProperty("key").GetString(), Math.Round(t.GetProperty("blockedHours").GetDouble(), 6),
                Math.Round(t.GetProperty("blockedWorkingHours").GetDouble(), 6), t.GetProperty("stillBlocked").GetBoolean())));
    }

    [Fact]
    public async Task Csv_rows_equal_the_json_figures()
    {
        var response = await client.GetAsync($"{Report}&format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("core-2026-W06.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var rows = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[2]);
        Assert.Equal(["core", "2026-W06", "deployments", "4", "count", "2", "2"], rows["deployments"]);
        Assert.Equal(["core", "2026-W06", "changeLeadTimeMedianHours", "27", "hours", "24", "3"], rows["changeLeadTimeMedianHours"]);
        Assert.Equal(["core", "2026-W06", "changeFailRate", "0.25", "ratio", "0", "0.25"], rows["changeFailRate"]);
        var json = (await Json($"{Report}&format=json")).GetProperty("figures").EnumerateArray();
        foreach (var figure in json)
        {
            var row = rows[figure.GetProperty("metric").GetString()!];
            var value = figure.GetProperty("value");
            Assert.Equal(value.ValueKind == JsonValueKind.Null ? "" : value.GetDouble().ToString("R", CultureInfo.InvariantCulture), row[3]);
        }
    }

    [Fact]
    public async Task Html_and_markdown_show_the_same_numbers()
    {
        var html = await client.GetStringAsync($"{Report}&format=html");
        var markdown = await client.GetStringAsync($"{Report}&format=md");
        foreach (var text in new[] { html, markdown })
        {
            Assert.Contains("Core: week 2026-W06", text);
            Assert.Contains("27 h", text);
            Assert.Contains("25%", text);
            Assert.Contains("– → – → 2 → 4", text); // W03 and W04 lie before the first deployment: no figure
            Assert.Contains("acme/api#10", text);
            Assert.Contains("158 h", text); // #10: ready Mon 10:00, still open at Mon 2026-02-09 00:00
        }
        Assert.Contains("<svg", html);
    }

    [Fact]
    public async Task The_zip_holds_markdown_with_png_charts_beside_it()
    {
        var bytes = await client.GetByteArrayAsync($"{Report}&format=zip");
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("2026-W06.md", names);
        Assert.Contains("2026-W06-charts/deployments.png", names);
        using var png = zip.GetEntry("2026-W06-charts/deployments.png")!.Open();
        var signature = new byte[8];
        png.ReadExactly(signature);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, signature);
    }

    [Theory]
    [InlineData("/api/v1/reports/weekly?team=core&week=2026-W60", "week")]
    [InlineData("/api/v1/reports/weekly?team=core&week=0001-W01", "week")] // its previous week and trend would be in year 0
    [InlineData("/api/v1/reports/weekly?team=core&week=1969-W52", "week")]
    [InlineData("/api/v1/reports/weekly?team=core&week=9999-W01", "week")]
    // The clock says Wednesday 2026-02-11 (core is in UTC): 2026-W08 starts Monday 02-16, after today; so does 9998-W53.
    [InlineData("/api/v1/reports/weekly?team=core&week=2026-W08", "week")]
    [InlineData("/api/v1/reports/weekly?team=core&week=9998-W53", "week")]
    [InlineData("/api/v1/reports/weekly?team=core&week=last", "week")]
    [InlineData("/api/v1/reports/weekly?team=core&format=pdf", "format")]
    [InlineData("/api/v1/reports/weekly?week=2026-W06", "team")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(string url, string parameter)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("1970-W01")]
    [InlineData("2026-W07")] // the current week (Monday 02-09 to 02-16) has begun: it has a (partial) report
    public async Task The_first_and_last_weeks_accepted_are_reports_with_nothing_in_them(string week)
    {
        var json = await Json($"/api/v1/reports/weekly?team=core&week={week}&format=json");
        Assert.Equal(week, json.GetProperty("week").GetString());
        Assert.Equal(0, Figures(json)["deployments"].GetDouble());
    }

    [Fact]
    public async Task An_unknown_team_is_a_404_problem()
    {
        var response = await client.GetAsync("/api/v1/reports/weekly?team=nobody&week=2026-W06");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal("team", problem.RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Without_a_week_the_team_gets_its_last_full_week()
    {
        // The clock says Wednesday 2026-02-11: the last full week is 2026-W06.
        var json = await Json("/api/v1/reports/weekly?team=core&format=json");
        Assert.Equal("2026-W06", json.GetProperty("week").GetString());
    }

    private async Task<JsonElement> Json(string url) => JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;

    private static Dictionary<string, JsonElement> Figures(JsonElement report, string field = "value") =>
        report.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("metric").GetString()!, f => f.GetProperty(field));

    private static (long Runs, double Queue, double Run) Workflow(JsonElement w) =>
        (w.GetProperty("runs").GetInt64(), w.GetProperty("medianQueueHours").GetDouble(), w.GetProperty("medianRunHours").GetDouble());
}
