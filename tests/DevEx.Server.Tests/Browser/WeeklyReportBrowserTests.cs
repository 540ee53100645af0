using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DevEx.Server.Tests.Browser;

/// <summary>The HTML weekly report in Chromium: it renders without errors and prints to a readable PDF.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WeeklyReportBrowserTests(LiveServer server, BrowserFixture browser)
{
    private const string Week = "2027-W09"; // the last full week before the server's clock (Wednesday 2027-03-10)

    [Fact]
    public async Task The_html_report_renders_with_charts_and_prints_to_pdf()
    {
        await using var page = await browser.OpenAsync(server.Url($"/api/v1/reports/weekly?team=analytics&week={Week}&format=html"));
        Assert.Equal(200, page.Response?.Status);
        var body = await page.Page.Locator("body").InnerTextAsync();
        Assert.Contains($"Analytics: week {Week}", body);
        Assert.Contains("Where time is lost", body);
        Assert.True(await page.Page.Locator("figure svg").CountAsync() >= 2, "the charts are inline SVG");
        page.AssertNoErrors();
        await Accessibility.AssertBasicsAsync(page.Page, hasNav: false);
        await Accessibility.AssertContrastAsync(page.Page, ".level");
        await Accessibility.AssertContrastAsync(page.Page, "p.note, footer");
        await page.ScreenshotAsync($"weekly-report-analytics-{Week}");

        foreach (var paper in new[] { "A4", "Letter" })
        {
            var pdf = await page.Page.PdfAsync(new PagePdfOptions { Format = paper, PrintBackground = true });
            var path = Path.Combine(RepositoryRoot.Path, "TestResults", "pdf", $"weekly-report-analytics-{Week}-{paper}.pdf");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, pdf);
            var text = Encoding.Latin1.GetString(pdf);
            Assert.StartsWith("%PDF-", text);
            Assert.Contains($"Analytics: week {Week}", Title(text));
            var pages = PageObject().Count(text);
            // A one-page report: the week lists 5 open and 5 slowest merged pull requests, 4 workflows and 3 blocked tickets.
            Assert.Equal(1, pages);
            // Readable: the text a reader (or a screen reader, or a search) gets out of the PDF is the report's.
            var printed = await PdfText(path);
            foreach (var heading in new[] { "DORA this week", "Change lead time", "Where time is lost", "Open pull requests waiting longest",
                         "CI wait per change", "CI hot spots", "Tickets blocked longest", "Meetings and focus", "Definitions:" })
            {
                Assert.Contains(heading, printed);
            }
        }

        // What paper shows: print styles at A4 width (210 mm at 96 dpi), kept as an artefact beside the PDFs.
        await page.Page.SetViewportSizeAsync(794, 1123);
        await page.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.ScreenshotAsync($"weekly-report-analytics-{Week}-print");
    }

    [Fact]
    public async Task The_team_dashboard_downloads_the_report_as_a_named_file()
    {
        await using var page = await browser.OpenAsync(server.Url("/dashboards/dora?team=analytics"));
        foreach (var (label, file) in new[] { ("Markdown (zip)", $"analytics-{Week}.zip"), ("CSV", $"analytics-{Week}.csv"), ("HTML", $"analytics-{Week}.html") })
        {
            var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByRole(AriaRole.Link, new() { Name = $"Weekly report {Week} as {label}" }).ClickAsync());
            Assert.Equal(file, download.SuggestedFilename);
            Assert.True(new FileInfo(await download.PathAsync()).Length > 0, file);
        }
        page.AssertNoErrors();
    }

    /// <summary>The PDF's text as poppler's pdftotext reads it (Debian poppler-utils; .ci/run installs it).</summary>
    private static async Task<string> PdfText(string pdf)
    {
        var tool = Environment.GetEnvironmentVariable("DEVEX_PDFTOTEXT") ?? "/usr/bin/pdftotext";
        Assert.True(File.Exists(tool), $"{tool} is missing: install poppler-utils (apt) or set DEVEX_PDFTOTEXT");
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(tool, ["-layout", pdf, "-"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    /// <summary>The document title Chromium writes into the PDF's Info dictionary, as a literal or UTF-16 hex string.</summary>
    private static string Title(string pdf)
    {
        var match = TitleEntry().Match(pdf);
        Assert.True(match.Success, "the PDF has a /Title");
        if (match.Groups["hex"].Success)
        {
            var bytes = Convert.FromHexString(match.Groups["hex"].Value);
            return bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2) : Encoding.Latin1.GetString(bytes);
        }
        return match.Groups["literal"].Value;
    }

    [GeneratedRegex(@"/Title\s*(?:<(?<hex>[0-9A-Fa-f]+)>|\((?<literal>[^)]*)\))")]
    private static partial Regex TitleEntry();

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
