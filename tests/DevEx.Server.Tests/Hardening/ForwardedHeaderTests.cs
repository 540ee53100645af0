using NodaTime;

namespace DevEx.Server.Tests.Hardening;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto count only from DevEx:ForwardedHeaders proxies. The rate limit's partition (one
/// permit per client here) shows which address the app took for the client, HSTS which scheme.
/// </summary>
public sealed class ForwardedHeaderTests : IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    public ForwardedHeaderTests()
    {
        factory.Settings["DevEx:RateLimits:PermitLimit"] = "1";
    }

    public void Dispose() => factory.Dispose();

    private static Dictionary<string, string> ForwardedFor(string client, string? proto = null)
    {
        var headers = new Dictionary<string, string> { ["X-Forwarded-For"] = client };
        if (proto is not null)
        {
            headers["X-Forwarded-Proto"] = proto;
        }
        return headers;
    }

    [Fact]
    public async Task A_spoofed_loopback_address_from_another_machine_is_not_local()
    {
        var server = factory.Server;

        var hangfire = await server.GetAsync("/hangfire", "203.0.113.9", ForwardedFor("127.0.0.1"));
        var fromLoopback = await server.GetAsync("/hangfire", "127.0.0.1");

        // The dashboard reads the connection's address: 203.0.113.9 stays 203.0.113.9.
        Assert.Equal("203.0.113.9", hangfire.Connection.RemoteIpAddress?.ToString());
        Assert.NotEqual(200, hangfire.Response.StatusCode);
        Assert.Equal(200, fromLoopback.Response.StatusCode);
    }

    [Fact]
    public async Task Without_configured_proxies_the_headers_change_nothing()
    {
        var server = factory.Server;

        // Two "clients" behind one unknown sender are one client: the second request is over its one permit.
        var first = await server.GetAsync("/healthz", "203.0.113.9", ForwardedFor("198.51.100.1", "https"));
        var second = await server.GetAsync("/healthz", "203.0.113.9", ForwardedFor("198.51.100.2", "https"));

        // ASP.NET Core's own default believes a loopback sender; here not even that is believed until configured.
        var viaLoopback = await server.GetAsync("/healthz", "127.0.0.1", ForwardedFor("198.51.100.1"));

        Assert.Equal((200, 429), (first.Response.StatusCode, second.Response.StatusCode));
        Assert.Equal("http", first.Request.Scheme);
        Assert.False(first.Response.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.Equal("127.0.0.1", viaLoopback.Connection.RemoteIpAddress?.ToString());
    }

    [Fact]
    public async Task A_configured_proxy_is_believed_for_the_client_address_and_scheme()
    {
        factory.Settings["DevEx:ForwardedHeaders:KnownProxies:0"] = "10.0.0.5";
        var server = factory.Server;

        var first = await server.GetAsync("/healthz", "10.0.0.5", ForwardedFor("198.51.100.1", "https"));
        var otherClient = await server.GetAsync("/healthz", "10.0.0.5", ForwardedFor("198.51.100.2", "https"));
        var firstAgain = await server.GetAsync("/healthz", "10.0.0.5", ForwardedFor("198.51.100.1", "https"));
        var notTheProxy = await server.GetAsync("/healthz", "10.0.0.6", ForwardedFor("198.51.100.3", "https"));

        Assert.Equal((200, 200, 429), (first.Response.StatusCode, otherClient.Response.StatusCode, firstAgain.Response.StatusCode));
        Assert.Equal(("198.51.100.1", "https"), (first.Connection.RemoteIpAddress?.ToString(), first.Request.Scheme));
        Assert.Equal("max-age=31536000", first.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal(("10.0.0.6", "http"), (notTheProxy.Connection.RemoteIpAddress?.ToString(), notTheProxy.Request.Scheme));
    }

    [Fact]
    public async Task A_configured_network_is_believed()
    {
        factory.Settings["DevEx:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/24";
        var server = factory.Server;

        var behind = await server.GetAsync("/healthz", "10.0.0.77", ForwardedFor("198.51.100.1"));
        var outside = await server.GetAsync("/healthz", "10.0.1.77", ForwardedFor("198.51.100.1"));

        Assert.Equal("198.51.100.1", behind.Connection.RemoteIpAddress?.ToString());
        Assert.Equal("10.0.1.77", outside.Connection.RemoteIpAddress?.ToString());
    }
}
