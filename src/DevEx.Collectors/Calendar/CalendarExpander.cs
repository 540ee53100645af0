using System.Security.Cryptography;
using System.Text;
using NodaTime;
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

        foreach (var (calendar, line) in LoadCalendars(text, fileName, rejects))
        {
            var zones = new CalendarZones(CalendarZones.Resolve(CalendarProperty(calendar, "X-WR-TIMEZONE")) ?? fallbackZone ?? DateTimeZone.Utc);
            foreach (var series in calendar.Events.GroupBy(SeriesExpander.UidOf))
            {
                try
                {
                    var expanded = new SeriesExpander(series.ToList(), zones, identities, personId, windowStart, windowEnd).Expand();
                    occurrences.AddRange(expanded);
                }
                catch (Exception ex)
                {
                    var where = series.Key.StartsWith("line ", StringComparison.Ordinal) ? $"line {line + series.First().Line}" : series.Key;
                    rejects.Add(new CalendarReject(fileName, where, SafeReason(ex.Message)));
                }
            }
        }
        return new CalendarExpansion(occurrences.OrderBy(o => o.StartAt).ThenBy(o => o.Id, StringComparer.Ordinal).ToList(), rejects);
    }

    /// <summary>
    /// Loads the whole file; if Ical.Net refuses it, loads each VEVENT on its own (with the file's header and
    /// VTIMEZONEs) so one broken event does not lose the rest. Yields each calendar with its first line's offset.
    /// </summary>
    private static List<(IcalCalendar Calendar, int LineOffset)> LoadCalendars(string text, string fileName, List<CalendarReject> rejects)
    {
        if (!text.Contains("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            rejects.Add(new CalendarReject(fileName, "line 1", "not an iCalendar file (no BEGIN:VCALENDAR)"));
            return [];
        }
        var whole = TryLoad(text, out var error) ?? TryLoad(UnfoldLeniently(text), out _);
        if (whole is not null)
        {
            return [(whole, 0)];
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
            rejects.Add(new CalendarReject(fileName, "line 1", $"not a readable iCalendar file: {SafeReason(error)}"));
            return [];
        }
        var loaded = new List<(IcalCalendar, int)>();
        foreach (var (start, end) in blocks)
        {
            var single = header + string.Join("\r\n", lines[start..(end + 1)]) + "\r\nEND:VCALENDAR\r\n";
            var calendar = TryLoad(single, out var blockError);
            if (calendar is null)
            {
                rejects.Add(new CalendarReject(fileName, UidIn(lines[start..end]) ?? $"line {start + 1}", SafeReason(blockError)));
            }
            else
            {
                loaded.Add((calendar, start));
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
