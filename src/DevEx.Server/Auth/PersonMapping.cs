using DevEx.Store.Reading;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Auth;

/// <summary>
/// Which catalog User a sign-in, an API key or the local administrator is (docs/security.md, "People"), and the teams
/// that brings: a provider's sign-in by DevEx:Auth:Oidc:PersonClaim (a User's name) or, when that is empty, by its email;
/// an API key by the person it was created for; the local administrator by DevEx:Auth:LocalPerson. With
/// DevEx:Auth:Oidc:TeamsFromCatalog the User's Group memberships are teams as well.
/// </summary>
internal sealed class PersonMapping(PersonDirectory directory, IOptions<AuthOptions> options)
{
    /// <summary>The User a provider's sign-in is: by the person claim's value when one is configured, else by the email.</summary>
    public CatalogPerson? ForSignIn(Func<string, string?> claim, string? email)
    {
        var personClaim = options.Value.Oidc.PersonClaim;
        return string.IsNullOrWhiteSpace(personClaim) ? directory.ByEmail(email) : directory.ByName(claim(personClaim));
    }

    /// <summary>The User of that name (an API key's person, DevEx:Auth:LocalPerson); null for none or no such User.</summary>
    public CatalogPerson? Named(string? name) => directory.ByName(name);

    /// <summary>The teams the person's catalog memberships give: none unless TeamsFromCatalog.</summary>
    public IReadOnlyList<string> TeamsOf(CatalogPerson? person) =>
        person is not null && options.Value.Oidc.TeamsFromCatalog ? person.Teams : [];

    /// <summary>Which setting decides who a sign-in of <paramref name="source"/> (devex:source) is, for a 404 that says so.</summary>
    public string DecidingSetting(string? source) => source switch
    {
        "api-key" => "the key's person (devex apikey create --person NAME, or \"person\" in POST /api/v1/api-keys)",
        "local" or "trusted-network" => "DevEx:Auth:LocalPerson",
        _ => string.IsNullOrWhiteSpace(options.Value.Oidc.PersonClaim)
            ? $"DevEx:Auth:Oidc:EmailClaim ('{options.Value.Oidc.EmailClaim}'; a User's spec.profile.email or email identity must match it), or DevEx:Auth:Oidc:PersonClaim"
            : $"DevEx:Auth:Oidc:PersonClaim ('{options.Value.Oidc.PersonClaim}'; its value must be a User's name)",
    };
}
