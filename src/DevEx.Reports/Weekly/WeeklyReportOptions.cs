namespace DevEx.Reports.Weekly;

/// <summary>What goes into a report's lists (the rest of <c>DevEx:Reports</c> lives with the server's delivery options).</summary>
public sealed class WeeklyReportContent
{
    /// <summary>Rows per list: waiting and slowest pull requests, CI hot spots, blocked tickets.</summary>
    public int ListLength { get; init; } = 5;

    /// <summary>Where metric definitions are explained; a relative link is made absolute with the public URL.</summary>
    public string DefinitionsPath { get; init; } = "/docs/metrics";
}
