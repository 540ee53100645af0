using System.Text.Json;
using System.Text.Json.Nodes;
using DevEx.Collectors.Http;
using DevEx.Collectors.Jira;
using DevEx.Collectors.Sync;
using DevEx.Collectors.Tests.GitHub;
using DevEx.Collectors.Tests.GitHub.Fake;
using DevEx.Store;
using DevEx.Store.State;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Collectors.Tests.Jira;

/// <summary>
/// A Jira collector against the fake HTTP server (which serves any path), a throw-away DuckDB and a stepping
/// TimeProvider, so retries wait no real time.
/// </summary>
internal sealed class JiraHarness : IAsyncDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));

    private JiraHarness(FakeGitHubServer server, JiraOptions options)
    {
        Server = server;
        Options = options;
        Directory.CreateDirectory(directory);
        Database = DuckDbDatabase.OpenAndMigrate(Path.Combine(directory, "t.duckdb"));
        // The "jira" client as the server builds it, on the stepping clock and without jitter (exact waits).
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton(BackoffJitter.None)
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddJiraHttpClient();
        Services = services.BuildServiceProvider();
        Requests = Services.GetRequiredKeyedService<HttpRequestCount>(CollectorHttpClients.Jira);
        Client = new JiraClient(Services.GetRequiredService<IHttpClientFactory>().CreateClient(CollectorHttpClients.Jira), options);
        Cursors = new SyncStateStore(Database, Clock);
        Clients = new CountingHttpClientFactory(Services.GetRequiredService<IHttpClientFactory>());
        Collector = new JiraCollector(options, Clients, Database, Cursors, Clock, Requests);
    }

    public FakeGitHubServer Server { get; }

    public JiraOptions Options { get; }

    public DuckDbDatabase Database { get; }

    /// <summary>The day after the fixture's issues were last updated.</summary>
    public FakeClock Clock { get; } = new(Instant.FromUtc(2024, 7, 5, 0, 0));

    public SteppingTimeProvider Time { get; } = new(new DateTimeOffset(2024, 7, 5, 0, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; }

    /// <summary>Requests the "jira" client sent over the wire, retries included.</summary>
    public HttpRequestCount Requests { get; }

    public JiraClient Client { get; }

    /// <summary>The factory the collector takes its client from, counting the clients it hands out.</summary>
    public CountingHttpClientFactory Clients { get; }

    public SyncStateStore Cursors { get; }

    public JiraCollector Collector { get; }

    public static async Task<JiraHarness> StartAsync(Action<JiraOptions>? configure = null)
    {
        var server = await FakeGitHubServer.StartAsync();
        var options = new JiraOptions { BaseUrl = server.BaseUrl, Flavor = "cloud", Email = "bot@example.com", ApiToken = "secret" };
        options.Projects.Add("TEST");
        configure?.Invoke(options);
        return new JiraHarness(server, options);
    }

    public static string Fixture(string name) => FakeGitHubServer.Fixture($"jira/{name}");

    /// <summary>issues.json (a bare array) inside a search response's wrapper.</summary>
    public static string IssuesPage(string extraProperties) =>
        $$"""{ {{extraProperties}}, "issues": {{Fixture("issues.json")}} }""";

    /// <summary>The issues of issues.json by key.</summary>
    public static JsonElement Issue(string key) =>
        JsonDocument.Parse(Fixture("issues.json")).RootElement.EnumerateArray().Last(i => i.GetProperty("key").GetString() == key).Clone();

    /// <summary>An issue of issues.json changed by <paramref name="edit"/>.</summary>
    public static JsonElement EditedIssue(string key, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(Issue(key).GetRawText())!.AsObject();
        edit(node);
        return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }

    public Task<SyncOutcome> SyncAsync() => Collector.RunAsync(new Progress<string>(), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
        Database.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
