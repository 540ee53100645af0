using DevEx.Server.Caching;
using DevEx.Server.Dashboards;
using DevEx.Server.Dashboards.Views;
using DevEx.Server.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Dashboards;

public sealed class DashboardWarmerTests : IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    [Fact]
    public async Task After_new_data_the_default_views_are_rendered_before_anyone_asks()
    {
        factory.Settings["DevEx:WarmDashboards"] = "true";
        var client = factory.CreateClient();
        await WorkedExampleImport.LoadAsync(client);
        // The default window on 2026-02-11: the 12 full ISO weeks before Monday 2026-02-09.
        var cache = factory.Services.GetRequiredService<ResultCache>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        PanelModel? panel = null;
        // panel:<dashboard>/<panel>#<definition fingerprint>|<data key>
        string? Key() => cache.Keys.FirstOrDefault(k => k.StartsWith("panel:dora/deployment-frequency#", StringComparison.Ordinal)
            && k.EndsWith("|dora?from=2025-11-17&to=2026-02-09", StringComparison.Ordinal));
        while (DateTime.UtcNow < deadline && !(Key() is { } key && cache.TryGet<PanelModel>(key, out panel!)))
        {
            await Task.Delay(200);
        }
        var stat = Assert.IsType<StatPanelModel>(panel?.Body);
        Assert.Equal(("4", "/explain/deployments?from=2025-11-17&to=2026-02-09"), (stat.Value, stat.Link)); // the worked example's four deployments
    }

    public void Dispose() => factory.Dispose();
}
