using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace DevEx.Server.Tests.Api;

/// <summary>
/// At start the DORA endpoints are answered once in process: all three found by their routes (a renamed route would
/// leave one cold without failing anything else) and each answering 200.
/// </summary>
public sealed class ApiWarmerTests : IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));
    private readonly LogCapture logs = new();

    [Fact]
    public async Task The_three_dora_endpoints_are_answered_once_the_service_listens()
    {
        var app = factory.WithWebHostBuilder(builder => builder.UseSetting("DevEx:WarmDashboards", "true").ConfigureLogging(logs.AddTo));
        using var client = app.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !logs.Entries.Any(e => e.Contains("API metric endpoints warmed", StringComparison.Ordinal)))
        {
            await Task.Delay(100);
        }
        Assert.Contains(logs.Entries, e => e.Contains("API metric endpoints warmed (3 of 3)", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.StartsWith("DevEx.Server.Api.ApiWarmer Warning", StringComparison.Ordinal));
    }

    public void Dispose() => factory.Dispose();
}
