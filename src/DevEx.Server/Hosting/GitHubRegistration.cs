using DevEx.Collectors.GitHub;
using DevEx.Collectors.GitHub.Http;
using DevEx.Collectors.RepositoryFiles;
using DevEx.Collectors.Sync;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Hosting;

internal static class GitHubRegistration
{
    /// <summary>The GitHub collector and the services its "github" HTTP client needs (cache, request stats).</summary>
    public static IServiceCollection AddGitHubCollection(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GitHubOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new HttpCacheStore(sp.GetRequiredService<DuckDbDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<GitHubRequestStats>();
        services.AddSingleton(sp => new GitHubCredentialStore(sp.GetRequiredService<GitHubOptions>(), GitHubHandler(sp),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => GitHubClientFactory.Create(sp.GetRequiredService<GitHubOptions>(), GitHubHandler(sp),
            sp.GetRequiredService<GitHubCredentialStore>()));
        services.AddSingleton<GitHubRowWriter>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<RepositoryFilesOptions>>().Value);
        services.AddSingleton<ISyncSource, GitHubCollector>();
        return services;
    }

    /// <summary>The "github" client's handler chain (<see cref="GitHubHttpClient"/>, registered by <see cref="HttpClientRegistration"/>).</summary>
    private static HttpMessageHandler GitHubHandler(IServiceProvider services) =>
        services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(GitHubHttpClient.Name);
}
