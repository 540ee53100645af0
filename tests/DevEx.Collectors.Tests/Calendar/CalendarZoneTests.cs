using NodaTime;
using static DevEx.Collectors.Tests.Calendar.IcalFixture;

namespace DevEx.Collectors.Tests.Calendar;

/// <summary>Time zones, floating times and all-day events, each expectation read by hand from the fixture.</summary>
public sealed class CalendarZoneTests
{
    [Fact]
    public void Floating_times_are_read_in_the_calendars_x_wr_timezone()
    {
        // issue_86: X-WR-TIMEZONE:Europe/Brussels, DTSTART 20210916T210000 (floating) → CEST (+2) → 19:00Z; end 22:45 → 20:45Z.
        // The calendar's own zone beats the caller's fallback (Tokyo here).
        var result = Expand("recurring-ical-events/issue_86_x_wr_timezone_without_time_zone_in_dt.ics",
            new LocalDate(2021, 9, 1), new LocalDate(2021, 10, 1), fallbackZone: DateTimeZoneProviders.Tzdb["Asia/Tokyo"]);

        var only = Assert.Single(result.Occurrences);
        Assert.Equal((Utc(2021, 9, 16, 19, 0), Utc(2021, 9, 16, 20, 45)), (only.StartAt, only.EndAt));
    }

    [Fact]
    public void Windows_zone_name_maps_to_iana_and_the_contradictory_vtimezone_is_ignored()
    {
        // khal/tz_windows_format: TZID "New Zealand Standard Time" = Pacific/Auckland; 2019-11-20 is NZDT (+13),
        // so 13:00–14:30 local = 00:00–01:30Z. The file's VTIMEZONE (CET offsets) would say otherwise; it is not trusted.
        var result = Expand("khal/tz_windows_format.ics", new LocalDate(2019, 11, 1), new LocalDate(2019, 12, 1));

        Assert.Empty(result.Rejects);
        var only = Assert.Single(result.Occurrences);
        Assert.Equal((Utc(2019, 11, 20, 0, 0), Utc(2019, 11, 20, 1, 30)), (only.StartAt, only.EndAt));
    }

    [Fact]
    public void Outlook_all_day_free_event_is_all_day_and_transparent()
    {
        // ical.net/Outlook2007LineFolds: DTSTART;VALUE=DATE 20090621, DTEND 20090622, TRANSP:TRANSPARENT, busy status FREE.
        // All-day dates are read in the fallback zone: Europe/London is BST (+1) → 2009-06-20 23:00Z to 2009-06-21 23:00Z.
        // Tab-folded lines: the first attendee is some.attendee@event.com once unfolded. Attendees: that one, event@calendardemo.net,
        // the meeting room, plus the organizer some.attendee@somewhere.com → 4 distinct addresses.
        var result = Expand("ical.net/Outlook2007LineFolds.ics", new LocalDate(2009, 6, 1), new LocalDate(2009, 7, 1),
            identities: ["Some.Attendee@Somewhere.com"], fallbackZone: DateTimeZoneProviders.Tzdb["Europe/London"]);

        Assert.Empty(result.Rejects);
        var only = Assert.Single(result.Occurrences);
        Assert.Equal((Utc(2009, 6, 20, 23, 0), Utc(2009, 6, 21, 23, 0)), (only.StartAt, only.EndAt));
        Assert.True(only.IsAllDay);
        Assert.True(only.IsTransparent);
        Assert.Equal(4, only.AttendeeCount);
        Assert.True(only.IsOrganizer);
        Assert.Null(only.Response); // the organizer is not among the ATTENDEEs
    }

    [Fact]
    public void All_day_start_with_a_date_time_end_ends_on_that_date()
    {
        // issue_201: DTSTART;VALUE=DATE 20230724, DTEND 20230817T000000Z → read as the date 2023-08-17: 24 days, transparent.
        var result = Expand("recurring-ical-events/issue_201_mixed_datetime_and_date.ics", new LocalDate(2023, 7, 1), new LocalDate(2023, 9, 1));

        var only = Assert.Single(result.Occurrences);
        Assert.Equal((Utc(2023, 7, 24, 0, 0), Utc(2023, 8, 17, 0, 0)), (only.StartAt, only.EndAt));
        Assert.True(only.IsAllDay);
        Assert.True(only.IsTransparent);
    }

    [Fact]
    public void Zone_known_only_from_its_vtimezone_is_rejected_per_event()
    {
        // icalendar/issue_722: TZID=MyTimezone is neither IANA nor Windows → each of the 4 events (UIDs 0–3) is rejected.
        var result = Expand("icalendar/issue_722_timezone_transition_ambiguity.ics", new LocalDate(2024, 1, 1), new LocalDate(2025, 1, 1));

        Assert.Empty(result.Occurrences);
        Assert.Equal(["0", "1", "2", "3"], result.Rejects.Select(r => r.Where).Order());
        Assert.All(result.Rejects, r => Assert.Contains("MyTimezone", r.Reason));
    }
}
