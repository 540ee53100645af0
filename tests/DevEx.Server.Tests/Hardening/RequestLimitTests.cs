using System.Net;
using System.Text;
using Dapper;
using DevEx.Server.Tests.Webhooks;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection;

namespace DevEx.Server.Tests.Hardening;

/// <summary>Request body limits on real Kestrel: small by default, the import's own (configured), the webhook's 25 MB.</summary>
public sealed class RequestLimitTests : IDisposable
{
    private const string Secret = "limits-webhook-secret";
    private const int WebhookMax = 25 << 20;

    // Default 1,000 bytes, imports 4,000: a repository line below is 43 bytes, so 60 lines (2,580 bytes) pass only by the
    // import's own limit and 100 lines (4,300 bytes) are over it.
    private readonly KestrelHost host = new(new Dictionary<string, string>
    {
        ["DevEx:Limits:MaxRequestBodyBytes"] = "1000",
        ["DevEx:Limits:ImportMaxBodyBytes"] = "4000",
        ["DevEx:GitHub:WebhookSecret"] = Secret,
    });

    public void Dispose() => host.Dispose();

    private static ByteArrayContent Repositories(int lines) =>
        new(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, lines).Select(i => $"{{\"repo\":\"acme/r{i:00}\",\"defaultBranch\":\"main\"}}\n"))));

    [Fact]
    public async Task An_import_may_exceed_the_default_limit_up_to_its_own()
    {
        var body = Repositories(60);
        Assert.Equal(2580, body.Headers.ContentLength ?? (await body.ReadAsByteArrayAsync()).Length);

        var response = await host.Client.PostAsync("/api/v1/import/repositories", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"imported\":60", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_over_its_limit_is_refused_with_413_and_nothing_is_stored()
    {
        var response = await host.Client.PostAsync("/api/v1/import/repositories", Repositories(100));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var connection = host.Services.GetRequiredService<DuckDbDatabase>().Open();
        Assert.Equal(0L, connection.QuerySingle<long>("SELECT count(*) FROM repositories"));
    }

    [Fact]
    public async Task A_webhook_announcing_more_than_25_MB_is_refused_before_its_body_is_sent()
    {
        var headers = new Dictionary<string, string>
        {
            ["Content-Length"] = (WebhookMax + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-Hub-Signature-256"] = "sha256=" + new string('0', 64),
            ["X-GitHub-Event"] = "push",
            ["X-GitHub-Delivery"] = "too-large",
        };

        // Only the first KB is ever sent: an answer means the server did not wait for the rest.
        Assert.Equal(413, await RawHttp.PostAsync(host.BaseUrl, WebhookPoster.Url, headers, [new byte[1024]]));
    }

    [Fact]
    public async Task An_unsigned_20_MB_webhook_is_refused_before_its_body_is_read()
    {
        // 20 MiB announced (under the cap, so refused for the signature), 1 KB sent.
        var headers = new Dictionary<string, string> { ["Content-Length"] = (20 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(401, await RawHttp.PostAsync(host.BaseUrl, WebhookPoster.Url, headers, [new byte[1024]]));
    }

    [Fact]
    public async Task A_chunked_webhook_is_refused_with_413_once_it_passes_25_MB()
    {
        var headers = new Dictionary<string, string>
        {
            ["Transfer-Encoding"] = "chunked",
            ["X-Hub-Signature-256"] = "sha256=" + new string('0', 64),
            ["X-GitHub-Event"] = "push",
            ["X-GitHub-Delivery"] = "chunked-too-large",
        };

        // 30 chunks of 1 MiB: the answer comes once the 26th has been counted.
        Assert.Equal(413, await RawHttp.PostAsync(host.BaseUrl, WebhookPoster.Url, headers, RawHttp.Chunked(30, 1 << 20)));
    }

    [Fact]
    public async Task A_signed_2_MB_delivery_over_the_default_limit_is_stored_whole()
    {
        // The recorded review with a 2,000,000-character field added: over the memory buffer, so it passes through the temporary file.
        var fixture = WebhookPoster.Fixture("github-webhooks/pull_request_review/submitted.payload.json").TrimEnd();
        var body = fixture[..^1] + ",\"padding\":\"" + new string('x', 2_000_000) + "\"}";
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookPoster.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-GitHub-Event", "pull_request_review");
        request.Headers.Add("X-GitHub-Delivery", "big-review");
        request.Headers.Add("X-Hub-Signature-256", WebhookPoster.Sign(Secret, body));

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var connection = host.Services.GetRequiredService<DuckDbDatabase>().Open();
        Assert.Equal(["COMMENTED"], connection.Query<string>("SELECT state FROM reviews").AsList());
        Assert.Equal(["big-review"], connection.Query<string>("SELECT delivery_id FROM webhook_deliveries").AsList());
        Assert.Equal(Encoding.UTF8.GetByteCount(body), connection.QuerySingle<long>("SELECT strlen(payload) FROM raw_payloads"));
    }
}
