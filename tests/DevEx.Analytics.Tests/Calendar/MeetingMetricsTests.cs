using DevEx.Analytics.Calendar;
using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Tests.Calendar;

/// <summary>
/// d_person_weeks through the derivation and queries/meeting_load.sql. Team web (UTC, Mon-Fri 09-17), week of Mon 2026-02-02,
/// 40 working hours each. People and their meetings:
/// p1: one declined meeting only (a calendar, 0 h, load 0); focus 40, meeting-free days 5.
/// p2: Mon 09-13 = 4 h (load 0.1); focus Mon 13-17 4 + 32 = 36; 4 meeting-free days.
/// p3: Mon 09-17 + Tue 09-11 = 10 h (0.25); focus Tue 11-17 6 + 24 = 30; 3 days.
/// p4: Mon 09-17 + Tue 09-13 = 12 h (0.3); focus Tue 13-17 4 + 24 = 28; 3 days.
/// p5: Mon, Tue 09-17 + Wed 09-13 = 20 h (0.5); focus Wed 13-17 4 + 16 = 20; 2 days.
/// p6 is in web without a calendar and counts for nothing.
/// </summary>
public sealed class MeetingMetricsTests
{
    private static Scenario Web(int people)
    {
        var scenario = new Scenario().Team("web");
        var db = scenario.Database;
        for (var i = 1; i <= 6; i++)
        {
            CalendarRows.Member(db, "web", $"p{i}");
        }
        CalendarRows.Occurrence(db, "p1", "2026-02-02 10:00", "2026-02-02 11:00", response: "declined");
        CalendarRows.Occurrence(db, "p2", "2026-02-02 09:00", "2026-02-02 13:00");
        CalendarRows.Occurrence(db, "p3", "2026-02-02 09:00", "2026-02-02 17:00");
        CalendarRows.Occurrence(db, "p3", "2026-02-03 09:00", "2026-02-03 11:00");
        CalendarRows.Occurrence(db, "p4", "2026-02-02 09:00", "2026-02-02 17:00");
        CalendarRows.Occurrence(db, "p4", "2026-02-03 09:00", "2026-02-03 13:00");
        if (people >= 5)
        {
            CalendarRows.Occurrence(db, "p5", "2026-02-02 09:00", "2026-02-02 17:00");
            CalendarRows.Occurrence(db, "p5", "2026-02-03 09:00", "2026-02-03 17:00");
            CalendarRows.Occurrence(db, "p5", "2026-02-04 09:00", "2026-02-04 13:00");
        }
        return scenario.Derive();
    }

    private static MeetingMetrics Metrics(Scenario scenario, string? team = "web", string from = "2026-02-02", string to = "2026-02-09") =>
        new MeetingMetricsService(new QueryRunner(scenario.Database), new MeetingOptions())
            .Get(Scenario.Window(from, to), new MetricScope(team, null, null));

    [Fact]
    public void A_cohort_of_four_is_withheld_with_the_reason_and_nulls()
    {
        using var scenario = Web(4);
        var metrics = Metrics(scenario);
        Assert.True(metrics.Withheld);
        Assert.Equal(4, metrics.People);
        Assert.Equal("4 people with calendars in this team; figures are shown from 5 (MinCohort)", metrics.WithheldReason);
        Assert.Null(metrics.MedianMeetingHoursPerWeek);
        Assert.Null(metrics.MedianMeetingLoad);
        Assert.Null(metrics.P75FocusHoursPerWeek);
        Assert.Null(metrics.MedianMeetingFreeDays);
        Assert.Null(metrics.Distribution);
    }

    /// <summary>
    /// Meeting hours [0, 4, 10, 12, 20]: median 10, p75 12 (quantile_cont at 0.75 x 4 = index 3). Load [0, .1, .25, .3, .5]:
    /// median 0.25, p75 0.3. Focus [20, 28, 30, 36, 40]: median 30, p75 36. Fragmented all 0. Meeting-free days [2, 3, 3, 4, 5]:
    /// median 3, p75 4. Bands (lower bound inclusive): 0-10 % p1; 10-20 % p2 (exactly 0.1); 20-30 % p3; 30-50 % p4 (0.3);
    /// 50 %+ p5 (0.5).
    /// </summary>
    [Fact]
    public void A_cohort_of_five_shows_medians_and_the_load_bands()
    {
        using var scenario = Web(5);
        var metrics = Metrics(scenario);
        Assert.False(metrics.Withheld);
        Assert.Null(metrics.WithheldReason);
        Assert.Equal(5, metrics.People);
        Assert.Equal((10.0, 12.0), (metrics.MedianMeetingHoursPerWeek!.Value, metrics.P75MeetingHoursPerWeek!.Value));
        Assert.Equal(0.25, metrics.MedianMeetingLoad!.Value, 9);
        Assert.Equal(0.3, metrics.P75MeetingLoad!.Value, 9);
        Assert.Equal((30.0, 36.0), (metrics.MedianFocusHoursPerWeek!.Value, metrics.P75FocusHoursPerWeek!.Value));
        Assert.Equal((0.0, 0.0), (metrics.MedianFragmentedHoursPerWeek!.Value, metrics.P75FragmentedHoursPerWeek!.Value));
        Assert.Equal((3.0, 4.0), (metrics.MedianMeetingFreeDays!.Value, metrics.P75MeetingFreeDays!.Value));
        Assert.Equal([("0-10%", 1L), ("10-20%", 1L), ("20-30%", 1L), ("30-50%", 1L), ("50%+", 1L)],
            metrics.Distribution!.Select(b => (b.Band, b.People)));
    }

    [Fact]
    public void Weeks_no_calendar_covers_have_no_figure_and_say_so_rather_than_withhold()
    {
        // Every occurrence is in the week of 02-02: no calendar covers the week of 02-09. Nothing to withhold; no figure.
        using var scenario = Web(5);
        var metrics = Metrics(scenario, from: "2026-02-09", to: "2026-02-16");
        Assert.Equal((0L, false, (string?)null), (metrics.People, metrics.Withheld, metrics.WithheldReason));
        Assert.Equal("no calendar data: no calendar of this team's members covers these weeks", metrics.NoDataReason);
        Assert.Equal(((double?)null, (double?)null), (metrics.MedianFocusHoursPerWeek, metrics.MedianMeetingLoad));
        Assert.Equal("no calendar data: no one's calendar covers these weeks", Metrics(scenario, team: null, from: "2026-02-09", to: "2026-02-16").NoDataReason);
    }

    /// <summary>
    /// Derived rows: q is in teams b-ops (America/New_York) and a-dev (UTC), so the first by id, a-dev (UTC), applies;
    /// r has no team (default UTC calendar). q's meetings Mon 02-02 09-10 and Mon 02-16 09-10 give two weeks: the week of
    /// 02-09 between them holds no occurrence, so no calendar covers it (no row, where it would read 40 h focus, 0 %);
    /// r has one.
    /// </summary>
    [Fact]
    public void Each_person_gets_a_row_per_week_their_occurrences_cover_in_their_first_teams_calendar()
    {
        using var scenario = new Scenario().Team("b-ops", "America/New_York").Team("a-dev");
        CalendarRows.Member(scenario.Database, "b-ops", "q");
        CalendarRows.Member(scenario.Database, "a-dev", "q");
        CalendarRows.Occurrence(scenario.Database, "q", "2026-02-02 09:00", "2026-02-02 10:00");
        CalendarRows.Occurrence(scenario.Database, "q", "2026-02-16 09:00", "2026-02-16 10:00");
        CalendarRows.Occurrence(scenario.Database, "r", "2026-02-03 09:00", "2026-02-03 10:00");
        scenario.Derive();
        var rows = scenario.Rows<(string PersonId, string? TeamId, DateTime Week, double MeetingHours)>(
            "SELECT person_id, team_id, week, meeting_hours FROM d_person_weeks ORDER BY person_id, week");
        Assert.Equal(
        [
            ("q", "a-dev", new DateTime(2026, 2, 2), 1.0),
            ("q", "a-dev", new DateTime(2026, 2, 16), 1.0), ("r", null, new DateTime(2026, 2, 2), 1.0),
        ], rows);
    }

    /// <summary>
    /// A person's own zone overrides the team's: s is in team a-dev (UTC, Mon-Fri 09-17) but lives in New York. Her
    /// meeting Mon 2026-02-02 13:00-14:00 UTC is 08:00-09:00 in New York (EST, UTC-5): before her working day, so 0
    /// meeting hours; in UTC it would have been 1.
    /// </summary>
    [Fact]
    public void A_persons_own_time_zone_overrides_the_teams()
    {
        using var scenario = new Scenario().Team("a-dev");
        CalendarRows.Member(scenario.Database, "a-dev", "s");
        using (var connection = scenario.Database.Open())
        {
            Dapper.SqlMapper.Execute(connection, "INSERT INTO people VALUES ('s', NULL, NULL, 'America/New_York', true)");
        }
        CalendarRows.Occurrence(scenario.Database, "s", "2026-02-02 13:00", "2026-02-02 14:00");
        scenario.Derive();
        Assert.Equal([0.0], scenario.Rows<double>("SELECT meeting_hours FROM d_person_weeks"));
    }

    [Fact]
    public void Meeting_hours_by_team_sum_the_weeks_and_withhold_small_cohorts()
    {
        // queries/meeting_hours_by_team.sql. p1..p5 with calendars: 0 + 4 + 10 + 12 + 20 = 46 h; median person-week 10 h.
        using var five = Web(5);
        var service = new MeetingMetricsService(new QueryRunner(five.Database), new MeetingOptions());
        var web = Assert.Single(service.Hours(Scenario.Window("2026-02-02", "2026-02-09"), MetricScope.Org, MetricGrouping.Team));
        Assert.Equal(("web", 5L, false, 46.0, 10.0), (web.Team, web.People, web.Withheld, web.TotalHours!.Value, web.MedianHoursPerPersonWeek!.Value));
        var org = Assert.Single(service.Hours(Scenario.Window("2026-02-02", "2026-02-09"), MetricScope.Org, MetricGrouping.None));
        Assert.Equal((null, 46.0), (org.Team, org.TotalHours));
        // Four people (p5 has no meetings and so no calendar here): withheld, no figures.
        using var four = Web(4);
        var small = Assert.Single(new MeetingMetricsService(new QueryRunner(four.Database), new MeetingOptions())
            .Hours(Scenario.Window("2026-02-02", "2026-02-09"), new MetricScope(Team: "web"), MetricGrouping.Team));
        Assert.Equal((4L, true, (double?)null), (small.People, small.Withheld, small.TotalHours));
    }

    [Fact]
    public void A_department_rolls_up_its_teams_and_is_withheld_where_subtracting_them_would_expose_a_small_team()
    {
        // Department eng above web (p1..p5, the five above) and ops (q1, q2: one 1 h meeting each). By hand: eng counts
        // 7 people and is not below the cohort itself; web (5) is shown, ops (2) withheld; eng minus web would give ops'
        // 2 people (2 h): eng's total hours and its load bands are withheld by subtraction. web alone has no team below it
        // and keeps its figures.
        using var scenario = new Scenario().Team("eng").Team("web", parent: "eng").Team("ops", parent: "eng");
        var db = scenario.Database;
        foreach (var person in new[] { "p1", "p2", "p3", "p4", "p5" })
        {
            CalendarRows.Member(db, "web", person);
        }
        CalendarRows.Member(db, "ops", "q1");
        CalendarRows.Member(db, "ops", "q2");
        CalendarRows.Occurrence(db, "p1", "2026-02-02 10:00", "2026-02-02 11:00", response: "declined");
        CalendarRows.Occurrence(db, "p2", "2026-02-02 09:00", "2026-02-02 13:00");
        CalendarRows.Occurrence(db, "p3", "2026-02-02 09:00", "2026-02-02 17:00");
        CalendarRows.Occurrence(db, "p4", "2026-02-02 09:00", "2026-02-02 17:00");
        CalendarRows.Occurrence(db, "p5", "2026-02-02 09:00", "2026-02-02 17:00");
        CalendarRows.Occurrence(db, "q1", "2026-02-03 09:00", "2026-02-03 10:00");
        CalendarRows.Occurrence(db, "q2", "2026-02-03 10:00", "2026-02-03 11:00");
        scenario.Derive();
        var service = new MeetingMetricsService(new QueryRunner(db), new MeetingOptions());
        var window = Scenario.Window("2026-02-02", "2026-02-09");
        var eng = service.HoursInView(window, new MetricScope(Team: "eng"));
        Assert.Equal((7L, true, (double?)null), (eng.All!.People, eng.AllWithheldBySubtraction, eng.All.TotalHours));
        Assert.Equal([("ops", true), ("web", false)], eng.Teams.Values.Select(t => (t.Team!, t.Withheld)).OrderBy(t => t.Item1));
        var engLoad = service.Get(window, new MetricScope(Team: "eng"));
        Assert.Equal((7L, false, true), (engLoad.People, engLoad.Withheld, engLoad.Distribution is null));
        var web = service.HoursInView(window, new MetricScope(Team: "web"));
        Assert.Equal((5L, false, 4.0 + 8 + 8 + 8), (web.All!.People, web.AllWithheldBySubtraction, web.All.TotalHours!.Value));
    }
}
