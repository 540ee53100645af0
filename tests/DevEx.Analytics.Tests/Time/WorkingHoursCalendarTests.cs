using DevEx.Analytics.Time;
using DevEx.Store.Time;
using NodaTime;

namespace DevEx.Analytics.Tests.Time;

public sealed class WorkingHoursCalendarTests
{
    private static Instant Utc(int month, int day, int hour, int minute = 0) => Instant.FromUtc(2026, month, day, hour, minute);

    [Fact]
    public void Counts_only_weekday_working_hours_in_utc()
    {
        var calendar = WorkingHoursCalendar.Utc;
        // Fri 2026-02-06 15:00 -> Mon 2026-02-09 11:00: Fri 15-17 (2 h) + Mon 09-11 (2 h).
        Assert.Equal(4.0, calendar.WorkingHours(Utc(2, 6, 15), Utc(2, 9, 11)));
        Assert.Equal(0.0, calendar.WorkingHours(Utc(2, 7, 10), Utc(2, 8, 20))); // the weekend
        Assert.Equal(0.0, calendar.WorkingHours(Utc(2, 9, 11), Utc(2, 9, 10))); // reversed
    }

    [Fact]
    public void Follows_the_wall_clock_across_a_dst_change()
    {
        // New York springs forward on Sunday 2026-03-08. Fri 12:00 EST (17:00Z) -> Mon 12:00 EDT (16:00Z):
        // 71 wall-clock hours, and working hours Fri 12-17 (5 h) + Mon 09-12 (3 h) = 8 h.
        var calendar = new WorkingHoursCalendar(DateTimeZoneProviders.Tzdb["America/New_York"], WorkingWeek.Default);
        var start = Utc(3, 6, 17);
        var end = Utc(3, 9, 16);
        Assert.Equal(71.0, (end - start).TotalHours);
        Assert.Equal(8.0, calendar.WorkingHours(start, end));
        // Monday 09:00 EDT is 13:00Z, not 14:00Z as it was a week earlier.
        Assert.Equal(Utc(3, 9, 13), calendar.WorkingSpan(new LocalDate(2026, 3, 9))!.Value.Start);
    }

    [Fact]
    public void A_working_span_through_the_skipped_hour_is_an_hour_shorter()
    {
        // Sunday 00:00-06:00 on the spring-forward day: 02:00-03:00 does not exist, so 5 h.
        var calendar = new WorkingHoursCalendar(DateTimeZoneProviders.Tzdb["America/New_York"], WorkingWeek.Parse("Sun 00:00-06:00"));
        Assert.Equal(5.0, calendar.WorkingHours(Utc(3, 7, 0), Utc(3, 10, 0)));
    }

    [Fact]
    public void Holidays_are_not_working_time()
    {
        var calendar = new WorkingHoursCalendar(DateTimeZone.Utc, WorkingWeek.Default, new HashSet<LocalDate> { new(2026, 2, 9) });
        Assert.Equal(2.0, calendar.WorkingHours(Utc(2, 6, 15), Utc(2, 9, 11))); // Monday is a holiday
    }

    [Fact]
    public void Team_zone_far_from_utc_shifts_the_working_day()
    {
        // Kolkata is UTC+05:30: 10:00-18:00 local is 04:30-12:30Z.
        var calendar = new WorkingHoursCalendar(DateTimeZoneProviders.Tzdb["Asia/Kolkata"], WorkingWeek.Parse("Mon-Fri 10:00-18:00"));
        Assert.Equal(1.5, calendar.WorkingHours(Utc(2, 2, 0), Utc(2, 2, 6)));
    }

    [Theory]
    [InlineData("Mon-Fri 09:00-17:00", true)]
    [InlineData("Mon-Thu 08:00-16:00, Fri 08:00-12:00", true)]
    [InlineData("Sun 00:00-24:00", true)]
    [InlineData("Mon-Fri 17:00-09:00", false)]
    [InlineData("Fri-Mon 09:00-17:00", false)]
    [InlineData("weekdays 9-5", false)]
    [InlineData("", false)]
    public void Parses_working_week_annotations(string text, bool valid)
    {
        Assert.Equal(valid, WorkingWeek.TryParse(text, out _, out var error));
        Assert.Equal(valid, error.Length == 0);
    }
}
