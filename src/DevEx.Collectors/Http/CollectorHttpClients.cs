using System.Net;
using DevEx.Collectors.Backstage;
using DevEx.Collectors.Jira;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DevEx.Collectors.Http;

/// <summary>
/// The collectors' named HttpClients from <c>AddHttpClient</c>, each with its resilience pipeline. The server
/// registers them all in one place (Hosting/HttpClientRegistration); tests build the same clients against fake servers.
/// </summary>
public static class CollectorHttpClients
{
    public const string Jira = "jira";
    public const string CalendarFeeds = "calendar-feeds";
    public const string Backstage = "backstage";

    /// <summary>Jira REST: credentials and base address from <see cref="JiraOptions"/>, transient retries, a request count.</summary>
    public static IHttpClientBuilder AddJiraHttpClient(this IServiceCollection services)
    {
        services.AddKeyedSingleton<HttpRequestCount>(Jira);
        var client = services.AddHttpClient(Jira, (sp, http) => JiraClient.Configure(http, sp.GetRequiredService<IOptions<JiraOptions>>().Value))
            .ConfigurePrimaryHttpMessageHandler(Decompressing);
        client.AddTransientRetry();
        return client.AddHttpMessageHandler(sp => sp.GetRequiredKeyedService<HttpRequestCount>(Jira).CreateHandler());
    }

    /// <summary>Backstage's catalog API: base address and static token from <see cref="BackstageOptions"/>, transient retries, a request count.</summary>
    public static IHttpClientBuilder AddBackstageHttpClient(this IServiceCollection services)
    {
        services.AddKeyedSingleton<HttpRequestCount>(Backstage);
        var client = services.AddHttpClient(Backstage, (sp, http) => BackstageCatalogClient.Configure(http, sp.GetRequiredService<IOptions<BackstageOptions>>().Value))
            .ConfigurePrimaryHttpMessageHandler(Decompressing);
        client.AddTransientRetry();
        return client.AddHttpMessageHandler(sp => sp.GetRequiredKeyedService<HttpRequestCount>(Backstage).CreateHandler());
    }

    /// <summary>ICS feeds: transient retries. The feed URLs are secrets, so the factory's request loggers are removed.</summary>
    public static IHttpClientBuilder AddCalendarFeedHttpClient(this IServiceCollection services)
    {
        var client = services.AddHttpClient(CalendarFeeds, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(Decompressing)
            .RemoveAllLoggers();
        client.AddTransientRetry();
        return client;
    }

    private static SocketsHttpHandler Decompressing() => new() { AutomaticDecompression = DecompressionMethods.All };
}
