using System.Text;

namespace DevEx.Reports.Weekly;

/// <summary>Markdown: the tables of <see cref="ReportTables"/>, with charts as PNG files in <c>chartFolder</c> beside the file.</summary>
public static class WeeklyReportMarkdown
{
    public static string Write(WeeklyReport report, IReadOnlyList<ReportChart> charts, string chartFolder)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(report.Title)).Append("\n\n");
        md.Append($"{report.TimeZone}, Monday {ReportTimes.Date(report.From)} 00:00 to Monday {ReportTimes.Date(report.To)} 00:00.");
        if (report.Link is { } link)
        {
            md.Append($" [Open online]({link})");
        }
        md.Append("\n\n");
        if (ReportTables.InProgressNote(report) is { } inProgress)
        {
            md.Append("**").Append(Escape(inProgress)).Append("**\n\n");
        }
        foreach (var table in ReportTables.For(report))
        {
            Table(md, table);
        }
        if (charts.Count > 0)
        {
            md.Append("## Charts\n\n");
            foreach (var chart in charts)
            {
                md.Append($"![{Escape(chart.TextAlternative)}]({chartFolder}/{chart.Name}.png)\n\n");
            }
        }
        md.Append("---\n\n");
        md.Append($"Definitions: {report.Definitions}. Data freshness: {ReportTables.Freshness(report)}. ");
        md.Append($"Generated {ReportTimes.Local(report.GeneratedAt, report.TimeZone)} ({report.TimeZone}).\n");
        return md.ToString();
    }

    /// <summary>The folder name charts go in beside a report file: <c>2026-W47.md</c> → <c>2026-W47-charts</c>.</summary>
    public static string ChartFolder(string week) => $"{week}-charts";

    private static void Table(StringBuilder md, ReportTable table)
    {
        md.Append("## ").Append(table.Title).Append("\n\n");
        if (table.Note is { } note)
        {
            md.Append(Escape(note)).Append("\n\n");
        }
        if (table.Rows.Count == 0)
        {
            md.Append('_').Append(table.Empty).Append("_\n\n");
            return;
        }
        md.Append("| ").AppendJoin(" | ", table.Headers.Select(Escape)).Append(" |\n");
        md.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", table.Headers.Count))).Append('\n');
        foreach (var row in table.Rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Escape)).Append(" |\n");
        }
        md.Append('\n');
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
