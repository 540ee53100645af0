using DevEx.Reports.Charts;
using DevEx.Reports.Html;

namespace DevEx.Reports.Weekly;

/// <summary>
/// One self-contained HTML file: inline CSS and SVG, no scripts, no external requests; prints on one page of A4 or Letter
/// (@page margins of 8 mm top and bottom and 10 mm at the sides, content at most 190 mm wide: A4's 210 mm less the margins): small sections two abreast, the
/// charts three abreast, long titles cut to a line, and the chart that repeats the where-time-is-lost table left out.
/// Rendered from <see cref="WeeklyReportPage"/> (a Razor component), which encodes every text it writes.
/// </summary>
public static class WeeklyReportHtml
{
    /// <summary>The stylesheet inlined in the page, exactly: a server's Content-Security-Policy allows it by its hash.</summary>
    public static string StyleSheet { get; } = WeeklyReportStyles.Css + LevelPalette.Css();

    public static string Write(WeeklyReport report, IReadOnlyList<ReportChart> charts) =>
        ComponentHtml.Render<WeeklyReportPage>(new Dictionary<string, object?>
        {
            [nameof(WeeklyReportPage.Report)] = report,
            [nameof(WeeklyReportPage.Charts)] = charts,
        }, readableText: true);
}

/// <summary>The report's stylesheet, inline in the file (no external asset).</summary>
internal static class WeeklyReportStyles
{
    public const string Css = """
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
}
