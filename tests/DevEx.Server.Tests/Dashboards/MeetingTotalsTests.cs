using static DevEx.Server.Tests.Dashboards.PageHtml;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// Meeting totals over <see cref="BetaCalendarsScenario"/>: a 5-person team (alpha) and a 2-person team (beta) in W06.
/// A total of all teams is withheld where the teams shown, subtracted from it, would reveal the withheld team's hours;
/// and meetings are never added into a team's waits when teams are ordered.
/// </summary>
public sealed class MeetingTotalsTests(BetaCalendarsFixture scenario) : IClassFixture<BetaCalendarsFixture>
{
    private const string Reason = "subtracting the teams' own figures from it would leave the figure of fewer people than the minimum cohort (5).";

    [Fact]
    public async Task The_total_of_all_teams_is_withheld_where_subtracting_the_teams_shown_would_reveal_a_small_team()
    {
        var html = await scenario.PageAsync($"/?{FlowScenario.PreviousWeek}");
        // Alpha's own 5 h (5 people x 1 h) is shown per team; beta's 2 people are withheld.
        var pivot = Panel(html, "waits-by-team");
        Assert.Equal("5 h", Rows(pivot)[0][Headers(pivot).IndexOf("Meetings")]);
        var waits = Panel(html, "waits");
        // All teams: 7 people, 11 h; 11 - 5 = 6 h would be be1's and be2's. The median (of 1, 1, 1, 1, 1, 3, 3 h) stays.
        Assert.Equal(["Meetings", "–", "–", "1 h", "7"], Rows(waits).Single(r => r[0] == "Meetings"));
        Assert.Contains($"Meeting hours withheld: {Reason}", PageHtml.Texts(waits, "p.note").Single());
        Assert.DoesNotContain("be1", PageHtml.Parse(waits).Body!.TextContent);

        // The CSV is the same table: no hours in the meetings line (wait, hours, hours_previous, median_working_hours, median_hours, sample_size).
        var csv = await scenario.Client.GetStringAsync($"/dashboards/overview/panels/waits.csv?{FlowScenario.PreviousWeek}");
        Assert.Contains("\r\nMeetings,,,1,,7\r\n", csv);
    }

    [Fact]
    public async Task The_previous_periods_total_is_withheld_for_the_same_reason()
    {
        // W07: 10 people, 25 h (alpha 10 h, beta 15 h: both shown, no one left over). W06 before it: withheld as above.
        // Median of 2, 2, 2, 2, 2, 3, 3, 3, 3, 3 h = 2.5 h.
        var waits = Panel(await scenario.PageAsync($"/?{FlowScenario.Week}"), "waits");
        Assert.Equal(["Meetings", "25 h", "–", "2.5 h", "10"], Rows(waits)[0]);
        Assert.Contains($"The previous period's meeting hours withheld: {Reason}", PageHtml.Texts(waits, "p.note").Single());
        var csv = await scenario.Client.GetStringAsync($"/dashboards/overview/panels/waits.csv?{FlowScenario.Week}");
        Assert.Contains("\r\nMeetings,25,,2.5,,10\r\n", csv);
    }

    [Fact]
    public async Task People_per_meeting_load_band_are_withheld_for_all_teams_where_subtraction_would_reveal_a_small_team()
    {
        // W06, alpha alone: 5 people at 1 / 40 = 2.5% load, all in 0-10%. All teams would add be1 and be2 (3 / 40 = 7.5%):
        // 7 in 0-10%, and 7 - 5 = 2 would be beta's.
        var alpha = Panel(await scenario.PageAsync($"/dashboards/meetings?{FlowScenario.PreviousWeek}&team=alpha"), "bands");
        Assert.Equal(["0-10%", "5"], Rows(alpha)[0]);
        var all = Panel(await scenario.PageAsync($"/dashboards/meetings?{FlowScenario.PreviousWeek}"), "bands");
        Assert.DoesNotContain("0-10%", PageHtml.Texts(all, "th[scope=row]"));
        Assert.Contains($"Withheld: {Reason}", PageHtml.Texts(all, "p.note").Single());
    }

    [Fact]
    public async Task The_meetings_api_withholds_the_bands_of_all_teams_for_the_same_reason_and_keeps_the_medians()
    {
        // W06 as above: 7 people across all teams (alpha 5 at 1 h, be1 and be2 at 3 h); bands would give beta's two away.
        // Medians do not add up: of 1, 1, 1, 1, 1, 3, 3 h a week, 1 h.
        using var all = System.Text.Json.JsonDocument.Parse(await scenario.Client.GetStringAsync($"/api/v1/metrics/meetings?{FlowScenario.PreviousWeek}"));
        var root = all.RootElement;
        Assert.Equal((7, false), (root.GetProperty("people").GetInt32(), root.GetProperty("withheld").GetBoolean()));
        Assert.Equal(1.0, root.GetProperty("medianMeetingHoursPerWeek").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("distribution").ValueKind);
        Assert.Equal(Reason.TrimEnd('.'), root.GetProperty("distributionWithheldReason").GetString());

        // One team's own bands are its own: alpha, 5 people at 2.5%, all in 0-10%.
        using var alpha = System.Text.Json.JsonDocument.Parse(await scenario.Client.GetStringAsync($"/api/v1/metrics/meetings?{FlowScenario.PreviousWeek}&team=alpha"));
        Assert.Equal(5, alpha.RootElement.GetProperty("distribution")[0].GetProperty("people").GetInt32());
    }

    [Fact]
    public async Task Teams_are_ordered_by_their_waits_alone_not_by_their_meetings()
    {
        // W07 waits: alpha 8 + 3 + 2 + 0.4 + 1.5 = 14.9 h, beta 1 + 1 + 1 + 0.1 + 0.2 + 6 + 2 = 11.3 h: alpha first. With
        // meetings added (alpha 10 h, beta 15 h) beta would lead, 26.3 h to 24.9 h.
        var pivot = Panel(await scenario.PageAsync($"/?{FlowScenario.Week}"), "waits-by-team");
        var rows = Rows(pivot);
        Assert.Equal(["Alpha", "Beta"], rows.Select(r => r[0]));
        var meetings = Headers(pivot).IndexOf("Meetings");
        Assert.Equal("10 h (+5 h)", rows[0][meetings]); // W06: alpha's 5 people, 5 h
        Assert.Equal("15 h", rows[1][meetings]); // W06: beta's 2 people, withheld: no change to show
    }
}
