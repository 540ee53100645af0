using System.Security.Claims;

namespace DevEx.Server.Auth;

/// <summary>
/// How a request's identity is read, whichever scheme made it (local request, OpenID Connect cookie or bearer token,
/// API key): roles as <see cref="ClaimTypes.Role"/> claims, teams as <see cref="Team"/> claims, the person's email, and
/// the catalog User they are (<see cref="Person"/>) when the sign-in maps to one (<see cref="PersonMapping"/>).
/// </summary>
internal static class DevExClaims
{
    public const string Team = "devex:team";

    public const string Email = "devex:email";

    /// <summary>The catalog User (people.id) the identity is: what the person-level views of /api/v1/me read.</summary>
    public const string Person = "devex:person";

    /// <summary>Which scheme made the identity (local, trusted-network, oidc, api-key), for logs and the audit to come.</summary>
    public const string Source = "devex:source";

    public static IReadOnlyList<string> DevExRoles(this ClaimsPrincipal principal) =>
        [.. principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(Auth.DevExRoles.IsKnown).Distinct()];

    public static IReadOnlyList<string> DevExTeams(this ClaimsPrincipal principal) =>
        [.. principal.FindAll(Team).Select(c => c.Value).Distinct()];

    public static string? DevExEmail(this ClaimsPrincipal principal) => principal.FindFirst(Email)?.Value;

    /// <summary>
    /// The service asking itself, in process only (warming kept answers): an admin, so that every team's question is
    /// answered; nothing it computes is shown to anyone who may not see it (the scope rule runs on every request).
    /// </summary>
    public static ClaimsPrincipal Service(string purpose) => new(Identity("warming", "service", purpose, [Auth.DevExRoles.Admin], []));

    /// <summary>The catalog User the principal is; null when their sign-in maps to none.</summary>
    public static string? DevExPerson(this ClaimsPrincipal principal) => principal.FindFirst(Person)?.Value;

    /// <summary>An authenticated identity with the given roles and teams, named <paramref name="name"/>; teams given twice count once.</summary>
    public static ClaimsIdentity Identity(string scheme, string source, string name, IEnumerable<string> roles, IEnumerable<string> teams, string? email = null,
        string? person = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(Source, source) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(teams.Distinct(StringComparer.Ordinal).Select(t => new Claim(Team, t)));
        if (email is not null)
        {
            claims.Add(new Claim(Email, email));
        }
        if (person is not null)
        {
            claims.Add(new Claim(Person, person));
        }
        return new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role);
    }
}
