using System.Text.Json.Serialization;
using DevEx.Analytics.Metrics;
using DevEx.Reports.Weekly;

namespace DevEx.Server.Reports;

/// <summary>
/// The chat message of a report: Slack's incoming-webhook JSON (<c>text</c> in mrkdwn; Mattermost, Rocket.Chat and
/// Teams workflows read the same field), with the headline figures, the biggest wait and a link to the report.
/// </summary>
public sealed record ChatMessage([property: JsonPropertyName("text")] string Text)
{
    public static ChatMessage For(WeeklyReport report)
    {
        var lines = new List<string> { $"*Weekly report {Escape(report.Title)}*" };
        lines.AddRange(report.Figures.Where(f => f.Headline).Select(f =>
            $"• {Escape(f.Label)}: {ReportValues.Format(f.Value, f.Unit)}{(f.Level is { } level ? $" ({Escape(level)})" : "")}, {ReportValues.Delta(f.Delta, f.Unit)} vs last week"));
        if (report.WaitStates.Count > 0)
        {
            var top = report.WaitStates[0];
            // Both in working hours of the team, as "where time is lost" orders the waits (a wall-clock median beside a
            // working-hours total read as if the wait were longer than all the time it cost).
            lines.Add($"Most time lost: {Escape(WaitStateNames.Label(top.Wait))} (in working hours: {ReportValues.Hours(top.HoursAccountedFor)} in total, "
                + $"median {ReportValues.Hours(top.MedianWorkingHours)}, {top.SampleSize} {(top.SampleSize == 1 ? "sample" : "samples")})");
        }
        if (report.Link is { } link)
        {
            lines.Add($"<{link}|Open the report>");
        }
        return new ChatMessage(string.Join("\n", lines));
    }

    /// <summary>Slack's mrkdwn control characters in text (team names, labels): &amp;, &lt; and &gt; as entities.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
