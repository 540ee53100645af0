using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Auth;

/// <summary>
/// Gives a person signed in with the provider (cookie) or a provider's bearer token their DevEx roles and teams, from
/// the configured group claim mapping (DevEx:Auth:Oidc:Roles and Teams), and the catalog User they are with that
/// User's Groups as teams too (<see cref="PersonMapping"/>). Runs on every authentication, so a changed mapping or
/// catalog applies at once, and the session cookie holds only what the provider said.
/// </summary>
internal sealed class ProviderClaimsTransformation(IOptions<AuthOptions> options, PersonMapping people) : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true } provider || principal.HasClaim(c => c.Type == DevExClaims.Source))
        {
            return Task.FromResult(principal); // anonymous, or made by DevEx itself (local, API key), or already mapped
        }
        var oidc = options.Value.Oidc;
        var groups = principal.FindAll(oidc.GroupClaim).Select(c => c.Value).ToList();
        var roles = groups.Select(g => oidc.Roles.GetValueOrDefault(g)).OfType<string>().ToList();
        if (roles.Count == 0 && oidc.DefaultRole.Length > 0)
        {
            roles.Add(oidc.DefaultRole);
        }
        var email = principal.FindFirst(oidc.EmailClaim)?.Value;
        var person = people.ForSignIn(claim => principal.FindFirst(claim)?.Value, email);
        var teams = groups.Select(g => oidc.Teams.GetValueOrDefault(g)).OfType<string>().Concat(people.TeamsOf(person));
        var name = email ?? principal.FindFirst("sub")?.Value ?? principal.FindFirst("client_id")?.Value ?? "unnamed";
        var mapped = new ClaimsPrincipal(principal.Identities);
        mapped.AddIdentity(DevExClaims.Identity(provider.AuthenticationType ?? "oidc", "oidc", name, roles, teams, email, person?.Id));
        return Task.FromResult(mapped);
    }
}
