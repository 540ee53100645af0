using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using NodaTime;

namespace DevEx.Server.Tests.Mcp;

/// <summary>DevEx:Mcp:CallsPerMinute per caller: the call past it is refused with the wait, and the calls before it answered.</summary>
public sealed class McpRateLimitTests
{
    [Fact]
    public async Task The_third_call_in_a_minute_past_a_limit_of_two_is_refused_with_the_wait()
    {
        await using var service = new DevExAppFactory(Instant.FromUtc(2026, 2, 11, 12, 0)) { Settings = { ["DevEx:Mcp:CallsPerMinute"] = "2" } };
        using var http = service.CreateClient();
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }, http, ownsHttpClient: false));

        var first = await client.CallToolAsync("list_teams");
        var second = await client.CallToolAsync("list_services");
        var third = await client.CallToolAsync("list_teams");

        Assert.Equal((false, false, true), (first.IsError == true, second.IsError == true, third.IsError == true));
        var text = Assert.IsType<TextContentBlock>(Assert.Single(third.Content)).Text;
        Assert.StartsWith("Rate limit: 2 tool calls per minute per caller (DevEx:Mcp:CallsPerMinute); try again in ", text, StringComparison.Ordinal);
    }
}
