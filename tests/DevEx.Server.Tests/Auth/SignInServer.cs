using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace DevEx.Server.Tests.Auth;

/// <summary>
/// The service on Kestrel at 127.0.0.1, signing people in with a real provider in its own process: "alice" is in the
/// group devex-admins (admin), "bob" in none (the default role, viewer). The provider must know the service's callback
/// address before either starts, so the service's port is chosen first.
/// </summary>
public sealed class SignInServer : IAsyncLifetime
{
    public const string ClientSecret = "web-client-secret";

    private readonly int port = FreePort();
    private DevExAppFactory service = null!;
    private WebApplicationFactory<Program> running = null!;

    /// <summary>The service's log, for a failure to show what went wrong at its end.</summary>
    public LogCapture Logs { get; } = new();

    public string Errors => string.Join('\n', Logs.Entries.Where(e => e.Contains(" Error: ", StringComparison.Ordinal) || e.Contains(" Warning: ", StringComparison.Ordinal)));

    public OidcProviderProcess Provider { get; private set; } = null!;

    public string Url(string path) => $"http://127.0.0.1:{port}{path}";

    public async Task InitializeAsync()
    {
        Provider = await OidcProviderProcess.StartAsync(
            [new
            {
                client_id = "devex-web",
                client_secret = ClientSecret,
                grant_types = Strings("authorization_code"),
                response_types = Strings("code"),
                redirect_uris = new[] { Url("/signin-oidc") },
                post_logout_redirect_uris = new[] { Url("/signout-callback-oidc") },
                token_endpoint_auth_method = "client_secret_post",
            }],
            people: new()
            {
                ["alice"] = new { email = "alice@example.test", groups = Strings("devex-admins", "team-payments") },
                ["bob"] = new { email = "bob@example.test", groups = Array.Empty<string>() },
            });
        service = OidcProviderFixture.Service(Provider, Instant.FromUtc(2026, 12, 7, 12, 0));
        service.Settings["DevEx:Auth:Oidc:ClientSecret"] = ClientSecret;
        service.Settings["DevEx:Auth:Oidc:Teams:team-payments"] = "payments";
        running = service.WithWebHostBuilder(builder => builder.ConfigureLogging(Logs.AddTo));
        running.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        running.StartServer();
    }

    private static string[] Strings(params string[] values) => values;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public Task DisposeAsync()
    {
        running?.Dispose();
        service?.Dispose();
        Provider?.Dispose();
        return Task.CompletedTask;
    }
}
