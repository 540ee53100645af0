using System.Net;
using System.Text;
using DevEx.Reports.Charts;

namespace DevEx.Reports.Weekly;

/// <summary>
/// One self-contained HTML file: inline CSS and SVG, no scripts, no external requests; prints on one page of A4 or Letter
/// (@page margins of 8 mm top and bottom and 10 mm at the sides, content at most 190 mm wide: A4's 210 mm less the margins): small sections two abreast, the
/// charts three abreast, long titles cut to a line, and the chart that repeats the where-time-is-lost table left out.
/// </summary>
public static class WeeklyReportHtml
{
    private const string Styles = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;color:#1a1a1a;margin:0 auto;max-width:1000px;padding:16px;font-size:14px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:18px 0 4px;border-bottom:1px solid #ccc}
        p.note{color:#444;margin:2px 0 6px;font-size:12px}
        p.in-progress{margin:4px 0;padding:3px 6px;border-left:3px solid #8a4b00;background:#fff4e5}
        table{border-collapse:collapse;width:100%;margin-bottom:6px}th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #e3e3e3;vertical-align:top}
        th{background:#f2f2f2;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
        .level{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px}
        .charts{display:flex;flex-wrap:wrap;gap:12px}.charts figure{margin:0;flex:1 1 400px}.charts svg{max-width:100%;height:auto}
        footer{margin-top:18px;font-size:12px;color:#444;border-top:1px solid #ccc;padding-top:6px}
        @page{margin:8mm 10mm}
        @media print{body{max-width:190mm;padding:0;font-size:7pt;line-height:1.2}a{color:inherit;text-decoration:none}
          h1{font-size:13pt}h2{font-size:8.5pt;margin:4px 0 0;break-after:avoid}p.note{font-size:6.5pt;margin:0}
          section{padding-top:3px}section>h2{display:inline;border:0;margin:0 2mm 0 0}section>h2+p.note{display:inline}section>table{border-top:1px solid #ccc}
          th,td{padding:0 4px}td{white-space:nowrap}table{margin-bottom:1px}.level{font-size:inherit;padding:0 3px}section{break-inside:avoid}
          td.clip span{display:inline-block;max-width:58mm;overflow:hidden;text-overflow:ellipsis;vertical-align:bottom}
          .charts{gap:4px;flex-wrap:nowrap}.charts figure{flex:1 1 0;min-width:0}.charts svg{width:100%;height:auto}.screen-only{display:none}
          .sections{display:grid;grid-template-columns:1fr 1fr;column-gap:5mm;grid-auto-flow:dense}.sections>section{grid-column:1/-1;min-width:0}
          .sections>section.narrow{grid-column:auto}
          footer{margin-top:4px;font-size:6.5pt}}
        """;

    public static string Write(WeeklyReport report, IReadOnlyList<ReportChart> charts)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(E(report.Title)).Append("</title><style>").Append(Styles).Append(LevelPalette.Css()).Append("</style></head><body>");
        html.Append("<header><h1>").Append(E(report.Title)).Append("</h1><p class=\"note\">")
            .Append(E($"{report.TimeZone}, Monday {ReportTimes.Date(report.From)} 00:00 to Monday {ReportTimes.Date(report.To)} 00:00"));
        if (report.Link is { } link)
        {
            html.Append(" · <a class=\"screen-only\" href=\"").Append(E(link)).Append("\">open online</a>");
        }
        html.Append("</p>");
        if (ReportTables.InProgressNote(report) is { } inProgress)
        {
            html.Append("<p class=\"in-progress\"><strong>").Append(E(inProgress)).Append("</strong></p>");
        }
        html.Append("</header><main>");
        var tables = ReportTables.For(report);
        Table(html, tables[0], levelColumn: 2);
        if (charts.Count > 0)
        {
            html.Append("<section class=\"charts\">");
            foreach (var chart in charts)
            {
                html.Append(WeeklyReportCharts.RepeatsATable(chart) ? "<figure class=\"screen-only\" role=\"img\" aria-label=\"" : "<figure role=\"img\" aria-label=\"").Append(E(chart.TextAlternative)).Append("\">").Append(chart.Svg).Append("</figure>");
            }
            html.Append("</section>");
        }
        html.Append("<div class=\"sections\">");
        foreach (var table in tables.Skip(1))
        {
            Table(html, table, levelColumn: -1);
        }
        html.Append("</div></main><footer>Definitions: <a href=\"").Append(E(report.Definitions)).Append("\">").Append(E(report.Definitions)).Append("</a>. ")
            .Append("Data freshness: ").Append(E(ReportTables.Freshness(report))).Append(". Generated ")
            .Append(E($"{ReportTimes.Local(report.GeneratedAt, report.TimeZone)} ({report.TimeZone})")).Append(".</footer></body></html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, ReportTable table, int levelColumn)
    {
        html.Append(table.Narrow ? "<section class=\"narrow\"><h2>" : "<section><h2>").Append(E(table.Title)).Append("</h2>");
        if (table.Note is { } note)
        {
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>");
        }
        if (table.Rows.Count == 0)
        {
            html.Append("<p><em>").Append(E(table.Empty)).Append("</em></p></section>");
            return;
        }
        html.Append("<table><thead><tr>");
        foreach (var header in table.Headers)
        {
            html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        var titleColumn = table.Headers.ToList().IndexOf("title"); // long text: one line in print, cut with "…", whole on screen
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                if (i == levelColumn && LevelPalette.Levels.Contains(cell))
                {
                    html.Append("<td><span class=\"level ").Append(cell).Append("\">").Append(cell).Append("</span></td>");
                }
                else if (i == titleColumn)
                {
                    html.Append("<td class=\"clip\"><span title=\"").Append(E(cell)).Append("\">").Append(E(cell)).Append("</span></td>");
                }
                else
                {
                    html.Append(i > 0 && LooksNumeric(cell) ? "<td class=\"num\">" : "<td>").Append(E(cell)).Append("</td>");
                }
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></section>");
    }

    private static bool LooksNumeric(string cell) => cell.Length > 0 && (char.IsDigit(cell[0]) || cell[0] is '+' or '−' or '±' or '–') && !cell.Contains('#');

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
