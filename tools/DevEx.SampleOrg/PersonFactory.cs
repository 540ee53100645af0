using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>Makes people with unique emails and logins, in the shapes real organisations have.</summary>
internal sealed class PersonFactory(SamplePrng rng)
{
    private readonly HashSet<string> emails = new(StringComparer.Ordinal);
    private readonly HashSet<string> logins = new(StringComparer.Ordinal);

    /// <summary>
    /// One engineer. In the showcase team member 1 has renamed their GitHub login and sometimes commits from a
    /// personal address (both listed as aliases), and member 2 works remotely from India.
    /// </summary>
    public SamplePerson Engineer(WorkingHours teamHours, int weeks, Instant start, bool showcase, int member, string[] remoteZones)
    {
        var first = rng.Pick(SampleNames.FirstNames);
        var last = rng.Pick(SampleNames.LastNames);
        var email = Unique(emails, $"{first}.{last}".ToLowerInvariant(), ".") + "@" + SampleNames.EmailDomain;
        var login = Unique(logins, LoginFor(first, last), "");

        var hours = teamHours;
        var remote = showcase ? member == 2 : rng.Chance(0.1);
        if (remote)
        {
            var zone = showcase ? "Asia/Kolkata" : rng.Pick(remoteZones);
            hours = zone == teamHours.ZoneId
                ? teamHours
                : new WorkingHours(zone, zone == "Asia/Kolkata" ? new LocalTime(10, 0) : new LocalTime(9, 0),
                    zone == "Asia/Kolkata" ? new LocalTime(18, 0) : new LocalTime(17, 0));
        }

        // Member 0 of every team commits with their local offset, so every team zone shows up in commit times.
        var localOffset = member == 0 || (showcase && member == 2) || rng.Chance(0.3);
        var vacation = !(showcase && member <= 2) && rng.Chance(Math.Min(0.9, weeks / 52.0 * 0.9)) ? rng.Next(weeks) : -1;

        string? alias = null;
        string? oldLogin = null;
        Instant? renamedAt = null;
        if (showcase && member == 1)
        {
            alias = $"{first}.{last}@mail.example".ToLowerInvariant();
            oldLogin = Unique(logins, $"{first}{last}".ToLowerInvariant() + "-dev", "");
            renamedAt = start + Duration.FromDays(Math.Max(10, weeks * 7 / 3));
        }
        return new SamplePerson($"{first} {last}", login, email, hours, PersonRole.Engineer, hours != teamHours,
            localOffset, vacation, alias, oldLogin, renamedAt);
    }

    public static TeamOutsiders Outsiders(WorkingHours teamHours) => new(
        new SamplePerson("Dana Whitfield", "dana-nw", "dana@northwind-consulting.example", teamHours, PersonRole.Outsider),
        new SamplePerson("Jorge Martinez", "jmartinez-ext", "jorge@partner-agency.example", teamHours, PersonRole.Outsider),
        new SamplePerson("build agent", "build-agent", "root@build-agent-07.ci.internal", teamHours, PersonRole.BuildMachine));

    private string LoginFor(string first, string last) => (rng.Next(4) switch
    {
        0 => $"{first}{last[0]}",
        1 => $"{first[0]}{last}",
        2 => $"{first}-{last}",
        _ => $"{first}{last}{rng.Next(10, 99)}",
    }).ToLowerInvariant();

    private static string Unique(HashSet<string> taken, string candidate, string separator)
    {
        var value = candidate;
        for (var n = 2; !taken.Add(value); n++)
        {
            value = $"{candidate}{separator}{n}";
        }
        return value;
    }
}
