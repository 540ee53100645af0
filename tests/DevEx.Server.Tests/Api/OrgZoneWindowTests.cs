using System.Text.Json;
using NodaTime;

namespace DevEx.Server.Tests.Api;

/// <summary>"Today" is the org zone's: from alone runs to the end of today there, not in UTC.</summary>
public sealed class OrgZoneWindowTests : IDisposable
{
    // Wed 2026-02-11 12:00 UTC is Thu 2026-02-12 01:00 in Auckland (UTC+13 in February).
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0)) { Settings = { ["DevEx:Metrics:TimeZone"] = "Pacific/Auckland" } };

    [Fact]
    public async Task From_alone_in_the_current_week_ends_after_today_in_the_org_zone()
    {
        var dora = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/v1/metrics/dora?from=2026-02-10")).RootElement;
        Assert.Equal(("2026-02-10", "2026-02-13"), (dora.GetProperty("from").GetString(), dora.GetProperty("to").GetString()));
    }

    public void Dispose() => factory.Dispose();
}
