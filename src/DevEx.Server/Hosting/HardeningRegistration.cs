namespace DevEx.Server.Hosting;

/// <summary>
/// What keeps a reachable service safe to expose (docs/security.md): request size limits, forwarded headers from
/// configured proxies only, security headers, rate limits and antiforgery. Two places in the pipeline: the first runs
/// before anything reads the client's address or scheme, the second after routing (and authentication), because its
/// limits and checks depend on the endpoint and on who is asking.
/// </summary>
internal static class HardeningRegistration
{
    public static IServiceCollection AddDevExHardening(this IServiceCollection services) =>
        services.AddRequestLimits().AddTrustedProxies().AddRequestRateLimits().AddAntiforgery();

    /// <summary>First in the pipeline: the real client address and scheme, then the headers every response carries.</summary>
    public static WebApplication UseDevExHardening(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseSecurityHeaders();
        return app;
    }

    /// <summary>After routing and authentication: the rate limit partitioned by who is asking, and antiforgery on forms.</summary>
    public static WebApplication UseDevExRequestGuards(this WebApplication app)
    {
        app.UseRequestRateLimits();
        app.UseAntiforgery();
        return app;
    }
}
