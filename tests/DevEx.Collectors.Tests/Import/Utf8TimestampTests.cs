using System.Text;
using DevEx.Collectors.Import;
using NodaTime;

namespace DevEx.Collectors.Tests.Import;

/// <summary>The byte-level timestamp reader: what it takes must read as the pattern reads it; the rest it leaves to the pattern.</summary>
public sealed class Utf8TimestampTests
{
    [Theory]
    // 09:00 at +05:45 is 03:15 UTC; -03:30 adds 3.5 h; a fraction of 1 to 9 digits is nanoseconds, left-aligned.
    [InlineData("2026-02-02T09:00:00Z", 2026, 2, 2, 9, 0, 0, 0L)]
    [InlineData("2026-02-02T09:00:00+05:45", 2026, 2, 2, 3, 15, 0, 0L)]
    [InlineData("2026-02-02T09:00:00-03:30", 2026, 2, 2, 12, 30, 0, 0L)]
    [InlineData("2026-02-02T09:00:00.5Z", 2026, 2, 2, 9, 0, 0, 500_000_000L)]
    [InlineData("2026-02-02T09:00:00.123456789Z", 2026, 2, 2, 9, 0, 0, 123_456_789L)]
    [InlineData("2024-02-29T23:59:59+18:00", 2024, 2, 29, 5, 59, 59, 0L)]
    public void Takes_the_common_shape_and_reads_the_instant(string text, int year, int month, int day, int hour, int minute, int second, long nanoseconds)
    {
        Assert.True(Utf8Timestamp.TryParse(Encoding.UTF8.GetBytes(text), out var parsed));

        var expected = Instant.FromUtc(year, month, day, hour, minute, second).PlusNanoseconds(nanoseconds);
        Assert.Equal(expected, parsed.ToInstant());
        Assert.Equal(JsonRecord.ParseInstant(text, "at"), parsed.ToInstant());
    }

    [Theory]
    [InlineData("2026-02-02T09:00Z")]               // no seconds: the pattern rejects it, with its reason
    [InlineData("2026-02-02T09:00:00")]             // no offset
    [InlineData("2026-02-02 09:00:00Z")]            // space for T
    [InlineData("2026-02-02T09:00:00z")]            // lower-case z
    [InlineData("2026-02-02T09:00:00+05")]          // hours-only offset: the pattern's to judge
    [InlineData("2026-02-02T09:00:00+19:00")]       // beyond ±18 h
    [InlineData("2026-02-30T09:00:00Z")]            // no such day
    [InlineData("2026-02-02T24:00:00Z")]
    [InlineData("2026-02-02T09:00:00.Z")]           // a point without digits
    [InlineData("2026-02-02T09:00:00.1234567890Z")] // ten digits
    [InlineData("1970-01-01T00:00:00Z")]            // years at either end are range-checked by the pattern path
    [InlineData("9998-06-01T00:00:00Z")]
    public void Leaves_every_other_shape_to_the_pattern(string text) =>
        Assert.False(Utf8Timestamp.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
