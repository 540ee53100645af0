using DevEx.Server.Api;
using DevEx.Server.Hosting;
using DevEx.Store;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Renders every dashboard's default view once before the service listens (hosted services start before the server),
/// so the first request after start pays neither the JIT nor the chart font's first load; then, after each rebuild of
/// the derived tables (sync, import, webhook), again in the background, so the first person to open a page after new
/// data gets it from the cache. Views with other filters are computed on first request. Off with
/// DevEx:WarmDashboards=false (the tests, which time and count their own requests).
/// </summary>
internal sealed class DashboardWarmer(DuckDbDatabase database, DashboardCatalog catalog, DashboardPages pages, IOptions<DevExOptions> options,
    ILogger<DashboardWarmer> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    // The service itself, in process only: it must compute every panel (what a person may see is decided per request,
    // before the cache is asked, so what it warms reaches each role only as far as that role may see).
    private static readonly System.Security.Claims.ClaimsPrincipal WarmingPrincipal = Auth.DevExClaims.Service("dashboard warming");
    private long warmed = -1;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.WarmDashboards)
        {
            warmed = database.DataGeneration;
            await Warm("before serving", cancellationToken).ConfigureAwait(false);
        }
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmDashboards)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Poll, stoppingToken).ConfigureAwait(false);
            var generation = database.DataGeneration;
            if (generation == warmed || generation == 0)
            {
                continue;
            }
            warmed = generation;
            await Warm("after new data", stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task Warm(string when, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var dashboard in catalog.Current.Dashboards)
        {
            try
            {
                await pages.Page(dashboard.Id, new MetricRequest(null, null, null, null, null, null), WarmingPrincipal, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Warming dashboard {Dashboard} failed", dashboard.Id);
            }
        }
        logger.LogInformation("Dashboards warmed {When} in {Milliseconds} ms", when, started.ElapsedMilliseconds);
    }
}
