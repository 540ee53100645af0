using NodaTime;

namespace DevEx.Server.Tests.Auth;

/// <summary>
/// One real provider for the bearer-token and API-key tests, with three machine clients: "automation" (its tokens carry
/// the group devex-admins, mapped to admin), "reader" (no group: the default role, viewer) and "short-lived" (tokens
/// that expire after 5 seconds).
/// </summary>
public sealed class OidcProviderFixture : IAsyncLifetime
{
    public const string Secret = "test-client-secret";

    public OidcProviderProcess Provider { get; private set; } = null!;

    public async Task InitializeAsync() => Provider = await OidcProviderProcess.StartAsync(
        [OidcProviderProcess.MachineClient("automation", Secret), OidcProviderProcess.MachineClient("reader", Secret), OidcProviderProcess.MachineClient("short-lived", Secret)],
        clientGroups: new() { ["automation"] = ["devex-admins"] },
        shortLivedClients: ["short-lived"]);

    /// <summary>The service signing in with <paramref name="provider"/> (default: this fixture's), admins being the group devex-admins.</summary>
    public static DevExAppFactory Service(OidcProviderProcess provider, Instant now) => new(now)
    {
        Settings =
        {
            ["DevEx:Auth:Oidc:Authority"] = provider.Issuer,
            ["DevEx:Auth:Oidc:ClientId"] = "devex-web",
            ["DevEx:Auth:Oidc:Audience"] = OidcProviderProcess.Audience,
            ["DevEx:Auth:Oidc:RequireHttpsMetadata"] = "false",
            ["DevEx:Auth:Oidc:ClockSkew"] = "00:00:00",
            ["DevEx:Auth:Oidc:Roles:devex-admins"] = "admin",
        },
    };

    public Task DisposeAsync()
    {
        Provider?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class OidcProviderCollection : ICollectionFixture<OidcProviderFixture>
{
    public const string Name = "OpenID provider";
}
