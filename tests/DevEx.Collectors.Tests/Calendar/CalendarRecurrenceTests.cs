using DevEx.Collectors.Calendar;
using NodaTime;
using static DevEx.Collectors.Tests.Calendar.IcalFixture;

namespace DevEx.Collectors.Tests.Calendar;

/// <summary>Recurrence, overrides and durations, each expectation read by hand from the fixture.</summary>
public sealed class CalendarRecurrenceTests
{
    [Fact]
    public void Weekly_rule_with_a_moved_and_a_cancelled_instance()
    {
        // khal/event_rrule_recuid_cancelled.ics: weekly from Mon 2014-06-30 07:00 Europe/Berlin (CEST, UTC+2 → 05:00Z),
        // 5 h long, UNTIL 2014-08-06 06:00Z → Jun 30, Jul 7, 14, 21, 28, Aug 4 (6 instances).
        // RECURRENCE-ID 20140707T050000Z (= 07:00 Berlin) moves to 09:00–14:00 Berlin = 07:00–12:00Z;
        // RECURRENCE-ID 20140714T050000Z is STATUS:CANCELLED (kept, flagged).
        var result = Expand("khal/event_rrule_recuid_cancelled.ics", new LocalDate(2014, 6, 1), new LocalDate(2014, 9, 1));

        Assert.Empty(result.Rejects);
        Assert.Equal(
            new[]
            {
                (Utc(2014, 6, 30, 5, 0), Utc(2014, 6, 30, 10, 0), false),
                (Utc(2014, 7, 7, 7, 0), Utc(2014, 7, 7, 12, 0), false),
                (Utc(2014, 7, 14, 5, 0), Utc(2014, 7, 14, 10, 0), true),
                (Utc(2014, 7, 21, 5, 0), Utc(2014, 7, 21, 10, 0), false),
                (Utc(2014, 7, 28, 5, 0), Utc(2014, 7, 28, 10, 0), false),
                (Utc(2014, 8, 4, 5, 0), Utc(2014, 8, 4, 10, 0), false),
            },
            result.Occurrences.Select(o => (o.StartAt, o.EndAt, o.IsCancelled)));
        Assert.All(result.Occurrences, o => Assert.True(o.IsRecurring));
        Assert.Equal(6, result.Occurrences.Select(o => o.Id).Distinct().Count());
    }

    [Fact]
    public void Utc_exdate_removes_the_zoned_instance_and_duration_sets_the_length()
    {
        // khal/event_dtr_exdatez.ics: weekly from 2014-06-30 07:30 Berlin (05:30Z), UNTIL 2014-07-25 05:30Z
        // → Jun 30, Jul 7, 14, 21; EXDATE 20140721T053000Z is the Jul 21 instance → 3 left, each PT4H31M → ends 10:01Z.
        var result = Expand("khal/event_dtr_exdatez.ics", new LocalDate(2014, 6, 1), new LocalDate(2014, 9, 1));

        Assert.Empty(result.Rejects);
        Assert.Equal(
            new[]
            {
                (Utc(2014, 6, 30, 5, 30), Utc(2014, 6, 30, 10, 1)),
                (Utc(2014, 7, 7, 5, 30), Utc(2014, 7, 7, 10, 1)),
                (Utc(2014, 7, 14, 5, 30), Utc(2014, 7, 14, 10, 1)),
            },
            result.Occurrences.Select(o => (o.StartAt, o.EndAt)));
    }

    [Fact]
    public void Timed_event_without_end_or_duration_has_zero_length()
    {
        // khal/event_dt_no_end.ics: DTSTART 20160116T070000Z, no DTEND, no DURATION → RFC 5545 §3.6.1: ends when it starts.
        var result = Expand("khal/event_dt_no_end.ics", new LocalDate(2016, 1, 1), new LocalDate(2016, 2, 1));

        var only = Assert.Single(result.Occurrences);
        Assert.Equal(Utc(2016, 1, 16, 7, 0), only.StartAt);
        Assert.Equal(Utc(2016, 1, 16, 7, 0), only.EndAt);
        Assert.False(only.IsRecurring);
        Assert.False(only.IsAllDay);
    }

    [Fact]
    public void Lisbon_weekly_event_keeps_local_time_across_the_dst_change()
    {
        // recurring-ical-events/issue_48: Mondays 11:30–13:00 Europe/Lisbon, no end. October 2020 Mondays: 5, 12, 19, 26.
        // Summer time (WEST, UTC+1) ends Sun 2020-10-25, so 11:30 local is 10:30Z before and 11:30Z on the 26th.
        var result = Expand("recurring-ical-events/issue_48_daylight_aware_repeats.ics", new LocalDate(2020, 10, 1), new LocalDate(2020, 11, 1));

        Assert.Empty(result.Rejects);
        Assert.Equal(
            new[]
            {
                (Utc(2020, 10, 5, 10, 30), Utc(2020, 10, 5, 12, 0)),
                (Utc(2020, 10, 12, 10, 30), Utc(2020, 10, 12, 12, 0)),
                (Utc(2020, 10, 19, 10, 30), Utc(2020, 10, 19, 12, 0)),
                (Utc(2020, 10, 26, 11, 30), Utc(2020, 10, 26, 13, 0)),
            },
            result.Occurrences.Select(o => (o.StartAt, o.EndAt)));
    }

    [Fact]
    public void Count_of_eight_with_two_utc_exdates_leaves_six()
    {
        // recurring-ical-events/each_week_but_two_deleted: Mondays 00:30–01:00 Europe/Berlin, COUNT=8 from 2019-03-04:
        // Mar 4, 11, 18, 25, Apr 1, 8, 15, 22. EXDATE 20190310T233000Z and 20190324T233000Z are the previous day in UTC
        // but 00:30 CET on Mar 11 and Mar 25 → 6 left. CET (+1) until Mar 31, then CEST (+2): 23:30Z / 22:30Z the day before.
        var result = Expand("recurring-ical-events/each_week_but_two_deleted.ics", new LocalDate(2019, 1, 1), new LocalDate(2019, 12, 31));

        Assert.Empty(result.Rejects);
        Assert.Equal(
            new[]
            {
                Utc(2019, 3, 3, 23, 30), Utc(2019, 3, 17, 23, 30), Utc(2019, 3, 31, 22, 30),
                Utc(2019, 4, 7, 22, 30), Utc(2019, 4, 14, 22, 30), Utc(2019, 4, 21, 22, 30),
            },
            result.Occurrences.Select(o => o.StartAt));
        Assert.All(result.Occurrences, o => Assert.Equal(Duration.FromMinutes(30), o.EndAt - o.StartAt));
    }

    [Fact]
    public void This_and_future_overrides_shift_every_later_instance()
    {
        // recurring-ical-events/issue_75: every 2 days from 2024-09-01 12:00–14:00Z, plus RDATE 2024-09-14 09:00Z.
        // RECURRENCE-ID;RANGE=THISANDFUTURE 2024-09-13 12:00Z → 09:00–16:00Z: later instances move −3 h and last 7 h
        //   (so the RDATE 09:00 becomes 06:00–13:00, and Sep 17 and 19 run 09:00–16:00).
        // RECURRENCE-ID 2024-09-15 12:00Z (this instance only) → 17:00–19:00Z.
        // RECURRENCE-ID;RANGE=THISANDFUTURE 2024-09-21 12:00Z → Sep 22 14:22–16:13Z: later instances move +1 d 2 h 22 min
        //   and last 1 h 51 min, so Sep 23 → Sep 24, Sep 25 → 26, ..., Sep 29 → 30.
        var result = Expand("recurring-ical-events/issue_75_range_parameter.ics", new LocalDate(2024, 9, 1), new LocalDate(2024, 10, 1));

        Assert.Empty(result.Rejects);
        Assert.Equal(
            new[]
            {
                (Utc(2024, 9, 1, 12, 0), Utc(2024, 9, 1, 14, 0)),
                (Utc(2024, 9, 3, 12, 0), Utc(2024, 9, 3, 14, 0)),
                (Utc(2024, 9, 5, 12, 0), Utc(2024, 9, 5, 14, 0)),
                (Utc(2024, 9, 7, 12, 0), Utc(2024, 9, 7, 14, 0)),
                (Utc(2024, 9, 9, 12, 0), Utc(2024, 9, 9, 14, 0)),
                (Utc(2024, 9, 11, 12, 0), Utc(2024, 9, 11, 14, 0)),
                (Utc(2024, 9, 13, 9, 0), Utc(2024, 9, 13, 16, 0)),
                (Utc(2024, 9, 14, 6, 0), Utc(2024, 9, 14, 13, 0)),
                (Utc(2024, 9, 15, 17, 0), Utc(2024, 9, 15, 19, 0)),
                (Utc(2024, 9, 17, 9, 0), Utc(2024, 9, 17, 16, 0)),
                (Utc(2024, 9, 19, 9, 0), Utc(2024, 9, 19, 16, 0)),
                (Utc(2024, 9, 22, 14, 22), Utc(2024, 9, 22, 16, 13)),
                (Utc(2024, 9, 24, 14, 22), Utc(2024, 9, 24, 16, 13)),
                (Utc(2024, 9, 26, 14, 22), Utc(2024, 9, 26, 16, 13)),
                (Utc(2024, 9, 28, 14, 22), Utc(2024, 9, 28, 16, 13)),
                (Utc(2024, 9, 30, 14, 22), Utc(2024, 9, 30, 16, 13)),
            },
            result.Occurrences.Select(o => (o.StartAt, o.EndAt)));
    }

    [Fact]
    public void Override_without_a_master_stands_alone()
    {
        // khal/event_dt_recuid_no_master.ics: only a RECURRENCE-ID component, floating 16:00–16:25 on 2017-03-29;
        // read in the fallback zone (Europe/Berlin, CEST since Mar 26 → 14:00Z).
        var result = Expand("khal/event_dt_recuid_no_master.ics", new LocalDate(2017, 3, 1), new LocalDate(2017, 4, 1),
            fallbackZone: DateTimeZoneProviders.Tzdb["Europe/Berlin"]);

        var only = Assert.Single(result.Occurrences);
        Assert.Equal((Utc(2017, 3, 29, 14, 0), Utc(2017, 3, 29, 14, 25)), (only.StartAt, only.EndAt));
    }

    [Fact]
    public void Window_is_half_open_and_cuts_an_unbounded_rule()
    {
        // issue_48 again: [2020-10-12, 2020-10-19) holds only the Oct 12 instance; the one at 10:30Z on the 19th is outside.
        var result = Expand("recurring-ical-events/issue_48_daylight_aware_repeats.ics", new LocalDate(2020, 10, 12), new LocalDate(2020, 10, 19));

        Assert.Equal(Utc(2020, 10, 12, 10, 30), Assert.Single(result.Occurrences).StartAt);
    }

    [Fact]
    public void Ids_are_stable_across_runs_and_differ_per_person()
    {
        var first = Expand("khal/event_dtr_exdatez.ics", new LocalDate(2014, 6, 1), new LocalDate(2014, 9, 1));
        var again = Expand("khal/event_dtr_exdatez.ics", new LocalDate(2014, 6, 1), new LocalDate(2014, 9, 1));
        var other = CalendarExpander.Expand(Text("khal/event_dtr_exdatez.ics"), "x.ics", [], "person-2",
            Utc(2014, 6, 1, 0, 0), Utc(2014, 9, 1, 0, 0), null);

        Assert.Equal(first.Occurrences.Select(o => o.Id), again.Occurrences.Select(o => o.Id));
        Assert.Empty(first.Occurrences.Select(o => o.Id).Intersect(other.Occurrences.Select(o => o.Id)));
        Assert.All(first.Occurrences, o => Assert.Matches("^[0-9a-f]{64}$", o.Id));
    }
}
