using DevEx.Collectors.Sync;
using DevEx.Server.Sync;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// The Data quality page's "Last sync per source" shows each sync as it is now. A sync that writes no rows does not
/// rebuild the derived tables (nothing else on the page changes), and a running sync finishes without one either, so
/// the panel must not be cached with the data.
/// </summary>
public sealed class LastSyncPanelTests : IDisposable
{
    private const string Page = "/dashboards/data-quality?from=2026-02-02&to=2026-02-09";
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));
    private readonly GatedSource source = new();
    private readonly WebApplicationFactory<Program> app;
    private readonly HttpClient client;

    public LastSyncPanelTests()
    {
        app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ISyncSource>(source)));
        client = app.CreateClient();
    }

    /// <summary>The gated source's row of the "Last sync per source" table: source, configured, last run, finished, rows written, error.</summary>
    private async Task<List<string>> LastSyncRowAsync()
    {
        var rows = PageHtml.Rows(PageHtml.Panel(await client.GetStringAsync(Page), "last-sync"));
        return Assert.Single(rows, r => r[0] == "gated");
    }

    [Fact]
    public async Task A_running_sync_and_then_its_outcome_show_though_it_wrote_no_rows()
    {
        Assert.Equal(["gated", "yes", "never"], (await LastSyncRowAsync())[..3]); // and the page is now rendered once

        var runner = app.Services.GetRequiredService<SyncRunner>();
        var sync = Task.Run(() => runner.RunAsync("gated", null, CancellationToken.None));
        await source.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("running", (await LastSyncRowAsync())[2]);

        source.Release.SetResult();
        var report = await sync.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("succeeded", report.Status);
        var row = await LastSyncRowAsync();
        Assert.Equal("succeeded", row[2]);
        Assert.Equal("0", row[4]); // rows written: none, so no derivation ran
    }

    public void Dispose()
    {
        app.Dispose();
        factory.Dispose();
    }

    /// <summary>A configured source that waits for the test to let it finish, then reports no rows written.</summary>
    private sealed class GatedSource : ISyncSource
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "gated";

        public bool IsConfigured => true;

        public string Schedule => "0 * * * *";

        public async Task<SyncOutcome> RunAsync(IProgress<string> progress, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return new SyncOutcome(0, 1, 1);
        }
    }
}
