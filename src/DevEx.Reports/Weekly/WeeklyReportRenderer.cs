using System.IO.Compression;
using System.Text;

namespace DevEx.Reports.Weekly;

/// <summary>A report rendered to one file: its bytes, media type and file name (<c>team-2026-W47.html</c>).</summary>
public sealed record RenderedReport(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Renders a report in any format. Charts are drawn once per call, only for the formats that show them (HTML, zip);
/// the zip holds the Markdown file with its PNG charts beside it, plus the CSV and JSON.
/// </summary>
public static class WeeklyReportRenderer
{
    public static RenderedReport Render(WeeklyReport report, ReportFormat format)
    {
        var name = $"{report.Team}-{report.Week}";
        var content = format switch
        {
            ReportFormat.Html => Utf8(WeeklyReportHtml.Write(report, WeeklyReportCharts.Draw(report))),
            ReportFormat.Md => Utf8(WeeklyReportMarkdown.Write(report, [], WeeklyReportMarkdown.ChartFolder(report.Week))),
            ReportFormat.Csv => Utf8(WeeklyReportCsv.Write(report)),
            ReportFormat.Json => Utf8(WeeklyReportJson.Write(report)),
            ReportFormat.Zip => Zip(report, WeeklyReportCharts.Draw(report, png: true)),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        return new RenderedReport(content, format.ContentType(), $"{name}.{format.Extension()}");
    }

    private static byte[] Zip(WeeklyReport report, IReadOnlyList<ReportChart> charts)
    {
        var folder = WeeklyReportMarkdown.ChartFolder(report.Week);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, $"{report.Week}.md", Utf8(WeeklyReportMarkdown.Write(report, charts, folder)));
            Add(zip, $"{report.Week}.csv", Utf8(WeeklyReportCsv.Write(report)));
            Add(zip, $"{report.Week}.json", Utf8(WeeklyReportJson.Write(report)));
            foreach (var chart in charts)
            {
                Add(zip, $"{folder}/{chart.Name}.png", chart.Png);
            }
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string path, byte[] content)
    {
        using var entry = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        entry.Write(content);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
