using System.Net;
using DevEx.Server.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace DevEx.Server.Tests.Auth;

/// <summary>
/// No sign-in configured: a request from this machine is an admin, one from anywhere else (which only a proxy on this
/// machine could pass on) is nobody, whatever its X-Forwarded-For says. DevEx:Auth:Mode=None makes everyone an admin,
/// and says so loudly at start.
/// </summary>
public sealed class LocalModeTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 7, 12, 0);

    /// <summary>A request with the remote address set by hand: TestServer has no socket, so nothing goes on a network.</summary>
    private static async Task<HttpContext> SendAsync(DevExAppFactory factory, string method, string path, IPAddress? remote, string? forwardedFor = null)
    {
        factory.StartServer();
        return await factory.Server.SendAsync(context =>
        {
            context.Request.Method = method;
            context.Request.Path = path;
            context.Connection.RemoteIpAddress = remote;
            if (forwardedFor is not null)
            {
                context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });
    }

    [Fact]
    public async Task A_local_request_is_an_admin()
    {
        using var factory = new DevExAppFactory(Now);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/api-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
        var local = await SendAsync(factory, "GET", "/api/v1/sync", IPAddress.IPv6Loopback);
        Assert.Equal(StatusCodes.Status200OK, local.Response.StatusCode);
    }

    [Fact]
    public async Task A_request_from_another_address_is_refused_even_when_it_claims_to_be_forwarded_from_here()
    {
        using var factory = new DevExAppFactory(Now);
        var remote = IPAddress.Parse("192.0.2.10"); // documentation range; the request never leaves the process
        Assert.Equal(StatusCodes.Status401Unauthorized, (await SendAsync(factory, "GET", "/api/v1/teams", remote)).Response.StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, (await SendAsync(factory, "POST", "/api/v1/import/deployments", remote, "127.0.0.1")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, (await SendAsync(factory, "GET", "/hangfire", remote, "127.0.0.1")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, (await SendAsync(factory, "GET", "/healthz", remote)).Response.StatusCode);
    }

    [Theory]
    [InlineData("/signin?returnUrl=/dashboards/dora", "/dashboards/dora")]
    [InlineData("/signin?returnUrl=https://evil.example/", "/")]
    [InlineData("/signin?returnUrl=//evil.example/", "/")]
    [InlineData("/signout", "/")]
    public async Task Without_a_provider_signing_in_or_out_goes_back_to_a_page_of_this_site(string path, string location)
    {
        using var factory = new DevExAppFactory(Now);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.7", false)]
    [InlineData("::ffff:10.0.0.7", false)]
    [InlineData(null, false)] // a Unix socket behind a proxy has no address: not local
    public void Local_means_a_loopback_remote_address(string? address, bool local) =>
        Assert.Equal(local, LocalAdminHandler.IsLocal(address is null ? null : IPAddress.Parse(address)));

    [Fact]
    public async Task Mode_none_logs_a_warning_and_lets_every_request_in_as_admin()
    {
        var logs = new LogCapture();
        using var factory = new DevExAppFactory(Now) { Settings = { ["DevEx:Auth:Mode"] = "None" } };
        using var configured = factory.WithWebHostBuilder(b => b.ConfigureLogging(logs.AddTo));
        configured.StartServer();
        var warning = Assert.Single(logs.Entries, e => e.Contains("AUTHENTICATION IS OFF", StringComparison.Ordinal));
        Assert.Contains("Warning", warning);
        Assert.Contains("DevEx:Auth:Mode=None", warning);
        var remote = await configured.Server.SendAsync(c =>
        {
            c.Request.Path = "/api/v1/api-keys";
            c.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        });
        Assert.Equal(StatusCodes.Status200OK, remote.Response.StatusCode);
    }
}
