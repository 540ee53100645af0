using System.Text.Json.Serialization;
using DevEx.Analytics.Metrics;
using DevEx.Reports.Weekly;

namespace DevEx.Server.Reports;

/// <summary>
/// The chat message of a report: Slack's incoming-webhook JSON (<c>text</c> in mrkdwn; Mattermost, Rocket.Chat and
/// Teams workflows read the same field), with the headline figures and a link to the report.
/// </summary>
public sealed record ChatMessage([property: JsonPropertyName("text")] string Text)
{
    public static ChatMessage For(WeeklyReport report)
    {
        var figures = report.Figures.Where(f => f.Headline)
            .Select(f => $"{f.Label}: {ReportValues.Format(f.Value, f.Unit)}{(f.Level is { } level ? $" ({level})" : "")}, {ReportValues.Delta(f.Delta, f.Unit)} vs last week");
        var topWait = report.WaitStates.Count > 0 ? report.WaitStates[0] : null;
        var lines = new List<string> { $"*Weekly report {report.Title}*" };
        lines.AddRange(figures.Select(f => "• " + f));
        if (topWait is not null)
        {
            lines.Add($"Most time lost: {WaitStateNames.Label(topWait.Wait)} (median {ReportValues.Hours(topWait.MedianHours)}, {topWait.SampleSize} samples)");
        }
        if (report.Link is { } link)
        {
            lines.Add($"<{link}|Open the report>");
        }
        return new ChatMessage(string.Join("\n", lines));
    }
}
