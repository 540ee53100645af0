using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Auth;

/// <summary>
/// /signin and /signout for browsers, with the OpenID provider. Without one there is nothing to sign in to or out of:
/// both go back to the page (a local request already is an admin).
/// </summary>
internal static class SignInEndpoints
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public const string SignedOutPath = "/signed-out";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").AllowAnonymous().ExcludeFromDescription();
        group.MapGet(SignInPath, IResult (string? returnUrl, IOptions<AuthOptions> options) => options.Value.Effective == EffectiveAuthMode.Oidc
            ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalPath(returnUrl) }, [AuthSchemes.OpenIdConnect])
            : TypedResults.LocalRedirect(LocalPath(returnUrl)));
        group.MapMethods(SignOutPath, ["GET", "POST"], IResult (IOptions<AuthOptions> options) => options.Value.Effective == EffectiveAuthMode.Oidc
            ? TypedResults.SignOut(new AuthenticationProperties { RedirectUri = SignedOutPath }, [AuthSchemes.Cookie, AuthSchemes.OpenIdConnect])
            : TypedResults.LocalRedirect("/"));
        group.MapGet(SignedOutPath, () => TypedResults.Content(
            """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed out · DevEx</title></head><body><main><h1>Signed out</h1><p><a href="/signin">Sign in again</a></p></main></body></html>""",
            "text/html; charset=utf-8"));
        return app;
    }

    /// <summary>Only a path on this site: an absolute or protocol-relative URL would make /signin an open redirect.</summary>
    private static string LocalPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
