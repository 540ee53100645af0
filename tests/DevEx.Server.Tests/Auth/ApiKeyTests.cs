using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DevEx.Server.Cli;
using NodaTime;

namespace DevEx.Server.Tests.Auth;

/// <summary>
/// API keys, with sign-in configured (so a request without credentials is nobody): created by an admin through the API
/// or the CLI, shown once, used with either header, scoped to their roles, refused once revoked or expired, their
/// last use recorded.
/// </summary>
[Collection(OidcProviderCollection.Name)]
public sealed class ApiKeyTests(OidcProviderFixture fixture)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 7, 12, 0);

    private static string[] Names(params string[] names) => names;

    private static HttpRequestMessage Request(HttpMethod method, string path, string? key, bool xApiKeyHeader = false, HttpContent? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body };
        if (key is not null && xApiKeyHeader)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        else if (key is not null)
        {
            request.Headers.Authorization = new("Bearer", key);
        }
        return request;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, HttpMethod method, string path, string? key, bool xApiKeyHeader = false)
    {
        using var request = Request(method, path, key, xApiKeyHeader);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<(string Key, string Id)> CreateAsync(HttpClient client, string adminKey, object body)
    {
        using var request = Request(HttpMethod.Post, "/api/v1/api-keys", adminKey, body: JsonContent.Create(body));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (created.RootElement.GetProperty("key").GetString()!, created.RootElement.GetProperty("details").GetProperty("id").GetString()!);
    }

    /// <summary>An admin key made by the CLI on the service's database before the service opens it.</summary>
    private static string CliAdminKey(DevExAppFactory service, int days = 30)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, ApiKeyCommand.Create(service.DatabasePath, "ci-admin", ["admin"], [], days, output, error));
        return output.ToString().Split('\n')[0].Trim();
    }

    [Fact]
    public async Task A_key_from_the_cli_lets_automation_in_with_its_roles_and_no_key_is_nobody()
    {
        using var service = OidcProviderFixture.Service(fixture.Provider, Now);
        var admin = CliAdminKey(service);
        Assert.Matches("^devex_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", admin);
        using var client = service.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, HttpMethod.Get, "/api/v1/teams", null));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, HttpMethod.Get, "/api/v1/teams", admin));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, HttpMethod.Get, "/api/v1/sync", admin, xApiKeyHeader: true));

        var (viewer, _) = await CreateAsync(client, admin, new { name = "wallboard", roles = Names("viewer"), teams = Names("payments") });
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, HttpMethod.Get, "/api/v1/teams", viewer));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, HttpMethod.Get, "/api/v1/sync", viewer));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, HttpMethod.Post, "/api/v1/import/deployments", viewer));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, HttpMethod.Get, "/api/v1/api-keys", viewer));

        // A key that looks right but is not one, and a real key with one character changed.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, HttpMethod.Get, "/api/v1/teams", "devex_000000000000_" + new string('A', 43)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, HttpMethod.Get, "/api/v1/teams", viewer[..^1] + (viewer[^1] == 'A' ? 'B' : 'A')));
    }

    [Fact]
    public async Task The_list_shows_roles_teams_expiry_and_last_use_but_never_the_key()
    {
        using var service = OidcProviderFixture.Service(fixture.Provider, Now);
        var admin = CliAdminKey(service);
        using var client = service.CreateClient();
        var (viewer, viewerId) = await CreateAsync(client, admin, new { name = "wallboard", roles = Names("viewer"), teams = Names("payments", "search"), expiresInDays = 7 });

        service.Clock.Advance(Duration.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, HttpMethod.Get, "/api/v1/teams", viewer));

        using var request = Request(HttpMethod.Get, "/api/v1/api-keys", admin);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(viewer, body);
        Assert.DoesNotContain(viewer[^43..], body); // nor the secret part alone
        using var list = JsonDocument.Parse(body);
        var entry = list.RootElement.EnumerateArray().Single(k => k.GetProperty("id").GetString() == viewerId);
        Assert.Equal("wallboard", entry.GetProperty("name").GetString());
        Assert.Equal(["viewer"], entry.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["payments", "search"], entry.GetProperty("teams").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("2026-12-14T12:00:00Z", entry.GetProperty("expiresAt").GetString()); // created at Now, 7 days
        Assert.Equal("2026-12-07T12:05:00Z", entry.GetProperty("lastUsedAt").GetString()); // used 5 minutes after Now
        Assert.Equal("active", entry.GetProperty("status").GetString());
        Assert.False(entry.TryGetProperty("secretHash", out _));
    }

    [Fact]
    public async Task A_revoked_key_and_an_expired_key_are_refused()
    {
        using var service = OidcProviderFixture.Service(fixture.Provider, Now);
        var admin = CliAdminKey(service, days: 30);
        using var client = service.CreateClient();
        var (revoked, revokedId) = await CreateAsync(client, admin, new { name = "old-ci", roles = Names("member") });
        var (shortKey, _) = await CreateAsync(client, admin, new { name = "trial", roles = Names("member"), expiresInDays = 1 });
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, HttpMethod.Get, "/api/v1/teams", revoked));

        using (var revoke = Request(HttpMethod.Delete, $"/api/v1/api-keys/{revokedId}", admin))
        using (var answer = await client.SendAsync(revoke))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using var details = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Equal("revoked", details.RootElement.GetProperty("status").GetString());
            Assert.Equal("2026-12-07T12:00:00Z", details.RootElement.GetProperty("revokedAt").GetString()); // the clock has not moved
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, HttpMethod.Get, "/api/v1/teams", revoked));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, HttpMethod.Delete, $"/api/v1/api-keys/{revokedId}", admin));

        service.Clock.Advance(Duration.FromHours(23) + Duration.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, HttpMethod.Get, "/api/v1/teams", shortKey));
        service.Clock.Advance(Duration.FromMinutes(1)); // exactly 1 day after it was made: expired
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, HttpMethod.Get, "/api/v1/teams", shortKey));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, HttpMethod.Get, "/api/v1/teams", admin)); // 30 days
    }

    [Fact]
    public async Task A_bad_request_names_the_field_at_fault()
    {
        using var service = OidcProviderFixture.Service(fixture.Provider, Now);
        var admin = CliAdminKey(service);
        using var client = service.CreateClient();
        foreach (var (body, parameter) in new (object, string)[]
        {
            (new { name = "", roles = Names("viewer") }, "name"),
            (new { name = "x", roles = Names() }, "roles"),
            (new { name = "x", roles = Names("owner") }, "roles"),
            (new { name = "x", roles = Names("viewer"), expiresInDays = 0 }, "expiresInDays"),
        })
        {
            using var request = Request(HttpMethod.Post, "/api/v1/api-keys", admin, body: JsonContent.Create(body));
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
        }
    }

    [Fact]
    public void The_cli_lists_and_revokes_keys()
    {
        using var service = OidcProviderFixture.Service(fixture.Provider, Now);
        var key = CliAdminKey(service);
        var id = key.Split('_')[1];
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, ApiKeyCommand.List(service.DatabasePath, output, error));
        var row = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.Matches($"^{id}  ci-admin +active +admin +", row);
        Assert.EndsWith("never", row.Trim());
        Assert.DoesNotContain(key, output.ToString());

        Assert.Equal(0, ApiKeyCommand.Revoke(service.DatabasePath, id, output, error));
        Assert.Equal(1, ApiKeyCommand.Revoke(service.DatabasePath, id, output, error));
        Assert.Equal($"No active API key '{id}' (devex apikey list shows them).", error.ToString().Trim());
        using var again = new StringWriter();
        Assert.Equal(0, ApiKeyCommand.List(service.DatabasePath, again, error));
        Assert.Contains("revoked", again.ToString());
    }
}
