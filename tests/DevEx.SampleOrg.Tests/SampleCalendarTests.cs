using System.Text.RegularExpressions;
using DevEx.Collectors.Calendar;
using DevEx.SampleOrg;
using NodaTime;

namespace DevEx.SampleOrg.Tests;

/// <summary>calendars/&lt;email&gt;.ics of the sample: one per catalogued person, all readable, with the calendar cases.</summary>
public sealed partial class SampleCalendarTests(SampleOrganisationFixture fixture) : IClassFixture<SampleOrganisationFixture>
{
    [GeneratedRegex("^    email: \"([^\"]+)\"$", RegexOptions.Multiline)]
    private static partial Regex UserEmail();

    [GeneratedRegex(@"^UID:(.+)$", RegexOptions.Multiline)]
    private static partial Regex UidLine();

    private IReadOnlyList<string> Emails => field ??= UserEmail().Matches(fixture.Data.Users).Select(m => m.Groups[1].Value).ToList();

    private IReadOnlyDictionary<string, string> Files => field ??= Emails.ToDictionary(
        e => e, e => File.ReadAllText(Path.Combine(fixture.Directory, "calendars", e + ".ics")));

    private IReadOnlyDictionary<string, CalendarExpansion> Expanded => field ??= Files.ToDictionary(f => f.Key, f =>
    {
        var until = SampleOrganisationFixture.Options.EffectiveUntil.AtMidnight().InUtc().ToInstant();
        var start = until - Duration.FromDays(7 * SampleOrganisationFixture.Options.Weeks);
        return CalendarExpander.Expand(f.Value, f.Key + ".ics", [f.Key], f.Key, start, until, null);
    });

    private IEnumerable<CalendarOccurrence> All => Expanded.Values.SelectMany(e => e.Occurrences);

    [Fact]
    public void Every_catalogued_person_and_nobody_else_has_a_calendar()
    {
        Assert.NotEmpty(Emails);
        var written = Directory.GetFiles(Path.Combine(fixture.Directory, "calendars"), "*.ics")
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);
        Assert.Equal(Emails.Order(StringComparer.Ordinal), written);
        Assert.Equal(Emails.Count, fixture.Summary.Calendars);
        Assert.True(fixture.Summary.CalendarEvents > 0);
        Assert.All(Files.Values, text =>
        {
            Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", text, StringComparison.Ordinal);
            Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);
            Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        });
    }

    [Fact]
    public void Every_file_expands_without_rejects_and_has_occurrences_in_the_window()
    {
        foreach (var (email, expansion) in Expanded)
        {
            Assert.Empty(expansion.Rejects);
            Assert.NotEmpty(expansion.Occurrences);
            Assert.All(expansion.Occurrences, o => Assert.Equal(email, o.PersonId));
        }
    }

    [Fact]
    public void The_calendar_cases_occur()
    {
        Assert.Contains(All, o => o.Response == "declined" && !o.IsCancelled);
        Assert.Contains(All, o => o.Response == "tentative" && !o.IsCancelled);
        Assert.Contains(All, o => o.IsCancelled && o.IsRecurring);
        Assert.Contains(All, o => o.IsAllDay && o.IsTransparent);
        Assert.Contains(All, o => o.AttendeeCount == 1 && !o.IsAllDay && o.IsRecurring);
        Assert.Contains(All, o => o.AttendeeCount >= 2 && !o.IsRecurring && !o.IsAllDay);
        Assert.All(Files.Values, text => Assert.Contains("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", text, StringComparison.Ordinal));
        Assert.Contains(Files.Values, text => text.Contains("DTSTART;TZID=Europe/Berlin:", StringComparison.Ordinal));
        Assert.Contains(Files.Values, text => text.Contains("EXDATE;TZID=", StringComparison.Ordinal));
    }

    [Fact]
    public void A_moved_stand_up_leaves_its_slot_and_an_excluded_one_is_gone()
    {
        var text = Files.Values.First();
        var block = text.Split("BEGIN:VEVENT").First(b => b.Contains("UID:standup-", StringComparison.Ordinal)
            && b.Contains("RECURRENCE-ID", StringComparison.Ordinal) && !b.Contains("STATUS:CANCELLED", StringComparison.Ordinal));
        var recurrenceId = block.Split("\r\n").First(l => l.StartsWith("RECURRENCE-ID", StringComparison.Ordinal));
        var dtstart = block.Split("\r\n").First(l => l.StartsWith("DTSTART", StringComparison.Ordinal));
        Assert.NotEqual(recurrenceId[(recurrenceId.IndexOf(':') + 1)..], dtstart[(dtstart.IndexOf(':') + 1)..]);

        // Per person, stand-ups (15 min, team-sized) number fewer than the weekdays of the window: one EXDATE, nothing else lost.
        var weekdays = 5 * SampleOrganisationFixture.Options.Weeks;
        var email = Files.First().Key;
        var standups = Expanded[email].Occurrences.Where(o => o.IsRecurring && o.EndAt - o.StartAt == Duration.FromMinutes(15)).ToList();
        Assert.InRange(standups.Count, weekdays - 2, weekdays - 1);
        Assert.Single(standups, o => o.IsCancelled);
    }

    [Fact]
    public void A_shared_meeting_has_the_same_uid_in_every_attendees_file_with_their_own_answer()
    {
        var uids = Files.ToDictionary(f => f.Key, f => UidLine().Matches(f.Value).Select(m => m.Groups[1].Value.TrimEnd('\r')).ToHashSet());
        var shared = uids.SelectMany(u => u.Value.Select(uid => (uid, u.Key))).GroupBy(x => x.uid).Where(g => g.Count() >= 2).ToList();
        Assert.Contains(shared, g => g.Key.StartsWith("meeting-", StringComparison.Ordinal));
        Assert.Contains(shared, g => g.Key.StartsWith("standup-", StringComparison.Ordinal));
        var meeting = shared.First(g => g.Key.StartsWith("meeting-", StringComparison.Ordinal));
        var ids = meeting.Select(x => Expanded[x.Key].Occurrences.Count(o => o.Id == CalendarExpanderId(x.Key, meeting.Key))).ToList();
        Assert.All(ids, n => Assert.Equal(1, n));
    }

    [Fact]
    public void Calendars_are_byte_identical_for_the_same_options()
    {
        var other = Path.Combine(Path.GetTempPath(), "devex-sample-cal-" + Guid.NewGuid().ToString("N"));
        try
        {
            new SampleOrganisationGenerator().Write(other, SampleOrganisationFixture.Options);
            foreach (var (email, text) in Files)
            {
                Assert.Equal(text, File.ReadAllText(Path.Combine(other, "calendars", email + ".ics")));
            }
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void A_stand_up_keeps_its_local_time_across_a_dst_change()
    {
        // Two weeks around the EU change of 25 October 2026; team 0 sits in Europe/Berlin.
        var options = new SampleOrganisationOptions(Seed: 42, Teams: 1, Weeks: 2, EngineersPerTeam: 3, Until: new LocalDate(2026, 11, 2));
        var other = Path.Combine(Path.GetTempPath(), "devex-sample-dst-" + Guid.NewGuid().ToString("N"));
        try
        {
            new SampleOrganisationGenerator().Write(other, options);
            var file = Directory.GetFiles(Path.Combine(other, "calendars"), "*.ics").Order(StringComparer.Ordinal).First();
            var text = File.ReadAllText(file);
            Assert.Contains("DTSTART;TZID=Europe/Berlin:", text, StringComparison.Ordinal);
            var email = Path.GetFileNameWithoutExtension(file);
            var until = options.EffectiveUntil.AtMidnight().InUtc().ToInstant();
            var expansion = CalendarExpander.Expand(text, email + ".ics", [email], email, until - Duration.FromDays(14), until, null);
            Assert.Empty(expansion.Rejects);
            var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
            var standups = expansion.Occurrences
                .Where(o => o.IsRecurring && !o.IsCancelled && o.EndAt - o.StartAt == Duration.FromMinutes(15)).ToList();
            var offsets = standups.Select(o => berlin.GetUtcOffset(o.StartAt)).Distinct().ToList();
            Assert.Equal(2, offsets.Count);
            Assert.Equal(new LocalTime(9, 30), standups.Select(o => o.StartAt.InZone(berlin).TimeOfDay)
                .GroupBy(t => t).OrderByDescending(g => g.Count()).First().Key);
            Assert.All(standups.Where(o => o.StartAt.InZone(berlin).TimeOfDay != new LocalTime(9, 30)),
                o => Assert.Equal(new LocalTime(11, 0), o.StartAt.InZone(berlin).TimeOfDay));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    private static string CalendarExpanderId(string person, string uid)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{person}\n{uid}\n"));
        return Convert.ToHexStringLower(bytes);
    }
}
