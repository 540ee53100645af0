using NodaTime;

namespace DevEx.Analytics.Time;

/// <summary>
/// A team's time zone from its tzdb id. The catalog import refuses ids tzdb does not know, but a team row may predate
/// that check or come from another source: an unknown (or missing) id reads as UTC, the default zone of a team.
/// </summary>
public static class TeamZone
{
    public static DateTimeZone Resolve(string? id) =>
        (string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)) ?? DateTimeZone.Utc;
}
