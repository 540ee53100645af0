using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer devex_…</c> or <c>X-Api-Key: devex_…</c> against the stored keys. A key made
/// for a person is that catalog User (and has their catalog teams too, <see cref="PersonMapping"/>).
/// </summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys,
    PersonMapping people)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Presented(Request) is not { } presented)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var (key, failure) = keys.Authenticate(presented);
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.Fail(failure!));
        }
        var person = people.Named(key.Person);
        var identity = DevExClaims.Identity(SchemeName, "api-key", $"api-key:{key.Name}", key.Roles, key.Teams.Concat(people.TeamsOf(person)), person: person?.Id);
        identity.AddClaim(new Claim("devex:api-key", key.Id));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>The API key a request carries, if it carries one.</summary>
    public static string? Presented(HttpRequest request)
    {
        if (request.Headers[Header] is { Count: > 0 } header)
        {
            return header.ToString().Trim();
        }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer " + ApiKeyFormat.Prefix, StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
