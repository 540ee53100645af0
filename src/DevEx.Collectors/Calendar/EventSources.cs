using NodaTime.Text;

namespace DevEx.Collectors.Calendar;

/// <summary>
/// Where one VEVENT is in its file, as written: the line of its BEGIN:VEVENT, its UID (null when it has none) and its
/// DTSTART's line and value. Ical.Net keeps none of this (it numbers no lines, invents a random UID for an event without
/// one and drops a DTSTART value it cannot read), yet rejects and occurrence ids must be the same on every import.
/// </summary>
internal sealed record EventSource(int Line, string? Uid, int? DtStartLine, string? DtStartValue)
{
    /// <summary>The event's identity in a file: its UID, or its line when it has none.</summary>
    public string Key => Uid ?? $"line {Line}";

    /// <summary>Why its DTSTART cannot be read (present but not a date or date-time), or null.</summary>
    public string? InvalidDtStart => DtStartValue is { } value && !EventSources.IsDateOrDateTime(value)
        ? $"DTSTART \"{(value.Length <= 40 ? value : value[..40] + "...")}\" is not a valid date"
        : null;
}

/// <summary>Finds the VEVENTs of an iCalendar text by its physical lines (1-based, folded lines counted where they start).</summary>
internal static class EventSources
{
    private static readonly LocalDatePattern Date = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
    private static readonly LocalDateTimePattern DateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");

    /// <summary>The file's VEVENTs in order; components nested in one (VALARM) are skipped.</summary>
    public static IReadOnlyList<EventSource> Scan(string text)
    {
        var sources = new List<EventSource>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        (int Line, string? Uid, int? DtStartLine, string? DtStart)? current = null;
        var nested = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var logical = lines[i];
            var number = i + 1;
            while (i + 1 < lines.Length && lines[i + 1].Length > 0 && lines[i + 1][0] is ' ' or '\t')
            {
                logical += lines[++i][1..];
            }
            var (name, value) = Split(logical.TrimEnd('\r'));
            if (current is null)
            {
                if (name == "BEGIN" && value.Equals("VEVENT", StringComparison.OrdinalIgnoreCase))
                {
                    current = (number, null, null, null);
                    nested = 0;
                }
                continue;
            }
            if (name is "BEGIN")
            {
                nested++;
            }
            else if (name is "END" && nested > 0)
            {
                nested--;
            }
            else if (name is "END")
            {
                var (line, uid, dtStartLine, dtStart) = current.Value;
                sources.Add(new EventSource(line, uid, dtStartLine, dtStart));
                current = null;
            }
            else if (nested == 0 && name == "UID" && value.Trim().Length > 0)
            {
                current = current.Value with { Uid = value.Trim() };
            }
            else if (nested == 0 && name == "DTSTART")
            {
                current = current.Value with { DtStartLine = number, DtStart = value.Trim() };
            }
        }
        return sources;
    }

    /// <summary>A DATE (20240102) or DATE-TIME (20240102T100000, with or without Z) of RFC 5545 §3.3.4-5 that names a real day and time.</summary>
    public static bool IsDateOrDateTime(string value)
    {
        var text = value.EndsWith('Z') ? value[..^1] : value;
        return text.Length == 8 ? Date.Parse(text).Success : DateTime.Parse(text).Success;
    }

    /// <summary>A content line's upper-case name and its value (after the first colon outside a quoted parameter).</summary>
    private static (string Name, string Value) Split(string line)
    {
        var quoted = false;
        var nameEnd = -1;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == ';' || c == ':') && nameEnd < 0)
            {
                nameEnd = i;
            }
            if (!quoted && c == ':')
            {
                return (line[..(nameEnd < 0 ? i : nameEnd)].Trim().ToUpperInvariant(), line[(i + 1)..]);
            }
        }
        return (line.Trim().ToUpperInvariant(), string.Empty);
    }
}
