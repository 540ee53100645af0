using System.Net;
using System.Text.Json;
using NodaTime;

namespace DevEx.Server.Tests.Webhooks;

/// <summary>Signature, idempotency and outcomes of POST /api/v1/webhooks/github.</summary>
public sealed class GitHubWebhookEndpointTests : IDisposable
{
    private const string Secret = "It's a Secret to Everybody";
    private const string ReviewPath = "github-webhooks/pull_request_review/submitted.payload.json";

    private readonly WebhookApp app = new(Instant.FromUtc(2026, 2, 11, 12, 0), Secret);
    private readonly WebhookPoster poster;

    public GitHubWebhookEndpointTests() => poster = new WebhookPoster(app);

    public void Dispose() => app.Dispose();

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public void The_signature_is_sha256_hmac_of_the_body_in_hex()
    {
        // GitHub's documented example: secret "It's a Secret to Everybody", payload "Hello, World!".
        const string expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        var body = System.Text.Encoding.UTF8.GetBytes("Hello, World!");
        Assert.Equal(expected, DevEx.Server.Webhooks.GitHubWebhookSignature.Sign(Secret, body));
        Assert.Equal(expected, WebhookPoster.Sign(Secret, "Hello, World!"));
        Assert.True(DevEx.Server.Webhooks.GitHubWebhookSignature.IsValid(Secret, body, expected.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal)));
        Assert.False(DevEx.Server.Webhooks.GitHubWebhookSignature.IsValid(Secret, body, "sha256=757107ea"));
        Assert.False(DevEx.Server.Webhooks.GitHubWebhookSignature.IsValid(Secret, body, "sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
        Assert.False(DevEx.Server.Webhooks.GitHubWebhookSignature.IsValid(Secret, body, "sha256=not-hex"));
    }

    [Fact]
    public async Task A_signed_review_is_written_with_its_state_upper_cased()
    {
        var response = await poster.Post("pull_request_review", WebhookPoster.Fixture(ReviewPath), "review-1");

        // 202: the rows are stored, the derivation they call for is queued.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await Json(response);
        Assert.Equal(("processed", "submitted", "queued"),
            (body.GetProperty("outcome").GetString(), body.GetProperty("action").GetString(), body.GetProperty("derivation").GetString()));
        // The payload says "state": "commented"; reviews are stored as the REST API writes them.
        Assert.Equal([("Codertocat/Hello-World", 2, "Codertocat", "COMMENTED")],
            poster.Query<(string, int, string, string)>("SELECT repo, number, reviewer, state FROM reviews"));
        Assert.Equal([("review-1", "pull_request_review", "processed")],
            poster.Query<(string, string, string)>("SELECT delivery_id, event, outcome FROM webhook_deliveries"));
        Assert.Equal([("github", "pull_request_review", "review-1")], poster.Query<(string, string, string)>("SELECT source, kind, key FROM raw_payloads"));
    }

    [Fact]
    public async Task A_hook_sending_form_data_is_read_from_its_payload_field()
    {
        // Content type application/x-www-form-urlencoded: body "payload=<url-encoded JSON>", signed as sent.
        var form = "payload=" + Uri.EscapeDataString(WebhookPoster.Fixture(ReviewPath));
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookPoster.Url)
        {
            Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-GitHub-Event", "pull_request_review");
        request.Headers.Add("X-GitHub-Delivery", "form-1");
        request.Headers.Add("X-Hub-Signature-256", WebhookPoster.Sign(Secret, form));

        var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["COMMENTED"], poster.Query<string>("SELECT state FROM reviews"));
    }

    [Fact]
    public async Task A_wrong_signature_is_refused_and_nothing_is_written()
    {
        var body = WebhookPoster.Fixture(ReviewPath);

        var response = await poster.Post("pull_request_review", body, signature: WebhookPoster.Sign("not the secret", body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("does not match", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Equal(0, poster.Count("reviews"));
        Assert.Equal(0, poster.Count("webhook_deliveries"));
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        var body = WebhookPoster.Fixture(ReviewPath);

        var response = await poster.Post("pull_request_review", body.Replace("commented", "approved", StringComparison.Ordinal),
            signature: WebhookPoster.Sign(Secret, body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_signature_is_refused()
    {
        var response = await poster.Post("pull_request_review", WebhookPoster.Fixture(ReviewPath), sign: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("X-Hub-Signature-256", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, poster.Count("reviews"));
    }

    [Fact]
    public async Task Without_a_configured_secret_every_delivery_is_refused()
    {
        using var unconfigured = new WebhookApp(Instant.FromUtc(2026, 2, 11, 12, 0), secret: null);
        var body = WebhookPoster.Fixture(ReviewPath);
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookPoster.Url) { Content = new StringContent(body) };
        request.Headers.Add("X-GitHub-Event", "pull_request_review");
        request.Headers.Add("X-GitHub-Delivery", "d-1");
        request.Headers.Add("X-Hub-Signature-256", WebhookPoster.Sign(Secret, body));

        var response = await unconfigured.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("no webhook secret is configured", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, new WebhookPoster(unconfigured).Count("reviews"));
    }

    [Fact]
    public async Task The_same_delivery_twice_is_written_once()
    {
        var body = WebhookPoster.Fixture(ReviewPath);

        var first = await poster.Post("pull_request_review", body, "same-delivery");
        var second = await poster.Post("pull_request_review", body, "same-delivery");

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.True((await Json(second)).GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, poster.Count("reviews"));
        Assert.Equal(1, poster.Count("raw_payloads"));
        Assert.Equal(1, poster.Count("webhook_deliveries"));
    }

    [Fact]
    public async Task An_event_we_do_not_map_is_accepted_and_recorded_as_ignored()
    {
        var response = await poster.Post("star", """{"action": "created", "repository": {"full_name": "Codertocat/Hello-World"}}""", "star-1");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal([("star-1", "star", "ignored")], poster.Query<(string, string, string)>("SELECT delivery_id, event, outcome FROM webhook_deliveries"));
        Assert.Equal(0, poster.Count("raw_payloads"));
    }

    [Fact]
    public async Task A_ping_is_answered()
    {
        var response = await poster.Post("ping", """{"zen": "Keep it logically awesome.", "hook_id": 1}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"action\": \"submitted\", ", "not valid JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("{\"action\": \"submitted\", \"review\": {\"state\": \"approved\"}, \"repository\": {\"full_name\": \"Codertocat/Hello-World\"}}", "'pull_request'")]
    [InlineData("{\"action\": \"submitted\", \"review\": {}, \"pull_request\": {\"number\": 2}}", "'repository.full_name'")]
    [InlineData("{\"review\": {\"submitted_at\": \"yesterday\"}, \"pull_request\": {\"number\": 2}, \"repository\": {\"full_name\": \"a/b\"}}", "could not be read")]
    public async Task A_payload_that_cannot_be_read_is_a_400_naming_the_fault_and_recorded_as_failed(string body, string named)
    {
        var response = await poster.Post("pull_request_review", body, "bad-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, (await Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var outcome = Assert.Single(poster.Query<string>("SELECT outcome FROM webhook_deliveries WHERE delivery_id = 'bad-1'"));
        Assert.StartsWith("failed: ", outcome, StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L), (poster.Count("reviews"), poster.Count("raw_payloads"), poster.Count("repositories")));
    }

    [Fact]
    public async Task A_failed_delivery_is_processed_when_redelivered_readable()
    {
        await poster.Post("pull_request_review", "{", "retried");

        var again = await poster.Post("pull_request_review", WebhookPoster.Fixture(ReviewPath), "retried");

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(1, poster.Count("reviews"));
        Assert.Equal(["processed"], poster.Query<string>("SELECT outcome FROM webhook_deliveries"));
    }
}
