using DevEx.Collectors.GitHub;
using DevEx.Collectors.GitHub.Http;
using DevEx.Collectors.Sync;
using DevEx.Store;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Hosting;

internal static class GitHubRegistration
{
    /// <summary>The GitHub collector and its HTTP pipeline (conditional requests, rate limits, retries).</summary>
    public static IServiceCollection AddGitHubCollection(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GitHubOptions>>().Value);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new HttpCacheStore(sp.GetRequiredService<DuckDbDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<GitHubRequestStats>();
        services.AddSingleton(sp => new GitHubHttpHandler(sp.GetRequiredService<HttpCacheStore>(), sp.GetRequiredService<GitHubRequestStats>(),
            sp.GetRequiredService<GitHubOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<GitHubHttpHandler>>()));
        services.AddSingleton(sp => new GitHubCredentialStore(sp.GetRequiredService<GitHubOptions>(), sp.GetRequiredService<GitHubHttpHandler>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => GitHubClientFactory.Create(sp.GetRequiredService<GitHubOptions>(), sp.GetRequiredService<GitHubHttpHandler>(),
            sp.GetRequiredService<GitHubCredentialStore>()));
        services.AddSingleton<GitHubRowWriter>();
        services.AddSingleton<ISyncSource, GitHubCollector>();
        return services;
    }
}
