using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using DevEx.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DevEx.Server.Tests.Webhooks;

/// <summary>Posts webhook deliveries to the app the way GitHub does: raw body, event and delivery headers, HMAC signature.</summary>
internal sealed class WebhookPoster(WebhookApp app)
{
    public const string Url = "/api/v1/webhooks/github";

    private readonly HttpClient client = app.Client;

    public static string Fixture(string path) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", path));

    /// <summary>The headers GitHub sent with a recorded delivery ("name \t value" per line).</summary>
    public static Dictionary<string, string> RecordedHeaders(string path) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", path))
            .Select(line => line.Split('\t', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>"sha256=" + lower-case hex of HMAC-SHA256(secret, body): GitHub's X-Hub-Signature-256.</summary>
    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public Task<HttpResponseMessage> Post(string eventName, string body, string? delivery = null, string? signature = null, bool sign = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", delivery ?? Guid.NewGuid().ToString());
        request.Headers.Add("User-Agent", "GitHub-Hookshot/87e258b");
        if (sign)
        {
            request.Headers.Add("X-Hub-Signature-256", signature ?? Sign(app.Secret!, body));
        }
        return client.SendAsync(request);
    }

    public List<T> Query<T>(string sql)
    {
        using var connection = app.Database.Open();
        return connection.Query<T>(sql).AsList();
    }

    public long Count(string table) => Query<long>($"SELECT count(*) FROM {table}").Single();
}

/// <summary>The app with (or without) a webhook secret, a client, and its database.</summary>
internal sealed class WebhookApp : IDisposable
{
    private readonly DevExAppFactory root;
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app;

    public WebhookApp(NodaTime.Instant now, string? secret)
    {
        Secret = secret;
        root = new DevExAppFactory(now);
        app = secret is null ? root : root.WithWebHostBuilder(b => b.UseSetting("DevEx:GitHub:WebhookSecret", secret));
        Client = app.CreateClient();
    }

    public string? Secret { get; }

    public HttpClient Client { get; }

    public DuckDbDatabase Database => app.Services.GetRequiredService<DuckDbDatabase>();

    /// <summary>Completes once every derivation the deliveries queued has run.</summary>
    public Task DerivationsDone() => app.Services.GetRequiredService<DevEx.Server.Derivation.DerivationQueueService>().WhenIdleAsync();

    public void Dispose()
    {
        Client.Dispose();
        root.Dispose();
    }
}
