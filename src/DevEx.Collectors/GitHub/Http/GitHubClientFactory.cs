using Octokit;
using Octokit.Internal;

namespace DevEx.Collectors.GitHub.Http;

/// <summary>Octokit clients whose every request goes through the given handler (normally the "github" client's chain, <see cref="GitHubHttpClient"/>).</summary>
public static class GitHubClientFactory
{
    public static IGitHubClient Create(GitHubOptions options, HttpMessageHandler handler, ICredentialStore credentials)
    {
        var http = new UnboundedOctokitHttpClient(new HttpClientAdapter(() => handler));
        var connection = new Connection(
            new ProductHeaderValue("DevEx"), ApiRoot(options), credentials, http, new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }

    /// <summary>
    /// The API root requests are made against: Octokit's default for api.github.com; otherwise the host root (a
    /// trailing /api/v3 in the setting is optional) plus api/v3/, where GitHub Enterprise Server serves its REST API.
    /// Octokit's Connection takes the root as given (only GitHubClient's own constructors append api/v3/), and its
    /// relative endpoints resolve against it only with the trailing slash.
    /// </summary>
    public static Uri ApiRoot(GitHubOptions options)
    {
        var baseUrl = options.BaseUrl.Trim().TrimEnd('/');
        var uri = new Uri(baseUrl, UriKind.Absolute);
        if (uri.Host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase))
        {
            return GitHubClient.GitHubApiUrl;
        }
        if (baseUrl.EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase))
        {
            baseUrl = baseUrl[..^"/api/v3".Length];
        }
        return new Uri(baseUrl + "/api/v3/");
    }
}
