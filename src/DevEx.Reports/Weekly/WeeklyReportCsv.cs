using System.Text;
using DevEx.Reports.Csv;

namespace DevEx.Reports.Weekly;

/// <summary>CSV: <c>team,week,metric,value,unit,previous,delta</c>, one row per figure, numbers invariant and unrounded.</summary>
public static class WeeklyReportCsv
{
    public const string Header = "team,week,metric,value,unit,previous,delta";

    public static string Write(WeeklyReport report) => Write([report]);

    public static string Write(IEnumerable<WeeklyReport> reports)
    {
        var csv = new StringBuilder().Append(Header).Append('\n');
        foreach (var report in reports)
        {
            foreach (var figure in report.Figures)
            {
                csv.Append(CsvField.Write(report.Team)).Append(',').Append(report.Week).Append(',').Append(figure.Metric).Append(',')
                    .Append(ReportValues.Raw(figure.Value)).Append(',').Append(figure.Unit).Append(',')
                    .Append(ReportValues.Raw(figure.Previous)).Append(',').Append(ReportValues.Raw(figure.Delta)).Append('\n');
            }
        }
        return csv.ToString();
    }
}
