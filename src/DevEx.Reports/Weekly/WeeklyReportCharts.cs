namespace DevEx.Reports.Weekly;

/// <summary>The report's charts, drawn by DevEx.Reports.Charts.ChartRenderer once that lands (branch charts).</summary>
public static class WeeklyReportCharts
{
    public static IReadOnlyList<ReportChart> Draw(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [];
    }
}
