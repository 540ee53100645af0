using DevEx.Analytics.Metrics;
using DevEx.Reports.Weekly;
using DevEx.Server.Reports;
using NodaTime;

namespace DevEx.Server.Tests.Reports;

/// <summary>The chat message of a report: Slack mrkdwn with its control characters escaped, the biggest wait only when there is one.</summary>
public sealed class ChatMessageTests
{
    /// <summary>A report of W06 with one headline figure and the given waits (meetings withheld).</summary>
    internal static WeeklyReport Report(string teamName, IReadOnlyList<WaitState> waits) => new(
        "core", teamName, "2026-W06", new LocalDate(2026, 2, 2), new LocalDate(2026, 2, 9), "UTC", Instant.FromUtc(2026, 2, 9, 7, 0), false,
        [new ReportFigure("deployments", "Deployments", "count", 4, 2, "high", true, [])], ["2026-W06"], waits, [], [], [], [], [],
        new MeetingMetrics(new LocalDate(2026, 2, 2), new LocalDate(2026, 2, 9), "core", "week", 0, 5, true, "fewer than 5 people",
            null, null, null, null, null, null, null, null, null, null, null, null),
        PlatformSection.None, [], "https://devex.example/docs/metrics", "https://devex.example/api/v1/reports/weekly?team=core&week=2026-W06&format=html");

    [Fact]
    public void Team_names_and_labels_have_ampersands_and_angle_brackets_escaped()
    {
        var text = ChatMessage.For(Report("R&D <core>", [])).Text;
        Assert.StartsWith("*Weekly report R&amp;D &lt;core&gt;: week 2026-W06*\n", text);
        Assert.Contains("• Deployments: 4 (high), +2 vs last week", text);
        Assert.EndsWith("\n<https://devex.example/api/v1/reports/weekly?team=core&week=2026-W06&format=html|Open the report>", text);
        Assert.DoesNotContain("<core>", text);
    }

    [Fact]
    public void A_week_without_waits_names_no_biggest_wait()
    {
        Assert.DoesNotContain("Most time lost", ChatMessage.For(Report("Core", [])).Text);
    }

    [Fact]
    public void The_biggest_wait_reads_its_total_and_median_in_working_hours()
    {
        // Pickup of two pull requests: Tue 10:30 → Wed 12:00 (25.5 h, working 6.5 + 3 = 9.5 h) and Mon 09:00 → 12:30 (3.5 h,
        // all working). Working hours: total 9.5 + 3.5 = 13 h, median (9.5 + 3.5) / 2 = 6.5 h. Wall clock (not in the
        // message): total 29 h, median (25.5 + 3.5) / 2 = 14.5 h.
        var pickup = new WaitState("pr-pickup", "pull-requests", 2, 14.5, 6.5, 29, 13);
        Assert.Contains("Most time lost: Waiting for first review (in working hours: 13 h in total, median 6.5 h, 2 samples)",
            ChatMessage.For(Report("Core", [pickup])).Text);
    }
}
