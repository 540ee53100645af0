using System.Security.Cryptography;
using System.Text;
using NodaTime;
using Ical.Net.CalendarComponents;
using IcalCalendar = Ical.Net.Calendar;

namespace DevEx.Collectors.Calendar;

/// <summary>
/// Expands one person's iCalendar file into occurrences overlapping a half-open window [windowStart, windowEnd).
/// Ical.Net parses and runs RRULE/RDATE; NodaTime does every zone conversion; overrides (RECURRENCE-ID, RANGE=THISANDFUTURE),
/// EXDATE matching and durations are done here so that they compare instants, not local wall-clock strings.
/// Never throws on bad input: a broken event becomes a <see cref="CalendarReject"/>, the rest is kept.
/// </summary>
public static class CalendarExpander
{
    // An unbounded daily rule would otherwise run forever; a THISANDFUTURE shift can pull an instance in from
    // outside the window, so we look a year past either edge.
    private static readonly Duration Margin = Duration.FromDays(366);

    public static CalendarExpansion Expand(
        string icsText,
        string fileName,
        IReadOnlyCollection<string> personIdentities,
        string personId,
        Instant windowStart,
        Instant windowEnd,
        DateTimeZone? fallbackZone)
    {
        var occurrences = new List<CalendarOccurrence>();
        var rejects = new List<CalendarReject>();
        var identities = new HashSet<string>(personIdentities.Select(NormaliseAddress), StringComparer.OrdinalIgnoreCase);
        var text = (icsText ?? string.Empty).TrimStart('\uFEFF');

        var sources = EventSources.Scan(text);
        var (before, after) = (0, 0);
        Instant? earliest = null;
        foreach (var (calendar, eventSources) in LoadCalendars(text, fileName, sources, rejects))
        {
            var zones = new CalendarZones(CalendarZones.Resolve(CalendarProperty(calendar, "X-WR-TIMEZONE")) ?? fallbackZone ?? DateTimeZone.Utc);
            var events = calendar.Events.ToList();
            // The i-th event Ical.Net read is the i-th VEVENT of the text, when both found as many.
            var sourceOf = new Dictionary<CalendarEvent, EventSource>(ReferenceEqualityComparer.Instance);
            if (eventSources is not null && eventSources.Count == events.Count)
            {
                for (var i = 0; i < events.Count; i++)
                {
                    sourceOf[events[i]] = eventSources[i];
                }
            }
            string KeyOf(CalendarEvent e) => sourceOf.TryGetValue(e, out var source) ? source.Key : SeriesExpander.UidOf(e);
            foreach (var series in events.GroupBy(KeyOf, StringComparer.Ordinal))
            {
                var seriesEvents = series.ToList();
                try
                {
                    var expander = new SeriesExpander(seriesEvents, zones, identities, personId, series.Key, windowStart, windowEnd);
                    var expanded = expander.Expand();
                    occurrences.AddRange(expanded);
                    if (expanded.Count == 0 && expander.EarliestBefore is { } first)
                    {
                        before++;
                        earliest = earliest is null || first < earliest ? first : earliest;
                    }
                    else if (expanded.Count == 0 && expander.AnyAfter)
                    {
                        after++;
                    }
                }
                catch (Exception ex)
                {
                    // A DTSTART Ical.Net could not read is dropped by it, and the event then looks as if it had none.
                    var badStart = seriesEvents.Where(e => e.DtStart is null).Select(e => sourceOf.GetValueOrDefault(e))
                        .FirstOrDefault(s => s?.InvalidDtStart is not null);
                    rejects.Add(badStart is not null
                        ? new CalendarReject(fileName, series.Key, badStart.InvalidDtStart!, badStart.DtStartLine ?? badStart.Line)
                        : new CalendarReject(fileName, series.Key, SafeReason(ex.Message), sourceOf.GetValueOrDefault(seriesEvents[0])?.Line ?? 0));
                }
            }
        }
        return new CalendarExpansion(occurrences.OrderBy(o => o.StartAt).ThenBy(o => o.Id, StringComparer.Ordinal).ToList(), rejects)
        {
            Outside = new EventsOutsideWindow(before, after, earliest),
        };
    }

    /// <summary>
    /// Loads the whole file; if Ical.Net refuses it, loads each VEVENT on its own (with the file's header and
    /// VTIMEZONEs) so one broken event does not lose the rest. Yields each calendar with where its events are in the text
    /// (null when that cannot be told).
    /// </summary>
    private static List<(IcalCalendar Calendar, IReadOnlyList<EventSource>? Sources)> LoadCalendars(string text, string fileName,
        IReadOnlyList<EventSource> sources, List<CalendarReject> rejects)
    {
        if (!text.Contains("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            rejects.Add(new CalendarReject(fileName, "line 1", "not an iCalendar file (no BEGIN:VCALENDAR)", 1));
            return [];
        }
        var whole = TryLoad(text, out var error) ?? TryLoad(UnfoldLeniently(text), out _);
        if (whole is not null)
        {
            return [(whole, sources)];
        }

        var lines = UnfoldLeniently(text).Split('\n');
        var header = new StringBuilder();
        var blocks = new List<(int Start, int End)>();
        var begin = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var upper = lines[i].Trim().ToUpperInvariant();
            if (upper == "BEGIN:VEVENT")
            {
                begin = i;
            }
            else if (upper == "END:VEVENT" && begin >= 0)
            {
                blocks.Add((begin, i));
                begin = -1;
            }
            else if (begin < 0 && upper != "END:VCALENDAR")
            {
                header.Append(lines[i]).Append("\r\n");
            }
        }
        if (blocks.Count == 0)
        {
            rejects.Add(new CalendarReject(fileName, "line 1", $"not a readable iCalendar file: {SafeReason(error)}", 1));
            return [];
        }
        var loaded = new List<(IcalCalendar, IReadOnlyList<EventSource>?)>();
        for (var k = 0; k < blocks.Count; k++)
        {
            var (start, end) = blocks[k];
            var source = blocks.Count == sources.Count ? sources[k] : null;
            var single = header + string.Join("\r\n", lines[start..(end + 1)]) + "\r\nEND:VCALENDAR\r\n";
            var calendar = TryLoad(single, out var blockError);
            if (calendar is null && source?.InvalidDtStart is { } badStart)
            {
                rejects.Add(new CalendarReject(fileName, source.Key, badStart, source.DtStartLine ?? source.Line));
            }
            else if (calendar is null)
            {
                rejects.Add(new CalendarReject(fileName, source?.Key ?? UidIn(lines[start..end]) ?? $"line {start + 1}", SafeReason(blockError),
                    source?.Line ?? start + 1));
            }
            else
            {
                loaded.Add((calendar, source is null ? null : [source]));
            }
        }
        return loaded;
    }

    /// <summary>
    /// Some writers indent continuation lines by more than the one space RFC 5545 §3.1 removes
    /// (khal's event_dt_partstat folds inside a parameter with two), which Ical.Net refuses; drop all of it.
    /// Lines keep their numbering only approximately after this, so it is a second attempt, not the first.
    /// </summary>
    private static string UnfoldLeniently(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var output = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && output.Length > 0)
            {
                output.Length--; // the newline before a continuation
                output.Append(line.TrimStart(' ', '\t'));
            }
            else
            {
                output.Append(line);
            }
            output.Append('\n');
        }
        return output.ToString();
    }

    private static IcalCalendar? TryLoad(string text, out string? error)
    {
        try
        {
            error = null;
            var calendar = IcalCalendar.Load(text);
            if (calendar is null)
            {
                error = "no VCALENDAR component";
            }
            return calendar;
        }
        catch (Exception ex)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>
    /// Ical.Net quotes the offending line, which may be a SUMMARY or an attendee's name: a reject names the property only,
    /// so rejects can be stored and logged as freely as occurrences.
    /// </summary>
    internal static string SafeReason(string? message)
    {
        const string quoted = "Could not parse line: '";
        if (string.IsNullOrWhiteSpace(message))
        {
            return "unreadable event";
        }
        var at = message.IndexOf(quoted, StringComparison.Ordinal);
        if (at < 0)
        {
            return message.Length <= 200 ? message : message[..200];
        }
        var line = message[(at + quoted.Length)..];
        var name = new string(line.TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(40).ToArray());
        var known = name.Length > 0 && line.Length > name.Length && line[name.Length] is ';' or ':';
        return known ? $"could not parse a {name.ToUpperInvariant()} line" : "could not parse a line that is not a property";
    }

    private static string? UidIn(IEnumerable<string> lines) =>
        lines.FirstOrDefault(l => l.StartsWith("UID:", StringComparison.OrdinalIgnoreCase))?[4..].Trim();

    private static string? CalendarProperty(IcalCalendar calendar, string name) =>
        calendar.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Value?.ToString();

    internal static string NormaliseAddress(string address)
    {
        var value = address.Trim();
        if (value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[7..];
        }
        return value.Trim().ToLowerInvariant();
    }

    internal static string OccurrenceId(string personId, string uid, string recurrenceId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{personId}\n{uid}\n{recurrenceId}"));
        return Convert.ToHexStringLower(bytes);
    }

    internal static bool InWindow(Instant start, Instant end, Instant windowStart, Instant windowEnd) =>
        start < windowEnd && (end > windowStart || (start == end && start >= windowStart));

    internal static Duration MarginAround => Margin;
}
