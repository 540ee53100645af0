using DevEx.Collectors.Backstage;
using DevEx.Collectors.Http;
using DevEx.Collectors.Sync;
using DevEx.Store;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Hosting;

internal static class BackstageRegistration
{
    /// <summary>
    /// The Backstage catalog collector, source "catalog" (section DevEx:Catalog:Backstage). It takes the "backstage"
    /// client of <see cref="HttpClientRegistration"/> from the factory at each run.
    /// </summary>
    public static IServiceCollection AddBackstageCatalogCollection(this IServiceCollection services)
    {
        services.AddOptions<BackstageOptions>().BindConfiguration(BackstageOptions.Section)
            .Validate(o => o.PageSize is >= 1 and <= 10_000, "DevEx:Catalog:Backstage:PageSize must be between 1 and 10000")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Filter), "DevEx:Catalog:Backstage:Filter must not be empty")
            .ValidateOnStart();
        services.AddSingleton<ISyncSource>(sp => new BackstageCatalogCollector(
            sp.GetRequiredService<IOptions<BackstageOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<DuckDbDatabase>(),
            sp.GetRequiredService<NodaTime.IClock>(),
            sp.GetRequiredKeyedService<HttpRequestCount>(CollectorHttpClients.Backstage)));
        return services;
    }
}
