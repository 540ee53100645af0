using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Dashboards;

/// <summary>
/// How many panels are computed at once, over all requests (section DevEx:DashboardPanels): each computation holds a
/// DuckDB connection and a thread, so a page of 12 panels opened by ten people queues instead of running 120 at once.
/// </summary>
internal sealed class PanelConcurrencyOptions
{
    public const string Section = "DevEx:DashboardPanels";

    /// <summary>Panels computed at once; default the processor count (at least 2).</summary>
    public int Concurrency { get; set; } = Math.Max(2, Environment.ProcessorCount);
}

/// <summary>
/// The shared gate of <see cref="PanelConcurrencyOptions.Concurrency"/> computations (panels and the API's metric
/// answers): synchronous database work, run in arrival order on as many threads of its own. Not the thread pool's: a
/// DuckDB statement holds its thread until it ends, and with the pool's few threads (one per core) held so, every other
/// request, a kept answer included, waited for the pool to add a thread, about every half second
/// (docs/benchmarks.md, "Load": a steady p99 of 300 ms, 8 ms without computations).
/// </summary>
internal sealed class PanelGate : IDisposable
{
    private readonly BlockingCollection<Action> queue = new();
    private readonly Thread[] workers;

    /// <summary>
    /// The most statements one computation runs at once on the thread pool (the DORA figures' seven independent queries,
    /// <c>DoraMetricsService</c>), each holding a pool thread until DuckDB answers.
    /// </summary>
    private const int FanOut = 7;

    public PanelGate(IOptions<PanelConcurrencyOptions> options)
    {
        // The pool starts one thread per core and adds one about every half second once all are held: a computation's
        // fan-out held them, and every request behind it waited (docs/benchmarks.md, "Load"). Enough are made at once
        // for every computation's fan-out beside the cores' own request work; only ever raised.
        ThreadPool.GetMinThreads(out var workerFloor, out var completionFloor);
        ThreadPool.SetMinThreads(Math.Max(workerFloor, options.Value.Concurrency * FanOut + Environment.ProcessorCount), completionFloor);
        workers = [.. Enumerable.Range(1, Math.Max(1, options.Value.Concurrency))
            .Select(n => new Thread(Work) { IsBackground = true, Name = $"DevEx computation {n}" })];
        foreach (var worker in workers)
        {
            worker.Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a computation thread once one is free; not at all if cancelled before then.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        queue.Add(() =>
        {
            registration.Dispose();
            if (done.Task.IsCompleted)
            {
                return; // cancelled while it waited
            }
            try
            {
                done.TrySetResult(work());
            }
            catch (OperationCanceledException e)
            {
                done.TrySetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                done.TrySetException(e); // the caller's await rethrows it
            }
        }, CancellationToken.None);
        return done.Task;
    }

    private void Work()
    {
        foreach (var item in queue.GetConsumingEnumerable())
        {
            item();
        }
    }

    /// <summary>Lets the running computations end (a few seconds at most), then frees the queue.</summary>
    public void Dispose()
    {
        queue.CompleteAdding();
        // A computation still running past that keeps the queue (its thread ends with the process).
        if (workers.All(worker => worker.Join(TimeSpan.FromSeconds(5))))
        {
            queue.Dispose();
        }
    }
}
