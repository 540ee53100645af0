using DevEx.Collectors.Import;
using DevEx.Store;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Collectors.Calendar;

/// <summary>
/// Imports one person's iCalendar text: expands it over the rolling window, then replaces that person's stored
/// occurrences in the window with the new ones (a feed or file is the whole truth for its window). The person is the
/// one whose identities include the email the calendar belongs to; an unknown email is kept as its own identity.
/// Events that cannot be understood are rejected one by one (import_rejects) and the rest is kept; the rejects of a file
/// replace its earlier ones, keyed by file, line and a hash of where and why, so importing the same file again changes nothing.
/// </summary>
public sealed class CalendarImporter(DuckDbDatabase database, IClock clock, CalendarOptions options)
{
    private static readonly TableSpec<CalendarOccurrence> Occurrences = new("calendar_occurrences", ["id"],
    [
        new("id", o => o.Id), new("person_id", o => o.PersonId), new("start_at", o => o.StartAt), new("end_at", o => o.EndAt),
        new("attendee_count", o => o.AttendeeCount), new("response", o => o.Response), new("is_recurring", o => o.IsRecurring),
        new("is_organizer", o => o.IsOrganizer), new("is_all_day", o => o.IsAllDay), new("is_transparent", o => o.IsTransparent),
        new("is_cancelled", o => o.IsCancelled),
    ]);

    /// <summary>Imports <paramref name="icsText"/> as <paramref name="email"/>'s calendar.</summary>
    /// <param name="timing">Only for seeding the bundled sample: the window is read in sample time, then shifted.</param>
    public ImportFileSummary Import(string email, string icsText, string fileName, ImportTiming? timing = null) =>
        Store([Expand(LoadPeople(), email, icsText, fileName, timing)])[0];

    /// <summary>The people calendars are matched to, as the database holds them now.</summary>
    public CalendarPeople LoadPeople() => CalendarPeople.Load(database, options.FallbackTimeZone);

    /// <summary>
    /// Reads and expands one calendar without writing anything: safe to run for many files at once, each on its own
    /// core; <see cref="Store"/> then writes a batch of them in one transaction.
    /// </summary>
    public ExpandedCalendar Expand(CalendarPeople people, string email, string icsText, string fileName, ImportTiming? timing = null)
    {
        timing ??= ImportTiming.AsWritten;
        var now = clock.GetCurrentInstant();
        var windowStart = now - Duration.FromDays(7 * options.WeeksBack);
        var windowEnd = now + Duration.FromDays(7 * options.WeeksAhead);
        var (personId, identities, zone) = people.Find(email);
        var expansion = CalendarExpander.Expand(icsText, fileName, identities, personId,
            windowStart - timing.Shift, windowEnd - timing.Shift, zone);
        var occurrences = expansion.Occurrences
            .Select(o => o with { StartAt = o.StartAt + timing.Shift, EndAt = o.EndAt + timing.Shift })
            .Where(o => !timing.IsFuture(o.StartAt))
            .ToList();
        var rejects = expansion.Rejects.Select(r => new ImportRejectRow(fileName, r.Line, $"{r.Where}: {r.Reason}", $"{r.Where}: {r.Reason}", now)).ToList();
        return new ExpandedCalendar(fileName, personId, windowStart, windowEnd, occurrences, rejects) {
            Outside = expansion.Outside with { EarliestStart = expansion.Outside.EarliestStart + timing.Shift },
        };
    }

    /// <summary>
    /// Replaces each calendar's person's occurrences in its window with the expanded ones, all in one transaction; as
    /// when stored one after another, the last of two calendars of one person replaces the first.
    /// </summary>
    public IReadOnlyList<ImportFileSummary> Store(IReadOnlyList<ExpandedCalendar> calendars)
    {
        var lastPerPerson = calendars.GroupBy(c => c.PersonId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        database.Write((connection, _) =>
        {
            foreach (var calendar in calendars)
            {
                WholeTruthDeletes.CalendarWindow(connection, calendar.PersonId, calendar.WindowStart, calendar.WindowEnd);
                // The file (or feed) is the whole truth: a reject it no longer has is gone.
                WholeTruthDeletes.RejectsOf(connection, calendar.FileName);
            }
            TableWriter.Upsert(connection, Occurrences, lastPerPerson.SelectMany(c => c.Occurrences).ToList());
            TableWriter.Upsert(connection, Tables.ImportRejects, calendars.SelectMany(c => c.Rejects).ToList());
        });
        return calendars.Select(c => new ImportFileSummary(c.FileName, c.Occurrences.Count, c.Rejects.Count,
            c.Rejects.Take(ImportFileSummary.RejectsShown).Select(r => new ImportReject(c.FileName, r.Line, r.Reason)).ToList())).ToList();
    }
}

/// <summary>One calendar file expanded over its person's window, ready to be stored; <see cref="Outside"/>: its events the window missed.</summary>
public sealed record ExpandedCalendar(string FileName, string PersonId, Instant WindowStart, Instant WindowEnd,
    IReadOnlyList<CalendarOccurrence> Occurrences, IReadOnlyList<ImportRejectRow> Rejects)
{
    public EventsOutsideWindow Outside { get; init; } = EventsOutsideWindow.None;
}
