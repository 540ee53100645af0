using DevEx.Collectors.GitHub.Http;
using DevEx.Collectors.Http;
using DevEx.Server.Reports;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Hosting;

internal static class HttpClientRegistration
{
    /// <summary>
    /// Every outgoing HttpClient, one place: named clients from AddHttpClient with their Microsoft.Extensions.Http.Resilience
    /// pipelines (section DevEx:Http for the shared retry settings). See docs/architecture.md, "HTTP".
    /// </summary>
    public static IServiceCollection AddDevExHttpClients(this IServiceCollection services)
    {
        services.AddOptions<HttpRetryOptions>().BindConfiguration(HttpRetryOptions.Section)
            .Validate(o => o.MaxRetries >= 0 && o.BaseDelay >= TimeSpan.Zero && o.MaxRetryAfter >= TimeSpan.Zero,
                "DevEx:Http:MaxRetries, BaseDelay and MaxRetryAfter must not be negative")
            // Polly's timeout strategy takes 10 ms to 24 h.
            .Validate(o => o.AttemptTimeout >= TimeSpan.FromMilliseconds(10) && o.AttemptTimeout <= TimeSpan.FromHours(24),
                "DevEx:Http:AttemptTimeout must be between 00:00:00.010 and 1.00:00:00")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(BackoffJitter.Shared);
        services.AddGitHubHttpClient();
        services.AddJiraHttpClient();
        services.AddBackstageHttpClient();
        services.AddCalendarFeedHttpClient();
        AddReportWebhooks(services);
        return services;
    }

    /// <summary>
    /// The typed client of <see cref="WebhookDelivery"/>: DeliveryAttempts tries with an exact doubling DeliveryBackoff
    /// (no jitter) or the receiver's Retry-After, 30 s per attempt, each attempt logged by <see cref="WebhookAttemptLogging"/>.
    /// The factory's request loggers are removed: they write the URI, and a Slack webhook's secret is its path.
    /// </summary>
    private static void AddReportWebhooks(IServiceCollection services)
    {
        var client = services.AddHttpClient<WebhookDelivery>(http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        client.AddTransientRetry((sp, retry) =>
        {
            var reports = sp.GetRequiredService<IOptions<ReportOptions>>().Value;
            retry.MaxRetries = Math.Max(1, reports.DeliveryAttempts) - 1;
            retry.BaseDelay = reports.DeliveryBackoff;
            retry.UseJitter = false;
            retry.AttemptTimeout = TimeSpan.FromSeconds(30);
        });
        client.AddHttpMessageHandler(sp => new WebhookAttemptLogging(sp.GetRequiredService<ReportDeliveryLog>(),
            sp.GetRequiredService<ILogger<WebhookAttemptLogging>>()));
    }
}
