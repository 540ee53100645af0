using System.Globalization;
using System.Text;
using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// Writes iCalendar (RFC 5545) content lines: CRLF endings, lines folded at 75 octets, text values escaped,
/// date-times either as IANA-zoned local times (DTSTART;TZID=Europe/Berlin:...) without VTIMEZONE blocks, or UTC.
/// Written by hand rather than through Ical.Net's CalendarSerializer (tried, 5.2.4): that serializer sorts every
/// component's properties by name (CALSCALE before VERSION and PRODID, ATTENDEE before UID) and writes a rule's UNTIL
/// before its BYDAY, so the calendars would no longer read like the Google/Outlook exports they imitate, and the sample
/// tests that check those exports' shape (VERSION then PRODID first, FREQ=WEEKLY;BYDAY=...) would change their expectation.
/// </summary>
internal sealed class IcsWriter
{
    private readonly StringBuilder text = new();

    public override string ToString() => text.ToString();

    /// <summary>Appends content lines another writer has already folded.</summary>
    public IcsWriter Raw(IcsWriter other)
    {
        text.Append(other.text);
        return this;
    }

    public IcsWriter Line(string line)
    {
        var octets = 0;
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var size = char.IsHighSurrogate(line[i]) ? 4 : char.IsLowSurrogate(line[i]) ? 0 : Encoding.UTF8.GetByteCount(line.AsSpan(i, 1));
            // A continuation line starts with a space, which counts towards its 75 octets.
            if (octets + size > 75 && size > 0)
            {
                text.Append(line, start, i - start).Append("\r\n ");
                start = i;
                octets = 1;
            }
            octets += size;
        }
        text.Append(line, start, line.Length - start).Append("\r\n");
        return this;
    }

    public IcsWriter Text(string name, string value) => Line($"{name}:{Escape(value)}");

    /// <summary>A local date-time in an IANA zone, or UTC (written with Z) for the zone "UTC".</summary>
    public IcsWriter Zoned(string name, string zoneId, LocalDateTime local) =>
        zoneId == "UTC"
            ? Line($"{name}:{Format(local)}Z")
            : Line($"{name};TZID={zoneId}:{Format(local)}");

    public IcsWriter Utc(string name, Instant instant) => Line($"{name}:{Format(instant.InUtc().LocalDateTime)}Z");

    public IcsWriter Date(string name, LocalDate date) =>
        Line($"{name};VALUE=DATE:{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");

    public static string Format(LocalDateTime local) => local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    public static string UtcText(Instant instant) => Format(instant.InUtc().LocalDateTime) + "Z";

    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A CN parameter value: quoted, with the characters a quoted parameter cannot hold removed.</summary>
    public static string Quoted(string value) => "\"" + value.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"";
}
