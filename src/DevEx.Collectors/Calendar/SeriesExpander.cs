using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using Duration = NodaTime.Duration;

namespace DevEx.Collectors.Calendar;

/// <summary>
/// Expands the VEVENTs sharing one UID: the master (RRULE/RDATE via Ical.Net, EXDATE matched by instant here)
/// and its RECURRENCE-ID overrides, exact ones first, then the latest RANGE=THISANDFUTURE at or before the instance.
/// Overrides matching no generated instance (or with no master at all) stand on their own. <paramref name="uid"/> is the
/// series' identity in its file (its UID, or "line N" without one), part of every occurrence id.
/// </summary>
internal sealed class SeriesExpander(
    IReadOnlyList<CalendarEvent> events,
    CalendarZones zones,
    IReadOnlySet<string> identities,
    string personId,
    string uid,
    Instant windowStart,
    Instant windowEnd)
{
    private const int MaxInstances = 100_000;

    /// <summary>After <see cref="Expand"/>: the earliest start of an instance that ended before the window, if any.</summary>
    public Instant? EarliestBefore { get; private set; }

    /// <summary>After <see cref="Expand"/>: whether an instance started at or after the window's end.</summary>
    public bool AnyAfter { get; private set; }

    public IReadOnlyList<CalendarOccurrence> Expand()
    {
        var masters = events.Where(e => e.RecurrenceIdentifier is null).ToList();
        if (masters.Count > 1)
        {
            throw new CalendarFormatException("more than one VEVENT without RECURRENCE-ID for this UID");
        }
        var overrides = events.Where(e => e.RecurrenceIdentifier is not null)
            .Select(e => (Event: e, RecurrenceId: zones.ToInstant(e.RecurrenceIdentifier!.StartTime), ThisAndFuture: IsThisAndFuture(e)))
            .ToList();
        var exact = new Dictionary<Instant, CalendarEvent>();
        foreach (var o in overrides)
        {
            exact[o.RecurrenceId] = o.Event;
        }
        var ranges = overrides.Where(o => o.ThisAndFuture).OrderBy(o => o.RecurrenceId).ToList();
        var used = new HashSet<Instant>();
        var result = new List<CalendarOccurrence>();

        if (masters.Count == 1)
        {
            var master = masters[0];
            if (master.DtStart is null)
            {
                throw new CalendarFormatException("VEVENT without DTSTART");
            }
            if (!master.DtStart.HasTime && master.DtEnd is { HasTime: true } end)
            {
                // An all-day start with a date-time end (issue_201): Ical.Net cannot add an exact length to a date,
                // so the end is read as the date it falls on.
                master.DtEnd = new CalDateTime(end.Date);
            }
            var recurring = master.RecurrenceRule is not null || master.RecurrenceDates.GetAllDates().Any() || master.RecurrenceDates.GetAllPeriods().Any();
            var excluded = master.ExceptionDates.GetAllDates().Select(zones.ToInstant).ToHashSet();
            var excludedDays = master.ExceptionDates.GetAllDates().Where(d => !d.HasTime).Select(d => d.Date).ToHashSet();
            var lastStart = windowEnd + CalendarExpander.MarginAround;
            var count = 0;
            foreach (var occurrence in master.GetOccurrences(null, null))
            {
                var start = occurrence.Period.StartTime;
                var recurrenceId = zones.ToInstant(start);
                if (recurrenceId >= lastStart)
                {
                    break;
                }
                if (++count > MaxInstances)
                {
                    // A FREQ=SECONDLY/MINUTELY rule is not a meeting series; refuse it rather than keep a truncated part.
                    throw new CalendarFormatException($"more than {MaxInstances} instances before the window ends");
                }
                if (excluded.Contains(recurrenceId) || (!start.HasTime && excludedDays.Contains(start.Date)))
                {
                    continue;
                }
                var key = recurring ? recurrenceId.ToString() : string.Empty;
                if (exact.TryGetValue(recurrenceId, out var moved))
                {
                    used.Add(recurrenceId);
                    Add(result, moved, zones.ToInstant(moved.DtStart ?? start), EndOf(moved, moved.DtStart ?? start), key, recurring: true);
                    continue;
                }
                var range = ranges.LastOrDefault(r => r.RecurrenceId <= recurrenceId);
                if (range.Event is not null)
                {
                    // THISANDFUTURE: shift every later instance like the override shifted its own, and take its length.
                    var shift = zones.ToInstant(range.Event.DtStart ?? range.Event.RecurrenceIdentifier!.StartTime) - range.RecurrenceId;
                    var overrideStart = range.Event.DtStart ?? range.Event.RecurrenceIdentifier!.StartTime;
                    var length = EndOf(range.Event, overrideStart) - zones.ToInstant(overrideStart);
                    var shifted = recurrenceId + shift;
                    Add(result, range.Event, shifted, shifted + length, key, recurring: true);
                    continue;
                }
                Add(result, master, recurrenceId, EndOf(master, start), key, recurring);
            }
        }

        foreach (var (orphan, recurrenceId, _) in overrides.Where(o => !used.Contains(o.RecurrenceId)))
        {
            var start = orphan.DtStart ?? orphan.RecurrenceIdentifier!.StartTime;
            Add(result, orphan, zones.ToInstant(start), EndOf(orphan, start), recurrenceId.ToString(), recurring: true);
        }
        return result;
    }

    private void Add(List<CalendarOccurrence> result, CalendarEvent source, Instant start, Instant end, string recurrenceKey, bool recurring)
    {
        if (end < start)
        {
            throw new CalendarFormatException("event ends before it starts");
        }
        if (!CalendarExpander.InWindow(start, end, windowStart, windowEnd))
        {
            if (start < windowStart)
            {
                EarliestBefore = EarliestBefore is null || start < EarliestBefore ? start : EarliestBefore;
            }
            else
            {
                AnyAfter = true;
            }
            return;
        }
        if (!factsByEvent.TryGetValue(source, out var facts))
        {
            facts = Facts(source);
            factsByEvent[source] = facts;
        }
        result.Add(new CalendarOccurrence(
            CalendarExpander.OccurrenceId(personId, uid, recurrenceKey),
            personId,
            start,
            end,
            facts.AttendeeCount,
            facts.Response,
            recurring,
            facts.IsOrganizer,
            facts.IsAllDay,
            facts.IsTransparent,
            facts.IsCancelled));
    }

    /// <summary>What every instance of one VEVENT shares: read once per event, not once per instance.</summary>
    private sealed record EventFacts(int AttendeeCount, string? Response, bool IsOrganizer, bool IsAllDay, bool IsTransparent, bool IsCancelled);

    private readonly Dictionary<CalendarEvent, EventFacts> factsByEvent = new(ReferenceEqualityComparer.Instance);

    private EventFacts Facts(CalendarEvent source)
    {
        var attendees = source.Attendees
            .Select(a => a.Value is null ? null : CalendarExpander.NormaliseAddress(a.Value.OriginalString))
            .Where(a => !string.IsNullOrEmpty(a))
            .ToList();
        var organizer = source.Organizer?.Value is null ? null : CalendarExpander.NormaliseAddress(source.Organizer.Value.OriginalString);
        var distinct = new HashSet<string>(attendees!, StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(organizer))
        {
            distinct.Add(organizer);
        }
        var me = source.Attendees.FirstOrDefault(a => a.Value is not null && identities.Contains(CalendarExpander.NormaliseAddress(a.Value.OriginalString)));
        var busyStatus = source.Properties.FirstOrDefault(p => string.Equals(p.Name, "X-MICROSOFT-CDO-BUSYSTATUS", StringComparison.OrdinalIgnoreCase))?.Value?.ToString();
        return new EventFacts(
            distinct.Count,
            me is null ? null : Response(me.ParticipationStatus),
            organizer is not null && identities.Contains(organizer),
            !(source.DtStart?.HasTime ?? true),
            string.Equals(source.Transparency, "TRANSPARENT", StringComparison.OrdinalIgnoreCase)
                || string.Equals(busyStatus, "FREE", StringComparison.OrdinalIgnoreCase),
            string.Equals(source.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// End of the instance starting at <paramref name="start"/>: DTEND keeps the master's exact length (days for all-day);
    /// DURATION adds its days in local time and its hours exactly; neither means one day (all-day) or zero (RFC 5545 §3.6.1).
    /// </summary>
    private Instant EndOf(CalendarEvent source, CalDateTime start)
    {
        var startInstant = zones.ToInstant(start);
        var dtStart = source.DtStart ?? start;
        if (!start.HasTime)
        {
            var zone = zones.ZoneOf(start);
            var days = source.DtEnd is not null
                ? source.DtEnd.Date.DayNumber - dtStart.Date.DayNumber
                : source.Duration is { } d ? (d.Weeks ?? 0) * 7 + (d.Days ?? 0) : 1;
            return LocalDate.FromDateOnly(start.Date).PlusDays(days).AtStartOfDayInZone(zone).ToInstant();
        }
        if (source.DtEnd is not null)
        {
            return startInstant + (zones.ToInstant(source.DtEnd) - zones.ToInstant(dtStart));
        }
        if (source.Duration is { } duration)
        {
            var sign = duration.Sign < 0 ? -1 : 1;
            var local = zones.Local(start).PlusDays(sign * ((duration.Weeks ?? 0) * 7 + (duration.Days ?? 0)));
            var exact = Duration.FromHours(duration.Hours ?? 0) + Duration.FromMinutes(duration.Minutes ?? 0) + Duration.FromSeconds(duration.Seconds ?? 0);
            return local.InZoneLeniently(zones.ZoneOf(start)).ToInstant() + sign * exact;
        }
        return startInstant;
    }

    /// <summary>
    /// The UID, when the text's events could not be lined up with Ical.Net's (see EventSources, which gives the usual key).
    /// Ical.Net invents a random UID when there is none, so such an event's key is not stable.
    /// </summary>
    internal static string UidOf(CalendarEvent e) =>
        e.Properties.Any(p => string.Equals(p.Name, "UID", StringComparison.OrdinalIgnoreCase)) ? e.Uid ?? string.Empty : $"line {e.Line}";

    private static string? Response(string? partstat) => partstat?.ToUpperInvariant() switch
    {
        null or "" or "NEEDS-ACTION" => "needs-action",
        "ACCEPTED" => "accepted",
        "TENTATIVE" => "tentative",
        "DECLINED" => "declined",
        "DELEGATED" => "delegated",
        _ => null,
    };

    private static bool IsThisAndFuture(CalendarEvent e) => e.RecurrenceIdentifier?.Range == RecurrenceRange.ThisAndFuture;
}
