using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;

namespace DevEx.Server.Tests.Fuzz;

/// <summary>What the fuzz test found, one case each, so a regression names itself.</summary>
public sealed class FuzzFindingsTests : IDisposable
{
    private const string Secret = "fuzz-secret";
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 3, 1, 12, 0));

    public FuzzFindingsTests() => factory.Settings["DevEx:GitHub:WebhookSecret"] = Secret;

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task A_webhook_string_with_a_lone_surrogate_is_a_400_naming_the_payload_not_a_500()
    {
        // Seed 20261216: deployment_status with "\ud800" for a value. System.Text.Json parses it and throws only when the
        // string is read (InvalidOperationException), which the mapper did not expect.
        var body = Encoding.UTF8.GetBytes("""
            {"action":"created","deployment_status":{"id":1,"state":"success","created_at":"2026-02-02T10:00:00Z"},
             "deployment":{"id":2,"sha":"abc","environment":"\ud800","created_at":"2026-02-02T09:00:00Z"},
             "repository":{"id":3,"name":"api","full_name":"acme/api","owner":{"login":"acme"}}}
            """);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/github") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", "deployment_status");
        request.Headers.Add("X-GitHub-Delivery", "d-1");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)));

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.StartsWith("The deployment_status payload could not be read: ", detail);
    }
}
