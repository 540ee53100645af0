using DevEx.Reports.Weekly;
using NodaTime;

namespace DevEx.Reports.Tests.Weekly;

/// <summary>ISO weeks and a team's week: Monday 00:00 to the next Monday 00:00 in the team's zone.</summary>
public sealed class IsoWeekTests
{
    [Theory]
    [InlineData("2026-W47", 2026, 11, 16)]
    [InlineData("2026-W53", 2026, 12, 28)] // 2026 starts on a Thursday: 53 weeks
    [InlineData("2027-W01", 2027, 1, 4)]
    [InlineData("2025-W01", 2024, 12, 30)] // week 1 of 2025 starts in 2024
    public void A_week_starts_on_its_monday(string text, int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), IsoWeek.Parse(text).Monday);

    [Theory]
    [InlineData("2026-W60")]
    [InlineData("2025-W53")] // 2025 has 52 weeks
    [InlineData("2026-W00")]
    [InlineData("2026-47")]
    [InlineData("last week")]
    [InlineData("0001-W01")] // its previous week and trend would be in year 0
    [InlineData("1969-W52")]
    [InlineData("9999-W01")]
    public void Weeks_that_do_not_exist_are_refused_naming_the_parameter(string text)
    {
        Assert.False(IsoWeek.TryParse(text, out _, out var error));
        Assert.Contains("'week'", error);
    }

    [Theory]
    [InlineData("1970-W01", 1969, 12, 29)] // 1970-01-01 is a Thursday: its week starts on Monday 1969-12-29
    [InlineData("9998-W53", 9998, 12, 28)] // 9998 starts on a Thursday: 53 weeks, the last from Monday 12-28 (its next Monday is in 9999)
    public void The_first_and_last_years_are_accepted(string text, int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), IsoWeek.Parse(text).Monday);

    [Fact]
    public void The_previous_week_of_the_first_week_is_the_last_of_the_year_before() =>
        Assert.Equal("2026-W53", IsoWeek.Parse("2027-W01").Previous.ToString());

    [Fact]
    public void An_auckland_week_starts_at_local_midnight_which_is_sunday_in_utc()
    {
        var window = IsoWeek.Parse("2026-W47").Window(DateTimeZoneProviders.Tzdb["Pacific/Auckland"]);
        // November is daylight saving time in New Zealand: +13:00.
        Assert.Equal(Instant.FromUtc(2026, 11, 15, 11, 0), window.Start);
        Assert.Equal(Instant.FromUtc(2026, 11, 22, 11, 0), window.End);
    }

    [Fact]
    public void The_last_full_week_is_judged_in_the_team_zone()
    {
        // Monday 2026-11-23 07:00 in Auckland is Sunday 18:00 UTC: Auckland's last full week is W47, UTC's is W46.
        var now = Instant.FromUtc(2026, 11, 22, 18, 0);
        Assert.Equal("2026-W47", IsoWeek.LastFull(now, DateTimeZoneProviders.Tzdb["Pacific/Auckland"]).ToString());
        Assert.Equal("2026-W46", IsoWeek.LastFull(now, DateTimeZone.Utc).ToString());
    }
}
