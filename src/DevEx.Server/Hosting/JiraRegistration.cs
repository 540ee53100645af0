using DevEx.Collectors.Http;
using DevEx.Collectors.Jira;
using DevEx.Collectors.Sync;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Hosting;

internal static class JiraRegistration
{
    /// <summary>
    /// The Jira collector (section DevEx:Jira). It takes its HTTP client, the "jira" client of <see cref="HttpClientRegistration"/>,
    /// from the factory at each run, so the factory's handler rotation (and with it DNS changes) reaches it.
    /// </summary>
    public static IServiceCollection AddJiraCollection(this IServiceCollection services)
    {
        services.AddOptions<JiraOptions>().BindConfigurationReplacingLists(JiraOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ISyncSource>(sp => new JiraCollector(
            sp.GetRequiredService<IOptions<JiraOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<DuckDbDatabase>(),
            sp.GetRequiredService<SyncStateStore>(),
            sp.GetRequiredService<NodaTime.IClock>(),
            sp.GetRequiredKeyedService<HttpRequestCount>(CollectorHttpClients.Jira),
            sp.GetService<ILogger<JiraCollector>>()));
        return services;
    }
}
