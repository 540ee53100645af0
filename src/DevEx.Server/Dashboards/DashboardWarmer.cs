using DevEx.Server.Api;
using DevEx.Server.Hosting;
using DevEx.Store;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Dashboards;

/// <summary>
/// After each rebuild of the derived tables (start, sync, import, webhook), renders every dashboard's default view in
/// the background, so the first person to open a page after new data gets it from the cache. Views with other
/// filters are computed on first request. Off with DevEx:WarmDashboards=false.
/// </summary>
internal sealed class DashboardWarmer(DuckDbDatabase database, DashboardCatalog catalog, DashboardPages pages, IOptions<DevExOptions> options,
    ILogger<DashboardWarmer> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmDashboards)
        {
            return;
        }
        var warmed = 0L;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Poll, stoppingToken).ConfigureAwait(false);
            var generation = database.DataGeneration;
            if (generation == warmed || generation == 0)
            {
                continue;
            }
            warmed = generation;
            var started = System.Diagnostics.Stopwatch.StartNew();
            foreach (var dashboard in catalog.Current.Dashboards)
            {
                try
                {
                    pages.Page(dashboard.Id, new MetricRequest(null, null, null, null, null, null), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Warming dashboard {Dashboard} failed", dashboard.Id);
                }
            }
            logger.LogInformation("Dashboards warmed in {Milliseconds} ms", started.ElapsedMilliseconds);
        }
    }
}
