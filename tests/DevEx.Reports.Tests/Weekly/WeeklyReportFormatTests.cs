using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DevEx.Reports.Weekly;

namespace DevEx.Reports.Tests.Weekly;

/// <summary>Every format shows the same hand-computed numbers of <see cref="ScenarioWeek"/>.</summary>
public sealed class WeeklyReportFormatTests : IDisposable
{
    private readonly Scenario scenario = ScenarioWeek.Build();

    private WeeklyReport Report() => ScenarioWeek.Builder(scenario).Build(ScenarioWeek.Team(), ScenarioWeek.Week);

    [Fact]
    public void Csv_has_one_row_per_metric_with_value_previous_and_delta()
    {
        var lines = WeeklyReportCsv.Write(Report()).TrimEnd('\n').Split('\n');
        Assert.Equal("team,week,metric,value,unit,previous,delta", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[2]);
        Assert.Equal(["core", "2026-W06", "deployments", "4", "count", "2", "2"], rows["deployments"]);
        Assert.Equal(["core", "2026-W06", "changeLeadTimeMedianHours", "27", "hours", "24", "3"], rows["changeLeadTimeMedianHours"]);
        Assert.Equal(["core", "2026-W06", "changeFailRate", "0.25", "ratio", "0", "0.25"], rows["changeFailRate"]);
        Assert.Equal(["core", "2026-W06", "failedDeploymentRecoveryTimeMedianHours", "2", "hours", "", ""], rows["failedDeploymentRecoveryTimeMedianHours"]);
        Assert.Equal(Report().Figures.Count, rows.Count);
    }

    [Fact]
    public void Csv_has_a_row_per_wait_of_the_week_named_in_camel_case()
    {
        var rows = WeeklyReportCsv.Write(Report()).TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[2]);
        // Working hours lost: pickup 9.5 this week (PR #12), 5 the week before (PR #9): +4.5.
        Assert.Equal(["core", "2026-W06", "prPickupHours", "9.5", "hours", "5", "4.5"], rows["prPickupHours"]);
        Assert.Equal(["core", "2026-W06", "deployWaitHours", "2", "hours", "1", "1"], rows["deployWaitHours"]);
        // CORE-1 blocked Tue 09:00 .. Thu 09:00: 16 working hours; no ticket was done the week before.
        Assert.Equal(["core", "2026-W06", "ticketBlockedHours", "16", "hours", "", ""], rows["ticketBlockedHours"]);
        Assert.Equal(8, rows.Keys.Count(k => k is "prPickupHours" or "prReviewHours" or "prMergeWaitHours" or "ciQueueHours" or "ciRunHours"
            or "deployWaitHours" or "ticketWaitHours" or "ticketBlockedHours"));
    }

    [Fact]
    public void Csv_defuses_a_team_name_that_a_spreadsheet_would_run()
    {
        var line = WeeklyReportCsv.Write(Report() with { Team = "=HYPERLINK(\"x\",1)" }).Split('\n')[1];
        Assert.StartsWith("\"'=HYPERLINK(\"\"x\"\",1)\",2026-W06,", line);
    }

    [Fact]
    public void Json_carries_the_figures_in_camel_case()
    {
        var json = JsonDocument.Parse(WeeklyReportJson.Write(Report())).RootElement;
        Assert.Equal("2026-W06", json.GetProperty("week").GetString());
        Assert.Equal("2026-02-02", json.GetProperty("from").GetString());
        var figures = json.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("metric").GetString()!);
        Assert.Equal(4, figures["deployments"].GetProperty("value").GetDouble());
        Assert.Equal(27, figures["changeLeadTimeMedianHours"].GetProperty("value").GetDouble());
        Assert.Equal(0.25, figures["changeFailRate"].GetProperty("delta").GetDouble());
        Assert.Equal(158, json.GetProperty("waitingPullRequests")[0].GetProperty("waitingHours").GetDouble(), 6);
    }

    [Fact]
    public void Markdown_and_html_show_the_same_rounded_numbers()
    {
        var report = Report();
        var markdown = WeeklyReportMarkdown.Write(report, [], "charts");
        var html = WeeklyReportHtml.Write(report, []);
        // What a reader of the HTML sees: its text, entities decoded ("+3 h" is written "&#x2B;3 h").
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        foreach (var text in new[] { markdown, document.DocumentElement.TextContent })
        {
            Assert.Contains("Core: week 2026-W06", text);
            Assert.Contains("27 h", text);     // lead time median
            Assert.Contains("+3 h", text);     // its change
            Assert.Contains("25%", text);      // change fail rate
            Assert.Contains("+25 pp", text);   // its change
            Assert.Contains("– → – → 2 → 4", text); // deployments, 4 weeks: W03 and W04 lie before the first deployment
            Assert.Contains("acme/api#10", text);
            Assert.Contains("158 h", text);
            Assert.Contains("CORE-2", text);
            Assert.Contains("60 h", text);
            Assert.Contains("No calendar data", text); // the scenario imports no calendar
            Assert.Contains("/docs/metrics", text);
        }
        Assert.Contains("| Change lead time (median, wall clock) | 27 h | ", markdown);
        // Waits read as people say them, with the week before: pickup median 25.5 h (9.5 working), 9.5 h lost against 5 h.
        Assert.Contains("| Waiting for first review | 25.5 h | 9.5 h | 9.5 h | 5 h | +4.5 h | 1 |", markdown);
        Assert.Contains("Waiting for first review", document.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.DoesNotContain("pr-pickup", markdown);
        Assert.DoesNotContain("pr-pickup", html);
    }

    [Fact]
    public void Json_keeps_the_machine_keys_of_the_waits()
    {
        var json = JsonDocument.Parse(WeeklyReportJson.Write(Report())).RootElement;
        Assert.Equal("ticket-wait", json.GetProperty("waitStates")[0].GetProperty("wait").GetString());
        Assert.Contains(json.GetProperty("figures").EnumerateArray(), f => f.GetProperty("metric").GetString() == "prPickupHours");
    }

    [Fact]
    public void Html_is_one_self_contained_printable_file()
    {
        var html = WeeklyReportHtml.Write(Report(), [new ReportChart("deployments", "Deployments", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", "Deployments per week", [])]);
        Assert.StartsWith("<!DOCTYPE html>", html);
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var styles = string.Concat(document.QuerySelectorAll("style").Select(s => s.TextContent));
        Assert.Contains("@page", styles);
        Assert.Contains("@media print", styles);
        Assert.Single(document.QuerySelectorAll("figure > svg"));
        Assert.Empty(document.QuerySelectorAll("script, link, iframe, img"));
        Assert.DoesNotContain(document.All, e => e.GetAttribute("src") is { } src && src.StartsWith("http", StringComparison.Ordinal));
    }

    [Fact]
    public void The_zip_holds_markdown_csv_and_json_of_the_week()
    {
        var rendered = WeeklyReportRenderer.Render(Report(), ReportFormat.Zip);
        Assert.Equal("core-2026-W06.zip", rendered.FileName);
        using var zip = new ZipArchive(new MemoryStream(rendered.Content));
        Assert.Contains("2026-W06.md", zip.Entries.Select(e => e.FullName));
        using var csv = new StreamReader(zip.GetEntry("2026-W06.csv")!.Open(), Encoding.UTF8);
        Assert.Equal(WeeklyReportCsv.Write(Report()), csv.ReadToEnd());
    }

    [Theory]
    [InlineData(null, ReportFormat.Html)]
    [InlineData("MD", ReportFormat.Md)]
    [InlineData("markdown", ReportFormat.Md)]
    [InlineData("zip", ReportFormat.Zip)]
    public void Formats_parse_case_insensitively(string? text, ReportFormat expected)
    {
        Assert.True(ReportFormats.TryParse(text, out var format));
        Assert.Equal(expected, format);
    }

    [Fact]
    public void Unknown_formats_are_refused() => Assert.False(ReportFormats.TryParse("pdf", out _));

    public void Dispose() => scenario.Dispose();
}
