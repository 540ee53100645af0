using DevEx.Analytics.Metrics;
using DevEx.Reports.Charts;

namespace DevEx.Reports.Weekly;

/// <summary>
/// The report's charts, drawn by <see cref="ChartRenderer"/>: deployments and lead time over the four weeks, where
/// time was lost this week, and the meeting-load distribution (only when the cohort rule lets it be shown).
/// </summary>
public static class WeeklyReportCharts
{
    public static IReadOnlyList<(string Name, ChartSpec Spec)> Specs(WeeklyReport report)
    {
        var specs = new List<(string, ChartSpec)>
        {
            ("deployments", new ChartSpec(ChartKind.Bar, "Deployments per week", "ISO week", "deployments", report.TrendWeeks,
                [new ChartSeries("Deployments", report.Figure("deployments").Trend)])),
            ("lead-time", new ChartSpec(ChartKind.Line, "Change lead time, median", "ISO week", "hours", report.TrendWeeks,
            [
                new ChartSeries("Wall clock", report.Figure("changeLeadTimeMedianHours").Trend),
                new ChartSeries("Working hours", report.Figure("changeLeadTimeMedianWorkingHours").Trend),
            ])),
        };
        if (report.WaitStates.Count > 0)
        {
            specs.Add(("where-time-is-lost", new ChartSpec(ChartKind.HorizontalBar, "Where time was lost", "", "working hours (total)",
                report.WaitStates.Select(w => WaitStateNames.Label(w.Wait)).ToList(),
                [new ChartSeries("Total hours", report.WaitStates.Select(w => w.HoursAccountedFor).ToList(),
                    PointColours: report.WaitStates.Select(w => WaitPalette.For(w.Wait)).ToList())])));
        }
        if (report.Meetings is { Withheld: false, Distribution: { } bands })
        {
            specs.Add(("meeting-load", new ChartSpec(ChartKind.Bar, "Meeting load per person", "share of working time in meetings", "people",
                bands.Select(b => b.Band).ToList(), [new ChartSeries("People", bands.Select(b => (double?)b.People).ToList())])));
        }
        return specs;
    }

    // Drawn smaller than a page's default (720 x 300) so that the text stays readable when three fit side by side on paper.
    private const int Width = 420;
    private const int Height = 190;

    /// <summary>Charts whose figures a table of the report shows as well: left out when printing, so the report fits one page.</summary>
    public static bool RepeatsATable(ReportChart chart) => chart.Name == "where-time-is-lost";

    /// <summary>Draws the charts as SVG, and as PNG too when <paramref name="png"/> (Markdown files and zips need them).</summary>
    public static IReadOnlyList<ReportChart> Draw(WeeklyReport report, bool png = false) =>
        Specs(report).Select(s =>
        {
            var svg = ChartRenderer.Svg(s.Spec, Width, Height);
            return new ReportChart(s.Name, s.Spec.Title, svg.Svg, svg.TextAlternative, png ? ChartRenderer.Png(s.Spec, 720, 330) : []);
        }).ToList();
}
