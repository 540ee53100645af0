using static DevEx.Server.Tests.Dashboards.PageHtml;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// "Meetings and focus" over <see cref="FlowScenario"/>. W07: a1..a5 each meet Mon 09-11 (2 h) of a 40-hour week: load
/// 2 / 40 = 5%; focus Mon 11-17 (6 h) + Tue-Fri 4 x 8 h = 38 h; no fragment shorter than 2 h; 4 meeting-free days.
/// W06: only a1..a3 have calendars: 3 people, fewer than MinCohort (5), so withheld. Team beta has no calendars.
/// </summary>
public sealed class MeetingPageTests(FlowScenarioFixture scenario) : IClassFixture<FlowScenarioFixture>
{
    [Fact]
    public async Task Medians_over_five_people_with_no_trend_against_a_withheld_week()
    {
        var html = await scenario.PageAsync($"/dashboards/meetings?{FlowScenario.Week}");
        Assert.Equal("2 h", Stat(Panel(html, "meeting-hours")));
        Assert.Equal("5%", Stat(Panel(html, "meeting-load")));
        Assert.Equal("38 h", Stat(Panel(html, "focus")));
        Assert.Equal("0 h", Stat(Panel(html, "fragmented")));
        Assert.Equal("4", Stat(Panel(html, "free-days")));
        Assert.Equal("5", Stat(Panel(html, "people")));
        // W06 was withheld: nothing to compare with, so no change ("previous period: –"), never "up 2 h from 0 h".
        Assert.Equal(["previous period: –"], PageHtml.Texts(Panel(html, "meeting-hours"), "p.trend"));
        var bands = Panel(html, "bands");
        Assert.Equal(["0-10%", "5"], Rows(bands)[0]); // all five at 5%
        Assert.Equal(["0"], Rows(bands).Skip(1).Select(r => r[1]).Distinct());
    }

    [Theory]
    [InlineData(FlowScenario.PreviousWeek, "Withheld: 3 people with calendars across all teams; figures are shown from 5 (MinCohort).")]
    [InlineData(FlowScenario.Week + "&team=beta", "No calendar data: no calendar of this team's members covers these weeks.")]
    public async Task Below_the_minimum_cohort_every_figure_is_withheld_and_says_why(string view, string note)
    {
        var html = await scenario.PageAsync($"/dashboards/meetings?{view}");
        foreach (var panel in new[] { "meeting-hours", "meeting-load", "focus", "fragmented", "free-days" })
        {
            Assert.Equal("–", Stat(Panel(html, panel)));
            Assert.Equal([note], PageHtml.Texts(Panel(html, panel), "p.note"));
        }
        Assert.DoesNotContain("0-10%", PageHtml.Texts(Panel(html, "bands"), "th[scope=row]")); // no distribution either
    }
}
