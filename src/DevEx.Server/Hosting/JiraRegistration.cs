using DevEx.Collectors.Jira;
using DevEx.Collectors.Sync;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Hosting;

internal static class JiraRegistration
{
    /// <summary>The Jira collector (section DevEx:Jira) and its HTTP client (credentials, retries, Retry-After).</summary>
    public static IServiceCollection AddJiraCollection(this IServiceCollection services)
    {
        services.AddOptions<JiraOptions>().BindConfiguration(JiraOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new JiraHttp(new RetryingHttpHandler(sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<RetryingHttpHandler>>())));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<JiraOptions>>().Value;
            return new JiraClient(JiraClient.CreateHttpClient(options, sp.GetRequiredService<JiraHttp>().Handler), options);
        });
        services.AddSingleton<ISyncSource>(sp => new JiraCollector(
            sp.GetRequiredService<IOptions<JiraOptions>>().Value,
            sp.GetRequiredService<JiraClient>(),
            sp.GetRequiredService<DuckDbDatabase>(),
            sp.GetRequiredService<SyncStateStore>(),
            sp.GetRequiredService<NodaTime.IClock>(),
            sp.GetRequiredService<JiraHttp>().Handler,
            sp.GetService<ILogger<JiraCollector>>()));
        return services;
    }

    /// <summary>Jira's own handler instance, so its request count is Jira's alone.</summary>
    private sealed record JiraHttp(RetryingHttpHandler Handler);
}
