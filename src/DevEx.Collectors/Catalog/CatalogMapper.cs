using DevEx.Store.Rows;
using DevEx.Store.Time;
using NodaTime;

namespace DevEx.Collectors.Catalog;

/// <summary>
/// Backstage entities → teams (Group), people and their identities (User), services and their repositories
/// (Component). Annotations of IMPORT-FORMAT.md are read here; a bad annotation rejects its entity with the reason.
/// </summary>
internal static class CatalogMapper
{
    public sealed class Rows
    {
        public List<TeamRow> Teams { get; } = [];
        public List<PersonRow> People { get; } = [];
        public List<IdentityRow> Identities { get; } = [];
        public List<TeamMembershipRow> Memberships { get; } = [];
        public List<ServiceRow> Services { get; } = [];
        public List<ServiceRepositoryRow> ServiceRepositories { get; } = [];
        public List<CatalogReader.ImportRejectInfo> Rejects { get; } = [];
    }

    public static void Map(CatalogEntity entity, Rows rows)
    {
        var reason = entity.Kind.ToLowerInvariant() switch
        {
            "group" => Group(entity, rows),
            "user" => User(entity, rows),
            "component" => Component(entity, rows),
            _ => null, // Systems, APIs, Resources...: not used by DevEx yet, and not an error.
        };
        if (reason is not null)
        {
            rows.Rejects.Add(new CatalogReader.ImportRejectInfo(entity.File, entity.Line, $"{entity.Kind} '{entity.Name}': {reason}", ""));
        }
    }

    private static string? Group(CatalogEntity entity, Rows rows)
    {
        var zone = entity.Annotation("devex.dev/timezone") ?? "UTC";
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            return $"annotation devex.dev/timezone '{zone}' is not an IANA time zone";
        }
        var hours = entity.Annotation("devex.dev/working-hours") ?? WorkingWeek.DefaultText;
        if (!WorkingWeek.TryParse(hours, out _, out var error))
        {
            return $"annotation devex.dev/working-hours: {error}";
        }
        var parent = entity.Spec("parent");
        rows.Teams.Add(new TeamRow(entity.Name, entity.Path("spec", "profile", "displayName"),
            parent is null ? null : CatalogEntity.ReferenceName(parent), zone, hours));
        rows.Memberships.AddRange(entity.SpecList("members").Select(m => new TeamMembershipRow(entity.Name, CatalogEntity.ReferenceName(m))));
        return null;
    }

    private static string? User(CatalogEntity entity, Rows rows)
    {
        var zone = entity.Annotation("devex.dev/timezone");
        if (zone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            return $"annotation devex.dev/timezone '{zone}' is not an IANA time zone";
        }
        var email = entity.Path("spec", "profile", "email");
        rows.People.Add(new PersonRow(entity.Name, entity.Path("spec", "profile", "displayName"), email, zone, true));
        // The entity name is the weakest claim: an email, login or alias written explicitly wins over it.
        rows.Identities.Add(new IdentityRow(entity.Name.ToLowerInvariant(), entity.Name, "name"));
        if (!string.IsNullOrWhiteSpace(email))
        {
            rows.Identities.Add(new IdentityRow(email.Trim().ToLowerInvariant(), entity.Name, "email"));
        }
        var login = entity.Annotation("github.com/user-login");
        if (!string.IsNullOrWhiteSpace(login))
        {
            rows.Identities.Add(new IdentityRow(login.Trim().ToLowerInvariant(), entity.Name, "login"));
        }
        var aliases = entity.Annotation("devex.dev/aliases") ?? "";
        foreach (var alias in aliases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            rows.Identities.Add(new IdentityRow(alias.ToLowerInvariant(), entity.Name, "alias"));
        }
        rows.Memberships.AddRange(entity.SpecList("memberOf").Select(g => new TeamMembershipRow(CatalogEntity.ReferenceName(g), entity.Name)));
        return null;
    }

    private static string? Component(CatalogEntity entity, Rows rows)
    {
        var production = entity.Annotation("devex.dev/production-environments");
        if (production is not null && !IsValidRegex(production))
        {
            return $"annotation devex.dev/production-environments '{production}' is not a valid regular expression";
        }
        var goldenText = entity.Annotation("devex.dev/golden-path");
        bool? golden = goldenText is null ? null : bool.TryParse(goldenText, out var g) ? g : null;
        if (goldenText is not null && golden is null)
        {
            return $"annotation devex.dev/golden-path '{goldenText}' is not true or false";
        }
        var owner = entity.Spec("owner");
        rows.Services.Add(new ServiceRow(entity.Name, owner is null ? null : CatalogEntity.ReferenceName(owner), production, golden, true));
        var slug = entity.Annotation("github.com/project-slug");
        if (!string.IsNullOrWhiteSpace(slug))
        {
            rows.ServiceRepositories.Add(new ServiceRepositoryRow(entity.Name, slug.Trim()));
        }
        return null;
    }

    private static bool IsValidRegex(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
