using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter, one fixed window per client: the signed-in user or API key (its name) when there is one,
/// else the remote address, so one noisy script cannot starve the dashboards of everyone else. Over the limit a request is
/// answered 429 with Retry-After (seconds until the window opens again) and a problem that names the setting.
/// </summary>
internal static class HardeningRateLimits
{
    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RequestRateLimitOptions>().BindConfiguration(RequestRateLimitOptions.Section)
            .Validate(o => o.PermitLimit > 0 && o.Window > TimeSpan.Zero,
                $"{RequestRateLimitOptions.Section}:PermitLimit must be at least 1 and Window a positive duration (e.g. 00:01:00)")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RequestRateLimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(Client(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0 }));
            limiter.OnRejected = Reject;
        });
        return services;
    }

    public static WebApplication UseRequestRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RequestRateLimitOptions>>().Value.Enabled)
        {
            app.UseRateLimiter();
        }
        return app;
    }

    /// <summary>Who is asking: "user:" and the authenticated name, else "ip:" and the remote address (after trusted proxies).</summary>
    internal static string Client(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? "user:" + name
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask Reject(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This client made more requests than {RequestRateLimitOptions.Section}:PermitLimit allows per window; retry after {seconds} s.",
            },
        });
    }
}
