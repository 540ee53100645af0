using DevEx.Collectors.Http;
using DevEx.Collectors.Jira;
using DevEx.Collectors.Sync;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Hosting;

internal static class JiraRegistration
{
    /// <summary>The Jira collector (section DevEx:Jira) and its HTTP client (the "jira" client of <see cref="HttpClientRegistration"/>).</summary>
    public static IServiceCollection AddJiraCollection(this IServiceCollection services)
    {
        services.AddOptions<JiraOptions>().BindConfigurationReplacingLists(JiraOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new JiraClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(CollectorHttpClients.Jira),
            sp.GetRequiredService<IOptions<JiraOptions>>().Value));
        services.AddSingleton<ISyncSource>(sp => new JiraCollector(
            sp.GetRequiredService<IOptions<JiraOptions>>().Value,
            sp.GetRequiredService<JiraClient>(),
            sp.GetRequiredService<DuckDbDatabase>(),
            sp.GetRequiredService<SyncStateStore>(),
            sp.GetRequiredService<NodaTime.IClock>(),
            sp.GetRequiredKeyedService<HttpRequestCount>(CollectorHttpClients.Jira),
            sp.GetService<ILogger<JiraCollector>>()));
        return services;
    }
}
