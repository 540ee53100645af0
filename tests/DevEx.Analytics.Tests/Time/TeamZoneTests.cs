using DevEx.Analytics.Time;
using NodaTime;

namespace DevEx.Analytics.Tests.Time;

/// <summary>TeamZone.Resolve: the one reading of a team's zone id, UTC for one tzdb does not know.</summary>
public sealed class TeamZoneTests
{
    [Theory]
    [InlineData("Pacific/Auckland", "Pacific/Auckland")]
    [InlineData("Mars/Olympus_Mons", "UTC")]
    [InlineData("", "UTC")]
    [InlineData(null, "UTC")]
    public void A_zone_tzdb_does_not_know_reads_as_utc(string? id, string expected) => Assert.Equal(expected, TeamZone.Resolve(id).Id);

    [Fact]
    public void A_team_calendar_counts_its_working_hours_in_its_zone()
    {
        // Auckland in February is +13:00: Monday 2026-02-02 09:00-17:00 there is Sunday 20:00 to Monday 04:00 UTC, so
        // [Sun 2026-02-01 20:00 UTC, Mon 00:00 UTC) holds 4 working hours. In UTC (an unknown zone) it holds none (a Sunday).
        var from = Instant.FromUtc(2026, 2, 1, 20, 0);
        var to = Instant.FromUtc(2026, 2, 2, 0, 0);
        var holidays = new HashSet<LocalDate>();
        Assert.Equal(4.0, WorkingHoursCalendar.ForTeam("Pacific/Auckland", "Mon-Fri 09:00-17:00", holidays).WorkingHours(from, to));
        Assert.Equal(0.0, WorkingHoursCalendar.ForTeam("Mars/Olympus_Mons", "Mon-Fri 09:00-17:00", holidays).WorkingHours(from, to));
    }
}
