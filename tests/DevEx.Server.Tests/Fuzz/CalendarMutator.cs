using System.Text;

namespace DevEx.Server.Tests.Fuzz;

/// <summary>
/// Breaks an iCalendar file in a seeded, repeatable way: its bytes (a cut, a flipped bit, invalid UTF-8), its lines (one
/// dropped or repeated, a folded line's continuation orphaned) or one property value replaced by something no calendar
/// should hold (a date that does not exist, a 100 kB value, a rule that repeats every second for ever).
/// </summary>
internal static class CalendarMutator
{
    private static readonly string[] Values =
    [
        "", "20261340T996060Z", "00010101T000000Z", "99991231T235959Z", "TZID=Nowhere/Never:20260202T100000", new string('x', 100_000),
        "FREQ=SECONDLY", "FREQ=DAILY;COUNT=2147483647", "FREQ=WEEKLY;INTERVAL=0", "FREQ=YEARLY;BYMONTH=13", "mailto:", ";;;:::",
        "-P1D", "P99999W", "\u0001\u001f", "\\", "BEGIN:VEVENT",
    ];

    public static byte[] Mutate(string calendar, Random random)
    {
        var lines = calendar.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var at = random.Next(lines.Count);
        switch (random.Next(7))
        {
            case 0:
                var bytes = Encoding.UTF8.GetBytes(calendar);
                return bytes[..random.Next(1, bytes.Length)];
            case 1:
                var flipped = Encoding.UTF8.GetBytes(calendar);
                flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                return flipped;
            case 2:
                var text = Encoding.UTF8.GetBytes(calendar);
                var cut = random.Next(text.Length);
                return [.. text[..cut], 0xC3, 0x28, 0xFF, .. text[cut..]];
            case 3:
                lines.RemoveAt(at);
                break;
            case 4:
                lines.Insert(at, lines[at]);
                break;
            case 5:
                lines.Insert(at, " orphaned continuation");
                break;
            default:
                var colon = lines[at].IndexOf(':', StringComparison.Ordinal);
                var value = Values[random.Next(Values.Length)];
                lines[at] = colon < 0 ? "RRULE:" + value : lines[at][..(colon + 1)] + value;
                break;
        }
        return Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
    }
}
