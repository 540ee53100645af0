using System.Reflection;
using DevEx.Collectors.Calendar;
using NodaTime;
using static DevEx.Collectors.Tests.Calendar.IcalFixture;

namespace DevEx.Collectors.Tests.Calendar;

/// <summary>The person's response, organizer flag and attendee count; and that nothing private leaks into a row.</summary>
public sealed class CalendarAttendeeTests
{
    // khal/event_dt_partstat: 2014-04-09 09:30–10:30 Europe/Berlin (CEST) = 07:30–08:30Z; six attendees, no organizer.
    // Its parameter lines are folded with two spaces, which Ical.Net refuses until they are unfolded leniently.
    [Theory]
    [InlineData("another@example.com", "declined")]
    [InlineData("TENT@example.com", "tentative")]
    [InlineData("jdoe@example.com", "accepted")]
    [InlineData("mailto:jqpublic@example.com", "accepted")]
    [InlineData("hcabot@example.com", "tentative")]
    [InlineData("iamboss@example.com", "delegated")]
    [InlineData("stranger@example.com", null)]
    public void Response_is_the_partstat_of_the_persons_attendee_line(string identity, string? expected)
    {
        var result = Expand("khal/event_dt_partstat.ics", new LocalDate(2014, 4, 1), new LocalDate(2014, 5, 1), identities: [identity]);

        Assert.Empty(result.Rejects);
        var only = Assert.Single(result.Occurrences);
        Assert.Equal(expected, only.Response);
        Assert.Equal(6, only.AttendeeCount);
        Assert.False(only.IsOrganizer);
        Assert.Equal((Utc(2014, 4, 9, 7, 30), Utc(2014, 4, 9, 8, 30)), (only.StartAt, only.EndAt));
    }

    [Fact]
    public void Attendee_without_partstat_needs_action_and_organizer_counts_once()
    {
        const string ics = """
            BEGIN:VCALENDAR
            VERSION:2.0
            BEGIN:VEVENT
            UID:counting
            DTSTART:20240102T100000Z
            DTEND:20240102T103000Z
            ORGANIZER:mailto:boss@example.com
            ATTENDEE;PARTSTAT=ACCEPTED:mailto:BOSS@example.com
            ATTENDEE:mailto:me@example.com
            END:VEVENT
            END:VCALENDAR
            """;
        var only = Assert.Single(ExpandText(ics, "inline.ics", new LocalDate(2024, 1, 1), new LocalDate(2024, 2, 1)).Occurrences);

        Assert.Equal("needs-action", only.Response);
        Assert.Equal(2, only.AttendeeCount); // boss (organizer and attendee, one address) + me
    }

    [Fact]
    public void No_title_description_location_or_attendee_name_reaches_any_field()
    {
        const string marker = "ZQXMARKER";
        const string ics = $"""
            BEGIN:VCALENDAR
            VERSION:2.0
            BEGIN:VEVENT
            UID:uid-{marker}
            DTSTART:20240102T100000Z
            DTEND:20240102T110000Z
            RRULE:FREQ=DAILY;COUNT=2
            SUMMARY:Secret {marker} review
            DESCRIPTION:Agenda {marker}
            LOCATION:Room {marker}
            ORGANIZER;CN=Boss {marker}:mailto:boss@example.com
            ATTENDEE;CN=Me {marker};PARTSTAT=ACCEPTED:mailto:me@example.com
            ATTENDEE;CN=Other {marker};PARTSTAT=TENTATIVE:mailto:other@example.com
            END:VEVENT
            END:VCALENDAR
            """;
        var result = ExpandText(ics, "inline.ics", new LocalDate(2024, 1, 1), new LocalDate(2024, 2, 1));

        Assert.Equal(2, result.Occurrences.Count);
        foreach (var occurrence in result.Occurrences)
        {
            foreach (var property in typeof(CalendarOccurrence).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var value = Convert.ToString(property.GetValue(occurrence), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                Assert.DoesNotContain(marker, value, StringComparison.OrdinalIgnoreCase);
            }
            Assert.DoesNotContain(marker, occurrence.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }
}
