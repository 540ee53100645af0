using System.Security.Claims;
using System.Text.Json;
using DevEx.Server.Hosting;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace DevEx.Server.Tests.Hardening;

/// <summary>DevEx:RateLimits: a fixed window per client, 429 with Retry-After past it.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    public void Dispose() => factory.Dispose();

    private DevExAppFactory WithLimit(int permits, string window)
    {
        factory.Settings["DevEx:RateLimits:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["DevEx:RateLimits:Window"] = window;
        return factory;
    }

    [Fact]
    public async Task The_fourth_request_of_a_client_allowed_three_is_answered_429_with_retry_after_and_others_are_not_held()
    {
        var server = WithLimit(3, "00:01:00").Server;

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await server.GetAsync("/healthz", "203.0.113.9")).Response.StatusCode);
        }
        var refused = await server.GetAsync("/healthz", "203.0.113.9");
        var other = await server.GetAsync("/healthz", "198.51.100.7");

        Assert.Equal([200, 200, 200, 429], statuses);
        Assert.Equal(429, refused.Response.StatusCode);
        // The window is a minute and began with the first request: the wait is at most 60 s, at least 1.
        Assert.InRange(int.Parse(refused.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        var problem = JsonDocument.Parse(refused.Response.Body).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("DevEx:RateLimits:PermitLimit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, other.Response.StatusCode);
    }

    [Fact]
    public async Task A_window_that_has_passed_lets_the_client_in_again()
    {
        var server = WithLimit(1, "00:00:00.500").Server;

        var first = (await server.GetAsync("/healthz", "203.0.113.9")).Response.StatusCode;
        var second = (await server.GetAsync("/healthz", "203.0.113.9")).Response.StatusCode;
        await Task.Delay(2000); // the window is 0.5 s; replenishment runs on a timer, given room on a loaded machine
        var later = (await server.GetAsync("/healthz", "203.0.113.9")).Response.StatusCode;

        Assert.Equal((200, 429, 200), (first, second, later));
    }

    [Fact]
    public async Task Switched_off_no_request_is_refused()
    {
        var server = WithLimit(1, "00:01:00");
        server.Settings["DevEx:RateLimits:Enabled"] = "false";

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await server.Server.GetAsync("/healthz", "203.0.113.9")).Response.StatusCode);
        }

        Assert.Equal([200, 200, 200], statuses);
    }

    [Fact]
    public void A_signed_in_client_is_counted_by_its_name_wherever_it_connects_from_and_an_anonymous_one_by_its_address()
    {
        var signedIn = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ci-bot")], "ApiKey")) };
        signedIn.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("203.0.113.9");
        var anonymous = new DefaultHttpContext();
        anonymous.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("203.0.113.9");

        Assert.Equal("user:ci-bot", HardeningRateLimits.Client(signedIn));
        Assert.Equal("ip:203.0.113.9", HardeningRateLimits.Client(anonymous));
    }
}
