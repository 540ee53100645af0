using DevEx.Collectors.GitHub;
using DevEx.Collectors.GitHub.Http;
using DevEx.Collectors.Http;
using DevEx.Collectors.Tests.GitHub.Fake;
using DevEx.Store;
using DevEx.Store.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Octokit;

namespace DevEx.Collectors.Tests.GitHub.Http;

/// <summary>
/// The GitHub HTTP layer wired as the collector wires it (Octokit client from <see cref="GitHubClientFactory"/> on the
/// "github" client's handlers and pipelines from <see cref="GitHubHttpClient"/>, cache in a throw-away DuckDB file) against a <see cref="FakeGitHubServer"/>, on a
/// <see cref="SteppingTimeProvider"/> that starts at 2026-03-01 12:00 UTC.
/// </summary>
internal sealed class GitHubHttpHarness : IAsyncDisposable
{
    public const string Token = "ghp_Secret0123456789abcdefghijklmnopqrstu";

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));
    private readonly TimeSpan attemptTimeout;

    private GitHubHttpHarness(FakeGitHubServer server, GitHubOptions options, TimeSpan attemptTimeout)
    {
        Server = server;
        Options = options;
        this.attemptTimeout = attemptTimeout;
        Directory.CreateDirectory(directory);
        Open();
    }

    public FakeGitHubServer Server { get; }

    public GitHubOptions Options { get; }

    /// <summary>What the collector collects of each repository's files (every default path unless a test changes it).</summary>
    public DevEx.Collectors.RepositoryFiles.RepositoryFilesOptions Files { get; } = new();

    public SteppingTimeProvider Clock { get; } = new(Start);

    public GitHubRequestStats Stats { get; } = new();

    public RecordingLogger<GitHubRateLimitGate> Log { get; } = new();

    public DuckDbDatabase Database { get; private set; } = null!;

    /// <summary>The services of one process: a restart builds new ones.</summary>
    public ServiceProvider Services { get; private set; } = null!;

    public GitHubCredentialStore Credentials { get; private set; } = null!;

    public IGitHubClient Client { get; private set; } = null!;

    public static async Task<GitHubHttpHarness> StartAsync(Action<GitHubOptions>? configure = null, TimeSpan? attemptTimeout = null)
    {
        var server = await FakeGitHubServer.StartAsync();
        var options = new GitHubOptions { BaseUrl = server.BaseUrl, Token = Token, RateLimitReserve = 50 };
        configure?.Invoke(options);
        return new GitHubHttpHarness(server, options, attemptTimeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>What a restarted process has: a new database instance on the same file, a new handler and client.</summary>
    public void Restart()
    {
        Close();
        Stats.Reset();
        Server.ClearRequests();
        Open();
    }

    public async ValueTask DisposeAsync()
    {
        Close();
        await Server.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private void Open()
    {
        Database = DuckDbDatabase.OpenAndMigrate(Path.Combine(directory, "devex.duckdb"));
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(BackoffJitter.Seeded(20260301))
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new HttpRetryOptions { AttemptTimeout = attemptTimeout }))
            .AddSingleton(Options)
            .AddSingleton(Stats)
            .AddSingleton(new HttpCacheStore(Database, Clock))
            .AddSingleton<ILogger<GitHubRateLimitGate>>(Log);
        services.AddGitHubHttpClient();
        Services = services.BuildServiceProvider();
        var handler = Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(GitHubHttpClient.Name);
        Credentials = new GitHubCredentialStore(Options, handler, Clock);
        Client = GitHubClientFactory.Create(Options, handler, Credentials);
    }

    private void Close()
    {
        Services.Dispose();
        Credentials.Dispose();
        Database.Dispose();
    }
}
