using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using NodaTime;

namespace DevEx.Server.Tests.Reports;

// Queries: report_waiting_pull_requests, report_data_freshness (through GET /api/v1/reports/weekly).
/// <summary>GET /api/v1/reports/weekly: every format carries the DORA API's numbers for the hand-computed week.</summary>
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
        Assert.Equal(dora.GetProperty("changeLeadTime").GetProperty("medianWorkingHours").GetDouble(), figures["changeLeadTimeMedianWorkingHours"].GetDouble());
        Assert.Equal(2, figures["failedDeploymentRecoveryTimeMedianHours"].GetDouble());
        Assert.Equal(2, figures["incidentTimeToRestoreMedianHours"].GetDouble());
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
            Assert.Contains("0 → 0 → 2 → 4", text);
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
}
