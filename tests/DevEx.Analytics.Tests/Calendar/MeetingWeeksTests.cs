using DevEx.Analytics.Calendar;
using DevEx.Analytics.Time;
using DevEx.Store.Time;
using NodaTime;

namespace DevEx.Analytics.Tests.Calendar;

/// <summary>The per-week arithmetic of MeetingWeeks, working hours Mon-Fri 09:00-17:00, FocusBlock 2 h.</summary>
public sealed class MeetingWeeksTests
{
    private static readonly Duration TwoHours = Duration.FromHours(2);

    private static CalendarOccurrence Meeting(int day, int startHour, int startMinute, int endHour, int endMinute, int attendees = 3,
        string? response = "accepted", bool allDay = false, bool transparent = false, bool cancelled = false, int month = 2) =>
        new("p", Instant.FromUtc(2026, month, day, startHour, startMinute), Instant.FromUtc(2026, month, day, endHour, endMinute), attendees,
            response, allDay, transparent, cancelled);

    /// <summary>
    /// UTC, week of Mon 2026-02-02 (40 working hours):
    /// Mon 09:00-10:00 and 09:30-11:00 overlap -> one busy block 09:00-11:00 = 2 h (not 2.5); free 11-17 = 6 h focus.
    /// Tue 10-11 declined (ignored); 13-14 tentative (counted 1 h); free 09-13 4 h + 14-17 3 h focus.
    /// Wed: 09-10 with 1 attendee, 10-12 all-day flag, 12-13 transparent, 14-15 cancelled: all ignored -> 8 h focus, meeting-free.
    /// Thu: nothing -> 8 h focus, meeting-free.
    /// Fri 11:00-12:00 and 13:59-14:59: free 09-11 = exactly 2 h (focus), 12:00-13:59 = 1 h 59 (fragmented),
    ///   14:59-17:00 = 2 h 01 (focus).
    /// Meetings 2 + 1 + 1 + 1 = 5 h; load 5 / 40 = 0.125. Focus 6 + 7 + 8 + 8 + 2 + 2 1/60 = 33 1/60 h;
    /// fragmented 1 59/60 h; 5 + 33 1/60 + 1 59/60 = 40. Meeting-free days 2 (Wed, Thu); longest focus 8 h.
    /// </summary>
    [Fact]
    public void A_week_merges_overlaps_and_ignores_what_is_not_a_meeting()
    {
        var occurrences = new List<CalendarOccurrence>
        {
            Meeting(2, 9, 0, 10, 0), Meeting(2, 9, 30, 11, 0),
            Meeting(3, 10, 0, 11, 0, response: "declined"), Meeting(3, 13, 0, 14, 0, response: "tentative"),
            Meeting(4, 9, 0, 10, 0, attendees: 1), Meeting(4, 10, 0, 12, 0, allDay: true), Meeting(4, 12, 0, 13, 0, transparent: true),
            Meeting(4, 14, 0, 15, 0, cancelled: true),
            Meeting(6, 11, 0, 12, 0), Meeting(6, 13, 59, 14, 59, attendees: 2),
        };
        var week = Assert.Single(MeetingWeeks.For("p", null, occurrences, WorkingHoursCalendar.Utc, TwoHours));
        Assert.Equal(new LocalDate(2026, 2, 2), week.Week);
        Assert.Equal(40.0, week.WorkingHours, 9);
        Assert.Equal(5.0, week.MeetingHours, 9);
        Assert.Equal(0.125, week.MeetingLoad!.Value, 9);
        Assert.Equal(33 + 1 / 60.0, week.FocusHours, 9);
        Assert.Equal(1 + 59 / 60.0, week.FragmentedHours, 9);
        Assert.Equal(2, week.MeetingFreeDays);
        Assert.Equal(8.0, week.LongestFocusHours, 9);
    }

    /// <summary>
    /// Focus is split at exactly FocusBlock: Mon meetings 09:00-10:00, 12:00-13:00, 14:59-15:00: free 10-12 = 2 h (focus),
    /// 13:00-14:59 = 1 h 59 (fragmented), 15-17 = 2 h (focus). Tue-Fri meeting-free: 4 x 8 = 32 h focus.
    /// Focus 2 + 2 + 32 = 36 h; fragmented 1 59/60 h; meetings 2 1/60 h; meeting-free days 4.
    /// </summary>
    [Fact]
    public void Focus_and_fragmented_time_split_at_exactly_two_hours()
    {
        var occurrences = new List<CalendarOccurrence> { Meeting(2, 9, 0, 10, 0), Meeting(2, 12, 0, 13, 0), Meeting(2, 14, 59, 15, 0) };
        var week = Assert.Single(MeetingWeeks.For("p", null, occurrences, WorkingHoursCalendar.Utc, TwoHours));
        Assert.Equal(36.0, week.FocusHours, 9);
        Assert.Equal(1 + 59 / 60.0, week.FragmentedHours, 9);
        Assert.Equal(2 + 1 / 60.0, week.MeetingHours, 9);
        Assert.Equal(4, week.MeetingFreeDays);
    }

    /// <summary>
    /// America/New_York, DST starts Sun 2026-03-08. Both meetings are Mon 13:00-14:00 UTC:
    /// Mon 03-02 that is 08:00-09:00 EST, before working hours -> 0 h; the week stays meeting-free (5 days, 40 h focus).
    /// Mon 03-09 that is 09:00-10:00 EDT -> 1 h; load 1 / 40 = 0.025; focus Mon 10-17 7 h + 32 h = 39 h; 4 meeting-free days.
    /// A third occurrence Sun 03-08 03:00 UTC (Sat 03-07 22:00 EST, cancelled) still falls in the week of Mon 03-02 locally.
    /// </summary>
    [Fact]
    public void Weeks_and_working_hours_follow_the_zone_across_a_dst_change()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var calendar = new WorkingHoursCalendar(zone, WorkingWeek.Default);
        var occurrences = new List<CalendarOccurrence>
        {
            Meeting(2, 13, 0, 14, 0, month: 3), Meeting(9, 13, 0, 14, 0, month: 3), Meeting(8, 3, 0, 4, 0, cancelled: true, month: 3),
        };
        var weeks = MeetingWeeks.For("p", null, occurrences, calendar, TwoHours);
        Assert.Equal([new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 9)], weeks.Select(w => w.Week));
        Assert.Equal((40.0, 0.0, 40.0, 5), (weeks[0].WorkingHours, weeks[0].MeetingHours, weeks[0].FocusHours, weeks[0].MeetingFreeDays));
        Assert.Equal((40.0, 1.0, 39.0, 4), (weeks[1].WorkingHours, weeks[1].MeetingHours, weeks[1].FocusHours, weeks[1].MeetingFreeDays));
        Assert.Equal(0.025, weeks[1].MeetingLoad!.Value, 9);
    }
    /// <summary>
    /// Weeks a calendar covers: an all-day event Fri 02-06 00:00 to Tue 02-10 00:00 reaches the weeks of 02-02 and 02-09;
    /// a declined meeting Wed 02-25 still covers the week of 02-23; an event from Sun 03-08 20:00 to Mon 03-09 00:00 exactly
    /// covers the week of 03-02 and does not reach the week of 03-09. The week of 02-16 holds nothing: not covered.
    /// </summary>
    [Fact]
    public void A_week_is_covered_when_any_occurrence_overlaps_it()
    {
        CalendarOccurrence[] occurrences =
        [
            new("p", Instant.FromUtc(2026, 2, 6, 0, 0), Instant.FromUtc(2026, 2, 10, 0, 0), 1, null, true, true, false),
            Meeting(25, 10, 0, 11, 0, response: "declined"),
            new("p", Instant.FromUtc(2026, 3, 8, 20, 0), Instant.FromUtc(2026, 3, 9, 0, 0), 3, "accepted", false, false, false),
        ];
        Assert.Equal([new LocalDate(2026, 2, 2), new LocalDate(2026, 2, 9), new LocalDate(2026, 2, 23), new LocalDate(2026, 3, 2)],
            MeetingWeeks.CoveredWeeks(occurrences, DateTimeZone.Utc));
    }
}
