using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DevEx.Reports.Weekly;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Reports;

/// <summary>
/// Writes a report as <c>&lt;folder&gt;/&lt;team&gt;/&lt;week&gt;.html|md|csv|json</c>, with the Markdown's PNG charts in
/// <c>&lt;week&gt;-charts/</c>. Writing the same week again replaces the files.
/// </summary>
public sealed partial class ReportFileWriter(IOptions<ReportOptions> options)
{
    public IReadOnlyList<string> Write(WeeklyReport report, string? folder = null)
    {
        var directory = Path.Combine(folder ?? options.Value.OutputDirectory, SafeName(report.Team));
        Directory.CreateDirectory(directory);
        var charts = WeeklyReportCharts.Draw(report, png: true);
        var chartFolder = WeeklyReportMarkdown.ChartFolder(report.Week);
        var chartDirectory = Path.Combine(directory, chartFolder);
        if (Directory.Exists(chartDirectory))
        {
            Directory.Delete(chartDirectory, recursive: true);
        }
        var written = new List<string>
        {
            Save(directory, $"{report.Week}.html", WeeklyReportHtml.Write(report, charts)),
            Save(directory, $"{report.Week}.md", WeeklyReportMarkdown.Write(report, charts, chartFolder)),
            Save(directory, $"{report.Week}.csv", WeeklyReportCsv.Write(report)),
            Save(directory, $"{report.Week}.json", WeeklyReportJson.Write(report)),
        };
        if (charts.Count > 0)
        {
            Directory.CreateDirectory(chartDirectory);
            foreach (var chart in charts)
            {
                var path = Path.Combine(chartDirectory, $"{chart.Name}.png");
                File.WriteAllBytes(path, chart.Png);
                written.Add(path);
            }
        }
        return written;
    }

    /// <summary>
    /// A team id as a folder name and job id, one per team: a Backstage name (letters and digits joined by single - _ .,
    /// at most 63) is used as it is; any other id becomes '_', its safe characters and a hash of the whole id, which
    /// cannot equal a Backstage name (none starts with '_') nor another id's (short of a SHA-256 collision).
    /// </summary>
    public static string SafeName(string team)
    {
        if (team.Length <= 63 && BackstageName().IsMatch(team))
        {
            return team;
        }
        var safe = new string(team.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').Take(40).ToArray());
        return $"_{safe}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(team)))[..12]}";
    }

    [GeneratedRegex("^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex BackstageName();

    private static string Save(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}
