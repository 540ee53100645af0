using System.Text.RegularExpressions;
using NodaTime;

namespace DevEx.Server.Tests.Reports;

/// <summary>
/// The team dashboard's weekly report downloads: the team's last full week in its own zone, in each format, each a file
/// named &lt;team&gt;-&lt;week&gt;.&lt;ext&gt; by both the link and the endpoint.
/// </summary>
public sealed partial class ReportDownloadTests : IAsyncLifetime, IDisposable
{
    // Monday 2026-02-09 07:00 in Auckland is Sunday 18:00 in UTC, the org's zone: Auckland's last full week is W06, UTC's W05.
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 8, 18, 0));
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        client = factory.CreateClient();
        await ReportScenarioImport.LoadAsync(client, "Pacific/Auckland");
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
    public async Task The_team_dashboard_offers_the_week_of_the_team_zone_in_every_format()
    {
        var page = await client.GetStringAsync("/dashboards/dora?team=core");
        var links = ReportLink().Matches(page).Select(m => (m.Groups["file"].Value, m.Groups["href"].Value.Replace("&amp;", "&", StringComparison.Ordinal))).ToList();
        Assert.Equal(
        [
            ("core-2026-W06.html", "/api/v1/reports/weekly?team=core&week=2026-W06&format=html"),
            ("core-2026-W06.zip", "/api/v1/reports/weekly?team=core&week=2026-W06&format=zip"),
            ("core-2026-W06.csv", "/api/v1/reports/weekly?team=core&week=2026-W06&format=csv"),
            ("core-2026-W06.json", "/api/v1/reports/weekly?team=core&week=2026-W06&format=json"),
        ], links);
        Assert.Contains(">Markdown (zip)</a>", page);

        foreach (var (file, href) in links)
        {
            var response = await client.GetAsync(href);
            response.EnsureSuccessStatusCode();
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal(file, disposition.FileNameStar);
            Assert.Equal(file.EndsWith(".html", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal) ? "inline" : "attachment",
                disposition.DispositionType);
        }
    }

    [Fact]
    public async Task Without_a_team_there_is_no_report_to_offer() =>
        Assert.DoesNotContain("/api/v1/reports/weekly", await client.GetStringAsync("/dashboards/dora"));

    [GeneratedRegex("""<a class="button" download="(?<file>[^"]+)" href="(?<href>/api/v1/reports/weekly[^"]+)"[^>]*>""")]
    private static partial Regex ReportLink();
}
