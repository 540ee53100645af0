using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace DevEx.Server.Tests.Hardening;

/// <summary>
/// Recognisable secrets in every secret setting; the app started, three syncs failing against a local upstream, bad
/// requests and every page: no secret in any log line (every category, every level, scopes, exceptions), response body
/// or response header.
/// </summary>
public sealed class SecretLeakTests : IAsyncLifetime, IDisposable
{
    private const string GitHubToken = "ghp_LeakCanaryGitHubToken0123456789";
    private const string WebhookSecret = "LeakCanaryWebhookSecret-42";
    private const string JiraToken = "LeakCanaryJiraApiToken-7f3a";
    private const string ClientSecret = "LeakCanaryOidcClientSecret-9b1c";
    private const string FeedToken = "private-LeakCanaryFeedToken5e2d";

    private static readonly string[] Secrets = [GitHubToken, WebhookSecret, JiraToken, ClientSecret, FeedToken];

    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));
    private readonly LogCapture logs = new();
    private readonly List<(string What, string Text)> responses = [];
    private FailingUpstream upstream = null!;

    public async Task InitializeAsync() => upstream = await FailingUpstream.StartAsync();

    public async Task DisposeAsync()
    {
        await upstream.DisposeAsync();
        Dispose();
    }

    public void Dispose() => factory.Dispose();

    private async Task<string> Keep(string what, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var headers = string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}"));
        responses.Add((what, $"{(int)response.StatusCode}\n{headers}\n{body}"));
        return body;
    }

    [Fact]
    public async Task No_secret_reaches_a_log_a_problem_or_a_page()
    {
        var settings = new Dictionary<string, string>
        {
            ["DevEx:GitHub:BaseUrl"] = upstream.Url + "/",
            ["DevEx:GitHub:Token"] = GitHubToken,
            ["DevEx:GitHub:Organizations:0"] = "acme",
            ["DevEx:GitHub:WebhookSecret"] = WebhookSecret,
            ["DevEx:Jira:BaseUrl"] = upstream.Url + "/jira",
            ["DevEx:Jira:Email"] = "bot@acme.example",
            ["DevEx:Jira:ApiToken"] = JiraToken,
            ["DevEx:Jira:Projects:0"] = "PAY",
            ["DevEx:Auth:ClientSecret"] = ClientSecret,
            ["DevEx:Calendar:Feeds:alice@acme.example"] = $"{upstream.Url}/calendar/ical/alice%40acme.example/{FeedToken}/basic.ics",
            ["DevEx:Http:MaxRetries"] = "1",
            ["DevEx:Http:BaseDelay"] = "00:00:00.010",
            ["DevEx:Http:UseJitter"] = "false",
        };
        using var app = factory.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
            b.ConfigureLogging(logs.AddTo);
        });
        var client = app.CreateClient();

        foreach (var source in new[] { "github", "jira", "calendar" })
        {
            await Keep($"POST sync {source}", await client.PostAsync($"/api/v1/sync/{source}", null));
        }
        var runs = await FailedRunsAsync(client);
        await Keep("bad query", await client.GetAsync("/api/v1/metrics/dora?from=yesterday"));
        await Keep("bad webhook", await client.SendAsync(BadlySignedWebhook()));
        await Keep("OpenAPI", await client.GetAsync("/openapi/v1.json"));
        foreach (var path in new[] { "/hangfire", "/hangfire/jobs/failed", "/hangfire/jobs/succeeded", "/hangfire/recurring" })
        {
            await Keep(path, await client.GetAsync(path));
        }
        foreach (var (url, response, _) in await SiteCrawl.PagesAsync(client))
        {
            await Keep(url, response);
        }

        // The drive reached what it meant to: three failed runs, the upstream asked, each secret's log neighbours written.
        Assert.Equal(["calendar", "github", "jira"], runs);
        Assert.Contains(upstream.Requests, r => r.Contains("/calendar/ical/", StringComparison.Ordinal));
        Assert.Contains(upstream.Requests, r => r.StartsWith("GET /jira/", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Contains("Sync of github failed", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Contains("Sync of calendar failed", StringComparison.Ordinal));
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(logs.Entries, e => e.Contains(secret, StringComparison.Ordinal));
            var leaks = responses.Where(r => r.Text.Contains(secret, StringComparison.Ordinal)).Select(r => r.What).ToList();
            Assert.True(leaks.Count == 0, $"{secret} in: {string.Join(", ", leaks)}");
        }
    }

    /// <summary>Polls GET /api/v1/sync until github, jira and calendar have each a failed last run (at most 60 s); their names.</summary>
    private async Task<List<string>> FailedRunsAsync(HttpClient client)
    {
        var failed = new List<string>();
        for (var attempt = 0; attempt < 300 && failed.Count < 3; attempt++)
        {
            await Task.Delay(200);
            var listing = JsonDocument.Parse(await Keep("GET sync", await client.GetAsync("/api/v1/sync"))).RootElement;
            failed = [.. listing.EnumerateArray()
                .Where(s => s.GetProperty("lastRun") is { ValueKind: JsonValueKind.Object } run && run.GetProperty("status").GetString() == "failed")
                .Select(s => s.GetProperty("source").GetString()!).Order(StringComparer.Ordinal)];
        }
        return failed;
    }

    private static HttpRequestMessage BadlySignedWebhook()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/github") { Content = new StringContent("{}", Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", "push");
        request.Headers.Add("X-GitHub-Delivery", "leak-1");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + new string('0', 64));
        return request;
    }
}
