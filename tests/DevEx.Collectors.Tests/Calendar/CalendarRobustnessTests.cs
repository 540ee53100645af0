using DevEx.Collectors.Calendar;
using NodaTime;
using static DevEx.Collectors.Tests.Calendar.IcalFixture;

namespace DevEx.Collectors.Tests.Calendar;

/// <summary>Bad input is rejected per event with its UID and a reason; nothing ever throws.</summary>
public sealed class CalendarRobustnessTests
{
    public static TheoryData<string> EveryFixture()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.EnumerateFiles(IcalFixture.Directory, "*.ics", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(IcalFixture.Directory, file));
        }
        return data;
    }

    [Fact]
    public void All_sixteen_shared_fixtures_are_copied() => Assert.Equal(16, EveryFixture().Count);

    [Theory]
    [MemberData(nameof(EveryFixture))]
    public void Every_fixture_expands_without_throwing(string path)
    {
        var result = Expand(path, new LocalDate(2000, 1, 1), new LocalDate(2030, 1, 1), fallbackZone: DateTimeZoneProviders.Tzdb["Europe/Berlin"]);

        Assert.NotNull(result.Occurrences);
        Assert.All(result.Rejects, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
    }

    [Fact]
    public void Google_feed_with_an_empty_exdate_keeps_both_events()
    {
        // icalendar/parsing_error: two all-day daily events, 2008-03-03 until 2008-03-23T23:59:59Z → 21 days,
        // less EXDATE 2008-03-11 → 20 each; the second's empty EXDATE adds nothing. Neither has a UID.
        var result = Expand("icalendar/parsing_error.ics", new LocalDate(2008, 1, 1), new LocalDate(2009, 1, 1));

        Assert.Empty(result.Rejects);
        Assert.Equal(40, result.Occurrences.Count);
        Assert.DoesNotContain(result.Occurrences, o => o.StartAt == Utc(2008, 3, 11, 0, 0));
        Assert.Equal(40, result.Occurrences.Select(o => o.Id).Distinct().Count());
    }

    [Fact]
    public void Empty_calendar_with_a_bom_is_empty_not_an_error()
    {
        var result = Expand("icalendar/bom_calendar.ics", new LocalDate(2000, 1, 1), new LocalDate(2030, 1, 1));

        Assert.Empty(result.Occurrences);
        Assert.Empty(result.Rejects);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nthis is not a property\r\n")]
    public void A_file_that_is_not_icalendar_is_one_reject(string text)
    {
        var result = ExpandText(text, "broken.ics", new LocalDate(2024, 1, 1), new LocalDate(2025, 1, 1));

        Assert.Empty(result.Occurrences);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal("broken.ics", reject.File);
    }

    [Fact]
    public void An_invalid_date_or_unknown_zone_rejects_only_that_event()
    {
        const string ics = """
            BEGIN:VCALENDAR
            VERSION:2.0
            BEGIN:VEVENT
            UID:good
            DTSTART:20240102T100000Z
            DTEND:20240102T110000Z
            END:VEVENT
            BEGIN:VEVENT
            UID:bad-date
            DTSTART:20241345T100000Z
            DTEND:20240102T110000Z
            END:VEVENT
            BEGIN:VEVENT
            UID:bad-zone
            DTSTART;TZID=Mars/Olympus_Mons:20240103T100000
            DTEND;TZID=Mars/Olympus_Mons:20240103T110000
            END:VEVENT
            END:VCALENDAR
            """;
        var result = ExpandText(ics, "mixed.ics", new LocalDate(2024, 1, 1), new LocalDate(2024, 2, 1));

        Assert.Equal(Utc(2024, 1, 2, 10, 0), Assert.Single(result.Occurrences).StartAt);
        // bad-date's DTSTART is line 10 of the text; bad-zone's event begins on line 13.
        Assert.Equal([("bad-date", 10, "DTSTART \"20241345T100000Z\" is not a valid date"), ("bad-zone", 13, "Unrecognized time zone id Mars/Olympus_Mons (Parameter 'tzId')")],
            result.Rejects.OrderBy(r => r.Where, StringComparer.Ordinal).Select(r => (r.Where, r.Line, r.Reason)));
    }

    [Fact]
    public void A_dtstart_that_is_there_but_not_a_date_is_named_with_its_line_and_an_event_without_uid_keeps_its_id()
    {
        // Ical.Net reads the whole file, drops "xyz" and would call the first event one "without DTSTART".
        const string ics = """
            BEGIN:VCALENDAR
            VERSION:2.0
            BEGIN:VEVENT
            UID:bad-start
            DTSTART:xyz
            DTEND:20240102T110000Z
            END:VEVENT
            BEGIN:VEVENT
            DTSTART:20240103T100000Z
            DTEND:20240103T110000Z
            END:VEVENT
            END:VCALENDAR
            """;
        var first = ExpandText(ics, "start.ics", new LocalDate(2024, 1, 1), new LocalDate(2024, 2, 1));
        var second = ExpandText(ics, "start.ics", new LocalDate(2024, 1, 1), new LocalDate(2024, 2, 1));

        var reject = Assert.Single(first.Rejects);
        Assert.Equal(("bad-start", 5, "DTSTART \"xyz\" is not a valid date"), (reject.Where, reject.Line, reject.Reason));
        // The event without UID is the VEVENT on line 8: its id is person + "line 8" + no recurrence id, every time.
        var occurrence = Assert.Single(first.Occurrences);
        Assert.Equal(CalendarExpander.OccurrenceId("person-1", "line 8", ""), occurrence.Id);
        Assert.Equal(occurrence.Id, Assert.Single(second.Occurrences).Id);
    }

    [Fact]
    public void A_vevent_without_dtstart_is_still_called_so()
    {
        const string ics = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:no-start
            DTEND:20240102T110000Z
            END:VEVENT
            END:VCALENDAR
            """;
        var reject = Assert.Single(ExpandText(ics, "none.ics", new LocalDate(2024, 1, 1), new LocalDate(2024, 2, 1)).Rejects);

        // The VEVENT begins on line 2.
        Assert.Equal(("no-start", 2, "VEVENT without DTSTART"), (reject.Where, reject.Line, reject.Reason));
    }

    [Fact]
    public void A_reject_names_the_broken_property_but_never_quotes_its_content()
    {
        // Ical.Net's message quotes the whole line; a SUMMARY is private, so the reason keeps only the property name.
        const string ics = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:broken-summary
            DTSTART:20240101T100000Z
            SUMMARY;X="unterminated:Secret ZQXMARKER
            END:VEVENT
            END:VCALENDAR
            """;
        var reject = Assert.Single(ExpandText(ics, "secret.ics", new LocalDate(2024, 1, 1), new LocalDate(2025, 1, 1)).Rejects);

        Assert.Equal("broken-summary", reject.Where);
        Assert.Equal("could not parse a SUMMARY line", reject.Reason);
    }
}
