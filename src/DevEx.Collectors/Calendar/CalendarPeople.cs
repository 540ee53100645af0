using DevEx.Store;
using DevEx.Store.Reading;
using NodaTime;

namespace DevEx.Collectors.Calendar;

/// <summary>
/// Who a calendar belongs to: identities, people and their zones read once, so a folder of a thousand calendars asks
/// the database three questions instead of three per file.
/// </summary>
public sealed class CalendarPeople
{
    private readonly Dictionary<string, string> personByIdentity;
    private readonly ILookup<string, string> emailsByPerson;
    private readonly Dictionary<string, string> zoneByPerson;
    private readonly string? fallbackZone;

    private CalendarPeople(Dictionary<string, string> personByIdentity, ILookup<string, string> emailsByPerson,
        Dictionary<string, string> zoneByPerson, string? fallbackZone) =>
        (this.personByIdentity, this.emailsByPerson, this.zoneByPerson, this.fallbackZone) = (personByIdentity, emailsByPerson, zoneByPerson, fallbackZone);

    /// <param name="fallbackZone">DevEx:Calendar:FallbackTimeZone: when set, the zone of every floating time.</param>
    public static CalendarPeople Load(DuckDbDatabase database, string? fallbackZone)
    {
        var identities = PeopleLookups.Identities(database);
        var zones = PeopleLookups.Zones(database);
        return new CalendarPeople(
            identities.GroupBy(i => i.Identity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().PersonId, StringComparer.Ordinal),
            identities.Where(i => i.Identity.Contains('@', StringComparison.Ordinal)).ToLookup(i => i.PersonId, i => i.Identity, StringComparer.Ordinal),
            zones.Where(z => z.Zone is not null).ToDictionary(z => z.PersonId, z => z.Zone!, StringComparer.Ordinal),
            fallbackZone);
    }

    /// <summary>The person behind an email (unknown: kept as its own identity), every address they answer invitations with, and their zone.</summary>
    public (string PersonId, IReadOnlyCollection<string> Identities, DateTimeZone? Zone) Find(string email)
    {
        var identity = email.Trim().ToLowerInvariant();
        var personId = personByIdentity.GetValueOrDefault(identity) ?? "unmapped:" + identity;
        var identities = emailsByPerson[personId].Append(identity).Distinct(StringComparer.Ordinal).ToList();
        var zoneName = fallbackZone ?? zoneByPerson.GetValueOrDefault(personId);
        return (personId, identities, zoneName is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneName));
    }
}
