using System.Security.Cryptography;
using System.Text;
using DevEx.Reports.Weekly;
using DevEx.Server.Dashboards.Views;

namespace DevEx.Server.Hosting;

/// <summary>
/// The headers every response carries, set as the response starts (so error pages, which clear headers, carry them too).
/// The pages run no script: the policy allows none, and styles only from the sheets the pages inline (by their hash).
/// </summary>
internal static class HardeningSecurityHeaders
{
    public const string Hangfire = "/hangfire";

    /// <summary>HSTS for a year, sent only on HTTPS (a browser ignores it over HTTP, and an HTTP-only install must stay reachable).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>No script, no plug-in, no framing; styles only from the site's and the weekly report's own sheets; fonts from /assets.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src {StyleHash(PageStyles.Css)} {StyleHash(WeeklyReportHtml.StyleSheet)}; img-src 'self' data:; font-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Hangfire's dashboard is its own script and styles (served from /hangfire): those are allowed there, not inline script.</summary>
    public static string HangfireContentSecurityPolicy { get; } =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Chosen now: the dashboard moves /hangfire from the path to the path base before the response starts.
            var policy = context.Request.Path.StartsWithSegments(Hangfire) ? HangfireContentSecurityPolicy : ContentSecurityPolicy;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>'sha256-…' of a stylesheet as it stands between &lt;style&gt; and &lt;/style&gt; (CSP hashes the element's text).</summary>
    internal static string StyleHash(string css) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)))}'";
}
