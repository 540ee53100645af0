using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// ISO-8601 to the second with <c>Z</c> for UTC and <c>+hh:mm</c> otherwise, formatted by hand because it runs a
/// few million times for a large sample and needs no culture at all.
/// </summary>
internal static class SampleTimestamps
{
    public static ReadOnlySpan<char> Format(OffsetDateTime value, Span<char> text)
    {
        var local = value.LocalDateTime;
        Digits(text, 0, local.Year, 4);
        text[4] = '-';
        Digits(text, 5, local.Month, 2);
        text[7] = '-';
        Digits(text, 8, local.Day, 2);
        text[10] = 'T';
        Digits(text, 11, local.Hour, 2);
        text[13] = ':';
        Digits(text, 14, local.Minute, 2);
        text[16] = ':';
        Digits(text, 17, local.Second, 2);
        var seconds = value.Offset.Seconds;
        if (seconds == 0)
        {
            text[19] = 'Z';
            return text[..20];
        }
        text[19] = seconds < 0 ? '-' : '+';
        var minutes = Math.Abs(seconds) / 60;
        Digits(text, 20, minutes / 60, 2);
        text[22] = ':';
        Digits(text, 23, minutes % 60, 2);
        return text[..25];
    }

    public static string Format(OffsetDateTime value)
    {
        Span<char> text = stackalloc char[25];
        return new string(Format(value, text));
    }

    private static void Digits(Span<char> text, int at, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            text[at + i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
