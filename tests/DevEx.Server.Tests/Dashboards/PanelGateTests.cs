using DevEx.Server.Dashboards;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>Panels are computed at most <c>Concurrency</c> at once over all callers; the rest wait their turn.</summary>
public sealed class PanelGateTests
{
    [Fact]
    public async Task Two_slots_run_two_panels_and_the_third_waits_until_one_is_done()
    {
        using var gate = new PanelGate(Options.Create(new PanelConcurrencyOptions { Concurrency = 2 }));
        using var release = new ManualResetEventSlim();
        var running = 0;
        using var started = new CountdownEvent(2);
        int Work(int panel)
        {
            Interlocked.Increment(ref running);
            started.Signal();
            release.Wait(TimeSpan.FromSeconds(10));
            Interlocked.Decrement(ref running);
            return panel;
        }
        var first = gate.RunAsync(() => Work(1), CancellationToken.None);
        var second = gate.RunAsync(() => Work(2), CancellationToken.None);
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)), "two panels start at once");
        var thirdRan = false;
        var third = gate.RunAsync(() => thirdRan = true, CancellationToken.None);
        await Task.Delay(200);
        Assert.Equal(2, Volatile.Read(ref running));
        Assert.False(thirdRan); // no slot free
        release.Set();
        var done = await Task.WhenAll(first, second);
        Assert.Equal((1, 2), (done[0], done[1]));
        Assert.True(await third);
    }

    [Fact]
    public async Task A_cancelled_request_stops_waiting_for_a_slot()
    {
        using var gate = new PanelGate(Options.Create(new PanelConcurrencyOptions { Concurrency = 1 }));
        using var release = new ManualResetEventSlim();
        var busy = gate.RunAsync(() => release.Wait(TimeSpan.FromSeconds(10)), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var ran = false;
        var waiting = gate.RunAsync(() => ran = true, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.Set();
        Assert.True(await busy);
        Assert.True(await gate.RunAsync(() => true, CancellationToken.None)); // the queue moved past the cancelled one
        Assert.False(ran);
    }

    /// <summary>
    /// A DuckDB statement holds its thread until it ends: computations on the thread pool's few threads (one per core) left
    /// every other request waiting for the pool to grow (docs/benchmarks.md, "Load").
    /// </summary>
    [Fact]
    public async Task Computations_run_on_the_gates_own_threads_not_the_thread_pools()
    {
        using var gate = new PanelGate(Options.Create(new PanelConcurrencyOptions { Concurrency = 2 }));
        var (pooled, name) = await gate.RunAsync(() => (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name), CancellationToken.None);
        Assert.False(pooled);
        Assert.StartsWith("DevEx computation", name, StringComparison.Ordinal);
        // A computation's own fan-out (seven DORA queries at once) does go to the pool: its floor makes that many at once.
        ThreadPool.GetMinThreads(out var workers, out _);
        Assert.True(workers >= 2 * 7 + Environment.ProcessorCount, $"thread pool floor {workers}");
    }

    [Fact]
    public async Task A_failed_computation_fails_its_caller_and_the_gate_goes_on()
    {
        using var gate = new PanelGate(Options.Create(new PanelConcurrencyOptions { Concurrency = 1 }));
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync<int>(() => throw new InvalidOperationException("query failed"), CancellationToken.None));
        Assert.Equal("query failed", failure.Message);
        Assert.Equal(3, await gate.RunAsync(() => 3, CancellationToken.None));
    }
}
