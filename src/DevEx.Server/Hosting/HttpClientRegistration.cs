using DevEx.Collectors.GitHub.Http;
using DevEx.Collectors.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero, "DevEx:Http:AttemptTimeout must be positive")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(BackoffJitter.Shared);
        services.AddGitHubHttpClient();
        services.AddJiraHttpClient();
        services.AddCalendarFeedHttpClient();
        return services;
    }
}
