using System.Net;
using System.Net.Http.Headers;
using NodaTime;

namespace DevEx.Server.Tests.Auth;

/// <summary>
/// The API accepts access tokens that the configured provider issued for DevEx's audience (client-credentials grant,
/// real tokens from a real provider), and answers 401 to a token from another issuer, for another audience, or expired.
/// </summary>
[Collection(OidcProviderCollection.Name)]
public sealed class BearerTokenTests(OidcProviderFixture fixture)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 7, 12, 0);

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_token_of_the_provider_is_accepted_with_the_roles_its_groups_map_to()
    {
        using var service = OidcProviderFixture.Service(fixture.Provider, Now);
        using var client = service.CreateClient();
        var admin = await fixture.Provider.ClientCredentialsTokenAsync("automation", OidcProviderFixture.Secret);
        var reader = await fixture.Provider.ClientCredentialsTokenAsync("reader", OidcProviderFixture.Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(client, "/api/v1/teams", null));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/api/v1/teams", reader));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(client, "/api/v1/api-keys", reader)); // viewer, not admin
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/api/v1/api-keys", admin));
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        using var service = OidcProviderFixture.Service(fixture.Provider, Now);
        using var client = service.CreateClient();
        var token = await fixture.Provider.ClientCredentialsTokenAsync("automation", OidcProviderFixture.Secret, resource: "api://another-service");
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(client, "/api/v1/teams", token));
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        using var other = await OidcProviderProcess.StartAsync([OidcProviderProcess.MachineClient("automation", OidcProviderFixture.Secret)],
            clientGroups: new() { ["automation"] = ["devex-admins"] });
        using var service = OidcProviderFixture.Service(fixture.Provider, Now);
        using var client = service.CreateClient();
        var token = await other.ClientCredentialsTokenAsync("automation", OidcProviderFixture.Secret);
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(client, "/api/v1/teams", token));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        using var service = OidcProviderFixture.Service(fixture.Provider, Now);
        using var client = service.CreateClient();
        // The service fetches the provider's keys first, so the short token's 5 seconds are spent on the two requests only.
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/api/v1/teams", await fixture.Provider.ClientCredentialsTokenAsync("reader", OidcProviderFixture.Secret)));
        var issued = DateTime.UtcNow;
        var token = await fixture.Provider.ClientCredentialsTokenAsync("short-lived", OidcProviderFixture.Secret);
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/api/v1/teams", token)); // clock skew 0
        var untilExpired = issued.AddSeconds(6.5) - DateTime.UtcNow;
        if (untilExpired > TimeSpan.Zero)
        {
            await Task.Delay(untilExpired);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(client, "/api/v1/teams", token));
    }
}
