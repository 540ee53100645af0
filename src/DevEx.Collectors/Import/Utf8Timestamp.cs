using NodaTime;

namespace DevEx.Collectors.Import;

/// <summary>
/// Reads the common shape of an import timestamp, <c>2026-02-02T09:00:00[.fffffffff](Z|+hh:mm)</c>, straight from the
/// line's UTF-8 bytes. Parsing through a string and NodaTime's pattern allocated eight objects per timestamp, about
/// 40 % of the import's allocation (docs/benchmarks.md). Anything else (another shape, an escape, a year near either
/// end of the stored range, an invalid date) answers false and takes the pattern path, which also words the reject.
/// </summary>
internal static class Utf8Timestamp
{
    public static bool TryParse(ReadOnlySpan<byte> text, out OffsetDateTime value)
    {
        value = default;
        // yyyy-MM-ddTHH:mm:ss is 19 bytes, then an optional fraction, then Z (1) or ±hh:mm (6).
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }
        // Years beyond these are range-checked on the pattern path (InStoredRange), with the offset taken into account.
        if (year is <= 1970 or >= 9998 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var at = 19;
        long nanoseconds = 0;
        if (text[at] == '.')
        {
            var digits = 0;
            at++;
            while (at < text.Length && text[at] is >= (byte)'0' and <= (byte)'9')
            {
                if (++digits > 9)
                {
                    return false;
                }
                nanoseconds = nanoseconds * 10 + (text[at] - '0');
                at++;
            }
            if (digits == 0)
            {
                return false;
            }
            for (var i = digits; i < 9; i++)
            {
                nanoseconds *= 10;
            }
        }
        if (!TryOffset(text[at..], out var offset))
        {
            return false;
        }
        value = new LocalDateTime(year, month, day, hour, minute, second).PlusNanoseconds(nanoseconds).WithOffset(offset);
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<byte> text, out Offset offset)
    {
        offset = Offset.Zero;
        if (text.Length == 1 && text[0] == 'Z')
        {
            return true;
        }
        if (text.Length != 6 || text[0] is not ((byte)'+' or (byte)'-') || text[3] != ':'
            || !Digits(text, 1, 2, out var hours) || !Digits(text, 4, 2, out var minutes) || minutes > 59 || hours > 18 || (hours == 18 && minutes > 0))
        {
            return false;
        }
        var seconds = (hours * 3600) + (minutes * 60);
        offset = Offset.FromSeconds(text[0] == '-' ? -seconds : seconds);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }
            value = (value * 10) + digit;
        }
        return true;
    }
}
