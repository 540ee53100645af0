using Ical.Net.DataTypes;
using NodaTime;
using NodaTime.TimeZones;

namespace DevEx.Collectors.Calendar;

/// <summary>
/// Turns iCalendar date-times into instants with NodaTime, whatever Ical.Net thinks of the zone:
/// IANA ids first, then Windows names (Outlook/Exchange), and floating times in the calendar's zone.
/// A VTIMEZONE block is never trusted over a name we know (tz_windows_format has a contradictory one).
/// </summary>
internal sealed class CalendarZones(DateTimeZone floatingZone)
{
    public DateTimeZone FloatingZone { get; } = floatingZone;

    public static DateTimeZone? Resolve(string? tzid)
    {
        if (string.IsNullOrWhiteSpace(tzid))
        {
            return null;
        }
        var id = tzid.Trim().Trim('"');
        if (id.Equals("UTC", StringComparison.OrdinalIgnoreCase) || id.Equals("Z", StringComparison.OrdinalIgnoreCase))
        {
            return DateTimeZone.Utc;
        }
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
        if (zone is not null)
        {
            return zone;
        }
        var windows = TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping;
        return windows.TryGetValue(id, out var iana) ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(iana) : null;
    }

    public DateTimeZone ZoneOf(CalDateTime value)
    {
        if (value.IsUtc)
        {
            return DateTimeZone.Utc;
        }
        if (value.IsFloating || string.IsNullOrEmpty(value.TzId))
        {
            return FloatingZone;
        }
        return Resolve(value.TzId) ?? throw new CalendarFormatException($"unknown time zone '{value.TzId}'");
    }

    public LocalDateTime Local(CalDateTime value) =>
        LocalDateTime.FromDateTime(value.HasTime ? value.Value : value.Date.ToDateTime(TimeOnly.MinValue));

    /// <summary>Skipped local times move forward, ambiguous ones take the earlier offset (RFC 5545 §3.3.5).</summary>
    public Instant ToInstant(CalDateTime value) => Local(value).InZoneLeniently(ZoneOf(value)).ToInstant();
}

internal sealed class CalendarFormatException(string message) : Exception(message);
