using DevEx.SampleOrg;
using NodaTime;

namespace DevEx.SampleOrg.Tests;

public sealed class WorkingHoursTests
{
    private static readonly WorkingHours Berlin = new("Europe/Berlin", new LocalTime(9, 0), new LocalTime(17, 0));

    [Fact]
    public void Work_within_a_day_is_plain_addition()
    {
        // Tue 2026-06-02 10:00 CEST (08:00Z) + 3 h = 13:00 CEST.
        Assert.Equal(Instant.FromUtc(2026, 6, 2, 11, 0), Berlin.AddWorking(Instant.FromUtc(2026, 6, 2, 8, 0), Duration.FromHours(3)));
    }

    [Fact]
    public void Work_left_on_friday_continues_on_monday_across_the_dst_change()
    {
        // Fri 2026-03-27 16:30 CET (15:30Z) + 1 h: 30 min on Friday, 30 min from Mon 09:00 CEST (clocks moved on Sunday).
        Assert.Equal(Instant.FromUtc(2026, 3, 30, 7, 30), Berlin.AddWorking(Instant.FromUtc(2026, 3, 27, 15, 30), Duration.FromHours(1)));
    }

    [Fact]
    public void A_weekend_moment_moves_to_the_next_working_morning()
    {
        // Sat 2026-03-28 12:00 CET → Mon 2026-03-30 09:00 CEST = 07:00Z.
        Assert.Equal(Instant.FromUtc(2026, 3, 30, 7, 0), Berlin.NextWorkingMoment(Instant.FromUtc(2026, 3, 28, 11, 0)));
        // After hours on a weekday → next morning.
        Assert.Equal(Instant.FromUtc(2026, 6, 3, 7, 0), Berlin.NextWorkingMoment(Instant.FromUtc(2026, 6, 2, 18, 0)));
    }

    [Fact]
    public void Random_moments_fall_inside_working_hours()
    {
        var rng = new SamplePrng(5);
        var kolkata = new WorkingHours("Asia/Kolkata", new LocalTime(10, 0), new LocalTime(18, 0));
        for (var i = 0; i < 500; i++)
        {
            var local = kolkata.RandomMomentOn(new LocalDate(2026, 6, 3), rng).InZone(kolkata.Zone).LocalDateTime;
            Assert.Equal(new LocalDate(2026, 6, 3), local.Date);
            Assert.InRange(local.TimeOfDay, new LocalTime(10, 0), new LocalTime(17, 59, 59));
        }
        Assert.Equal("Mon-Fri 10:00-18:00", kolkata.Annotation);
    }

    [Fact]
    public void Timestamps_are_written_with_z_or_the_local_offset()
    {
        var at = Instant.FromUtc(2026, 3, 30, 7, 30);
        Assert.Equal("2026-03-30T07:30:00Z", SampleTimestamps.Format(at.WithOffset(Offset.Zero)));
        Assert.Equal("2026-03-30T09:30:00+02:00", SampleTimestamps.Format(at.WithOffset(Berlin.OffsetAt(at))));
        Assert.Equal("2026-03-30T13:00:00+05:30", SampleTimestamps.Format(at.WithOffset(Offset.FromHoursAndMinutes(5, 30))));
        Assert.Equal("2026-03-30T03:30:00-04:00", SampleTimestamps.Format(at.WithOffset(Offset.FromHours(-4))));
    }
}
