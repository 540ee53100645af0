using Microsoft.AspNetCore.Authentication;

namespace DevEx.Server.Auth;

/// <summary>/signin and /signout for browsers, with the OpenID provider; without one there is nothing to sign in to.</summary>
internal static class SignInEndpoints
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public const string SignedOutPath = "/signed-out";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").AllowAnonymous().ExcludeFromDescription();
        group.MapGet(SignInPath, (string? returnUrl, HttpContext context) => TypedResults.Challenge(
            new AuthenticationProperties { RedirectUri = LocalPath(returnUrl) }, [AuthSchemes.OpenIdConnect]));
        group.MapMethods(SignOutPath, ["GET", "POST"], () => TypedResults.SignOut(
            new AuthenticationProperties { RedirectUri = SignedOutPath }, [AuthSchemes.Cookie, AuthSchemes.OpenIdConnect]));
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
