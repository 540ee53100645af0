using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace DevEx.Server.Auth;

/// <summary>The authentication schemes, and which one a request goes to (DevEx, a policy scheme, is the default).</summary>
internal static class AuthSchemes
{
    public const string Default = "DevEx";
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OpenIdConnect = OpenIdConnectDefaults.AuthenticationScheme;
    public const string Bearer = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>
    /// By the request's headers: an API key (X-Api-Key, or a bearer token with the devex_ prefix) to the key store;
    /// any other bearer token to the provider's JWT validation; no header to the browser session, or, with no provider,
    /// to the local-request (or trusted-network) admin.
    /// </summary>
    public static string Select(HttpRequest request, EffectiveAuthMode mode, bool apiKeys)
    {
        if (apiKeys && ApiKeyHandler.Presented(request) is not null)
        {
            return ApiKeyHandler.SchemeName;
        }
        return mode switch
        {
            EffectiveAuthMode.TrustedNetwork => LocalAdminHandler.TrustedNetworkScheme,
            EffectiveAuthMode.LocalOnly => LocalAdminHandler.LocalScheme,
            _ => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Bearer : Cookie,
        };
    }
}
