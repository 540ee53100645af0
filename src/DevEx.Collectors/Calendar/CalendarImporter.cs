using Dapper;
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
/// Events that cannot be understood are rejected one by one (import_rejects) and the rest is kept.
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
    public ImportFileSummary Import(string email, string icsText, string fileName, ImportTiming? timing = null)
    {
        timing ??= ImportTiming.AsWritten;
        var now = clock.GetCurrentInstant();
        var windowStart = now - Duration.FromDays(7 * options.WeeksBack);
        var windowEnd = now + Duration.FromDays(7 * options.WeeksAhead);
        var (personId, identities, zone) = Person(email);
        var expansion = CalendarExpander.Expand(icsText, fileName, identities, personId,
            windowStart - timing.Shift, windowEnd - timing.Shift, zone);
        var occurrences = expansion.Occurrences
            .Select(o => o with { StartAt = o.StartAt + timing.Shift, EndAt = o.EndAt + timing.Shift })
            .Where(o => !timing.IsFuture(o.StartAt))
            .ToList();
        var rejects = expansion.Rejects.Select(r => new ImportRejectRow(fileName, 0, $"{r.Where}: {r.Reason}", r.Where, now)).ToList();
        database.WriteLock.Wait();
        try
        {
            using var connection = database.Open();
            using var transaction = connection.BeginTransaction();
            connection.Execute("DELETE FROM calendar_occurrences WHERE person_id = $personId AND start_at >= $from AND start_at < $to",
                new { personId, from = windowStart, to = windowEnd }, transaction);
            TableWriter.Upsert(connection, Occurrences, occurrences);
            TableWriter.Upsert(connection, Tables.ImportRejects, rejects);
            transaction.Commit();
        }
        finally
        {
            database.WriteLock.Release();
        }
        var shown = rejects.Take(ImportFileSummary.RejectsShown).Select(r => new ImportReject(fileName, 0, r.Reason)).ToList();
        return new ImportFileSummary(fileName, occurrences.Count, rejects.Count, shown);
    }

    /// <summary>The person behind an email, every address they answer invitations with, and their zone.</summary>
    private (string PersonId, IReadOnlyCollection<string> Identities, DateTimeZone? Zone) Person(string email)
    {
        var identity = email.Trim().ToLowerInvariant();
        using var connection = database.Open();
        var personId = connection.ExecuteScalar<string?>("SELECT person_id FROM identities WHERE identity = $identity", new { identity })
            ?? "unmapped:" + identity;
        var identities = connection.Query<string>("SELECT identity FROM identities WHERE person_id = $personId AND identity LIKE '%@%'", new { personId })
            .Append(identity).Distinct(StringComparer.Ordinal).ToList();
        var zoneName = options.FallbackTimeZone
            ?? connection.ExecuteScalar<string?>("""
                SELECT coalesce(p.timezone, (SELECT t.timezone FROM team_memberships m JOIN teams t ON t.id = m.team_id
                                             WHERE m.person_id = p.id ORDER BY t.id LIMIT 1))
                FROM people p WHERE p.id = $personId
                """, new { personId });
        return (personId, identities, zoneName is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneName));
    }
}
