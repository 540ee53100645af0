using DevEx.Server.Caching;
using DevEx.Server.Dashboards;
using DevEx.Store;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// A result computed while the derived tables were rebuilt must not be served as the new data's: entries carry the
/// generation their computation began in. Rebuilds are simulated with <see cref="DuckDbDatabase.MarkDataChanged"/>,
/// which is what every derivation calls when it is done.
/// </summary>
public sealed class ResultCacheTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));
    private readonly DuckDbDatabase database;
    private readonly ResultCache cache;

    public ResultCacheTests()
    {
        Directory.CreateDirectory(directory);
        database = new DuckDbDatabase(Path.Combine(directory, "cache.duckdb"));
        cache = new ResultCache(database);
    }

    [Fact]
    public async Task Requests_asking_one_cold_key_at_once_share_one_computation()
    {
        // One gate slot, 20 requests for the same key while its load is held open: the load runs once and the 19 others
        // are answered by it; the slot is free again afterwards for another key.
        using var gate = new PanelGate(Microsoft.Extensions.Options.Options.Create(new PanelConcurrencyOptions { Concurrency = 1 }));
        var loads = 0;
        using var release = new ManualResetEventSlim();
        string Load()
        {
            Interlocked.Increment(ref loads);
            release.Wait(TimeSpan.FromSeconds(10));
            return "answer";
        }
        var waiting = Enumerable.Range(0, 20).Select(_ => cache.GetOrAddAsync("api:k", Load, gate, CancellationToken.None)).ToList();
        release.Set();
        Assert.All(await Task.WhenAll(waiting), a => Assert.Equal("answer", a));
        Assert.Equal(1, loads);
        Assert.Equal("other", await cache.GetOrAddAsync("api:other", () => "other", gate, CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_computation_is_not_kept_and_the_next_request_computes_again()
    {
        using var gate = new PanelGate(Microsoft.Extensions.Options.Options.Create(new PanelConcurrencyOptions { Concurrency = 2 }));
        var loads = 0;
        string Load() => ++loads == 1 ? throw new InvalidOperationException("first load fails") : "second";
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrAddAsync("api:k", Load, gate, CancellationToken.None));
        await Task.Delay(50); // the failed entry is removed by its continuation
        Assert.Equal("second", await cache.GetOrAddAsync("api:k", Load, gate, CancellationToken.None));
    }

    /// <summary>
    /// 5,000 entries at most: a stream of one-off questions (5,500 here) past that bound drops the longest unused, never
    /// the answer asked all along (it once dropped whichever came first, the pages' answers with them).
    /// </summary>
    [Fact]
    public void A_full_cache_drops_the_longest_unused_answers_not_the_one_asked_all_along()
    {
        var generation = cache.Generation;
        cache.Set("page:overview", "kept", generation);
        for (var i = 0; i < 5_500; i++)
        {
            cache.Set($"api:one-off-{i}", "once", generation);
            if (i % 100 == 0)
            {
                Assert.True(cache.TryGet<string>("page:overview", out _), $"asked again after {i} one-off questions");
            }
        }
        Assert.True(cache.TryGet<string>("page:overview", out var page));
        Assert.Equal("kept", page);
        Assert.InRange(cache.Keys.Count, 4_500, 5_001);
        Assert.False(cache.TryGet<string>("api:one-off-0", out _)); // the oldest unused went first
        Assert.True(cache.TryGet<string>("api:one-off-5499", out _));
    }

    [Fact]
    public void A_render_that_began_before_a_rebuild_is_not_stored_as_the_new_datas()
    {
        var began = cache.Generation;
        database.MarkDataChanged(); // the rebuild finishes while the panel is being drawn
        cache.Set("html:overview/waits?from=2026-02-02&to=2026-02-09", "<p>old numbers</p>", began);
        Assert.False(cache.TryGet<string>("html:overview/waits?from=2026-02-02&to=2026-02-09", out _));
    }

    [Fact]
    public void A_render_of_the_current_data_is_served_until_the_next_rebuild()
    {
        var began = cache.Generation;
        cache.Set("html:k", "<p>numbers</p>", began);
        Assert.True(cache.TryGet<string>("html:k", out var html));
        Assert.Equal("<p>numbers</p>", html);
        database.MarkDataChanged();
        Assert.False(cache.TryGet<string>("html:k", out _));
    }

    [Fact]
    public void A_load_during_which_the_data_was_rebuilt_is_returned_once_and_then_computed_again()
    {
        var loads = 0;
        string Load()
        {
            loads++;
            if (loads == 1)
            {
                database.MarkDataChanged(); // the rebuild lands while the first load reads
            }
            return $"load {loads}";
        }
        Assert.Equal("load 1", cache.GetOrAdd("data:k", Load)); // its caller gets what it computed
        Assert.False(cache.TryGet<string>("data:k", out _)); // but nobody after
        Assert.Equal("load 2", cache.GetOrAdd("data:k", Load));
        Assert.Equal("load 2", cache.GetOrAdd("data:k", Load)); // and the new result is kept
        Assert.Equal(2, loads);
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
