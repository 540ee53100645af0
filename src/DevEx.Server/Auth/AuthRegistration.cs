using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Auth;

/// <summary>
/// Authentication and authorization for the web host (docs/security.md). The provider's schemes are registered only
/// when one is configured: a remote scheme is instantiated on every request, and would fail without its settings.
/// </summary>
internal static class AuthRegistration
{
    public static IServiceCollection AddDevExAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .PostConfigure<IConfiguration>((o, c) => Hosting.ConfiguredLists.Replace(o.Oidc, c.GetSection($"{AuthOptions.Section}:Oidc"), c)) // Scopes replace the default
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidation>();
        services.AddTransient<IClaimsTransformation, ProviderClaimsTransformation>();
        services.AddSingleton<PersonMapping>();

        var authentication = services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "DevEx", policy => policy.ForwardDefaultSelector = context =>
            {
                var auth = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
                return AuthSchemes.Select(context.Request, auth.Effective, auth.ApiKeys);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddScheme<LocalAdminOptions, LocalAdminHandler>(LocalAdminHandler.LocalScheme, o => o.RequireLoopback = true)
            .AddScheme<LocalAdminOptions, LocalAdminHandler>(LocalAdminHandler.TrustedNetworkScheme, o => o.RequireLoopback = false);
        if (ConfiguredMode(configuration) == EffectiveAuthMode.Oidc)
        {
            authentication.AddCookie(AuthSchemes.Cookie, ConfigureSession).AddOpenIdConnect(AuthSchemes.OpenIdConnect, _ => { }).AddJwtBearer(AuthSchemes.Bearer, _ => { });
            services.AddOptions<OpenIdConnectOptions>(AuthSchemes.OpenIdConnect).Configure<IOptions<AuthOptions>>((o, auth) => ProviderSignIn.Configure(o, auth.Value.Oidc));
            services.AddOptions<JwtBearerOptions>(AuthSchemes.Bearer).Configure<IOptions<AuthOptions>>((o, auth) => ProviderSignIn.Configure(o, auth.Value.Oidc));
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(DevExPolicies.Reader, policy => policy.RequireAuthenticatedUser().RequireRole(DevExRoles.All))
            .AddPolicy(DevExPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(DevExRoles.Admin))
            // An endpoint that names no policy still needs a signed-in principal: a new endpoint is never public by accident.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddHostedService<AuthModeLogging>();
        return services;
    }

    public static WebApplication UseDevExAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The mode as configured, read leniently: a value that does not bind is refused at start by the validation.</summary>
    private static EffectiveAuthMode ConfiguredMode(IConfiguration configuration)
    {
        var section = configuration.GetSection(AuthOptions.Section);
        var mode = Enum.TryParse<AuthMode>(section["Mode"], ignoreCase: true, out var parsed) ? parsed : AuthMode.Auto;
        return new AuthOptions { Mode = mode, Oidc = { Authority = section["Oidc:Authority"] } }.Effective;
    }

    private static void ConfigureSession(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.Name = "devex.session";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        cookie.SlidingExpiration = true;
        cookie.LoginPath = SignInEndpoints.SignInPath;
        // A program calling the API or /mcp is answered 401/403, not redirected to a sign-in page it cannot use.
        cookie.Events.OnRedirectToLogin = context => IsApi(context.Request) ? Status(context, StatusCodes.Status401Unauthorized) : Redirect(context);
        cookie.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(Mcp.McpRegistration.Path);

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }
        return Task.CompletedTask;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
