using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DevEx.Server.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Auth;

/// <summary>
/// The OpenID provider does not answer (nothing listens at its address): a browser's sign-in is a 503 naming the provider
/// and its setting, with Retry-After, not a bare 500; an API key keeps working.
/// </summary>
public sealed class ProviderDownTests
{
    private static string NothingListening()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/";
    }

    [Fact]
    public async Task Sign_in_while_the_provider_is_down_is_a_503_naming_it_and_api_keys_still_work()
    {
        var authority = NothingListening();
        using var service = new DevExAppFactory(Instant.FromUtc(2026, 2, 11, 12, 0))
        {
            Settings =
            {
                ["DevEx:Auth:Oidc:Authority"] = authority,
                ["DevEx:Auth:Oidc:ClientId"] = "devex-web",
                ["DevEx:Auth:Oidc:RequireHttpsMetadata"] = "false",
            },
        };
        using var client = service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signIn = await client.GetAsync("/signin");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
        Assert.Equal("30", signIn.Headers.RetryAfter?.ToString());
        using var problem = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync());
        Assert.Equal("The sign-in provider does not answer", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains($"{authority} (DevEx:Auth:Oidc:Authority)", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var key = service.Services.GetRequiredService<ApiKeyService>().Create("while-down", [DevExRoles.Viewer], [], 1).Created!.Key;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/teams");
        request.Headers.Authorization = new("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }
}
