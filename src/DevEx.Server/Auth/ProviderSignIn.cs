using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DevEx.Server.Auth;

/// <summary>The OpenID provider's settings applied to the browser sign-in and to bearer-token validation.</summary>
internal static class ProviderSignIn
{
    public static void Configure(OpenIdConnectOptions o, OidcSettings oidc)
    {
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.SignInScheme = AuthSchemes.Cookie;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The code comes back on a top-level GET, so the correlation and nonce cookies can be SameSite=Lax: they are
        // then sent on plain http too (a provider on this machine), where browsers drop SameSite=None cookies.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.MapInboundClaims = false; // claims keep the provider's names (email, groups), which the mapping is written in
        o.GetClaimsFromUserInfoEndpoint = true;
        o.ClaimActions.MapJsonKey(oidc.GroupClaim, oidc.GroupClaim);
        o.ClaimActions.MapUniqueJsonKey(oidc.EmailClaim, oidc.EmailClaim);
        o.SaveTokens = true; // the id token is the hint the provider's sign-out wants
        o.Scope.Clear();
        foreach (var scope in oidc.Scopes)
        {
            o.Scope.Add(scope);
        }
        o.SignedOutRedirectUri = SignInEndpoints.SignedOutPath;
        o.TokenValidationParameters.NameClaimType = "name";
        o.TokenValidationParameters.ClockSkew = oidc.ClockSkew;
    }

    public static void Configure(JwtBearerOptions o, OidcSettings oidc)
    {
        o.Authority = oidc.Authority;
        o.Audience = oidc.EffectiveAudience;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.MapInboundClaims = false;
        o.TokenValidationParameters.ValidateAudience = true;
        o.TokenValidationParameters.ClockSkew = oidc.ClockSkew;
    }
}
