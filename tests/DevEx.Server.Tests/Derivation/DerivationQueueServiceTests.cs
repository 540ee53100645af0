using DevEx.Analytics.Derivations;
using DevEx.Server.Derivation;
using Microsoft.Extensions.Logging.Abstractions;

namespace DevEx.Server.Tests.Derivation;

/// <summary>The queue runs one derivation at a time and folds the requests that wait during a run into one more run.</summary>
public sealed class DerivationQueueServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A derivation that records each run's reason and, while <see cref="Hold"/> is set, waits until released.</summary>
    private sealed class CountingDerivation : IDisposable
    {
        private readonly SemaphoreSlim released = new(0);
        private int concurrent;

        public List<string> Reasons { get; } = [];
        public SemaphoreSlim Started { get; } = new(0);
        public bool Hold { get; set; }
        public int MostAtOnce { get; private set; }

        public DerivationSummary Run(DerivationRequest request)
        {
            var now = Interlocked.Increment(ref concurrent);
            MostAtOnce = Math.Max(MostAtOnce, now);
            lock (Reasons)
            {
                Reasons.Add(request.Reason);
            }
            Started.Release();
            if (Hold)
            {
                released.Wait(Patience);
            }
            Interlocked.Decrement(ref concurrent);
            return new DerivationSummary(Reasons.Count, 0, 0, 0, 0, TimeSpan.Zero);
        }

        public void Release() => released.Release();

        public void Dispose()
        {
            released.Dispose();
            Started.Dispose();
        }
    }

    [Fact]
    public async Task Two_requests_during_a_run_make_one_more_run()
    {
        using var derivation = new CountingDerivation { Hold = true };
        var queue = new DerivationQueueService(derivation.Run, NullLogger.Instance);
        await queue.StartAsync(CancellationToken.None);

        var first = queue.RequestAndWaitAsync(new DerivationRequest("webhook 1"));
        Assert.True(await derivation.Started.WaitAsync(Patience));
        // Run 1 ("webhook 1") is in progress: these two wait, together.
        var second = queue.RequestAndWaitAsync(new DerivationRequest("webhook 2"));
        var third = queue.RequestAndWaitAsync(new DerivationRequest("sync github"));
        derivation.Release();
        Assert.True(await derivation.Started.WaitAsync(Patience));
        derivation.Release();
        var summaries = await Task.WhenAll(first, second, third).WaitAsync(Patience);
        await queue.WhenIdleAsync();
        await queue.StopAsync(CancellationToken.None);

        // Two runs in all: the first request's, then one for both that waited (their reasons kept together).
        Assert.Equal(["webhook 1", "webhook 2; sync github"], derivation.Reasons);
        Assert.Equal(2, queue.Runs);
        Assert.Equal(1, derivation.MostAtOnce);
        // The summary's first field counts the runs made when it was produced: 1 for the first, 2 for the merged pair.
        Assert.Equal([1, 2, 2], summaries.Select(s => s.ProductionDeployments));
    }

    [Fact]
    public async Task Requests_many_times_over_never_run_two_derivations_at_once()
    {
        using var derivation = new CountingDerivation();
        var queue = new DerivationQueueService(derivation.Run, NullLogger.Instance);
        await queue.StartAsync(CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => queue.RequestAndWaitAsync(new DerivationRequest($"r{i}"))))).WaitAsync(Patience);
        await queue.StopAsync(CancellationToken.None);

        Assert.Equal(1, derivation.MostAtOnce);
        Assert.InRange(queue.Runs, 1, 40);
    }

    [Fact]
    public void Without_a_host_the_caller_runs_the_derivation()
    {
        // A command line builds the services without starting hosted services: RequestAndWait must still derive.
        using var derivation = new CountingDerivation();
        var queue = new DerivationQueueService(derivation.Run, NullLogger.Instance);

        var summary = queue.RequestAndWait(new DerivationRequest("import sample-data"));

        Assert.Equal(["import sample-data"], derivation.Reasons);
        Assert.Equal(1, summary.ProductionDeployments);
    }

    [Fact]
    public async Task A_failed_run_fails_its_waiters_and_the_next_request_runs_again()
    {
        var calls = 0;
        var queue = new DerivationQueueService(_ => ++calls == 1 ? throw new InvalidOperationException("disk full")
            : new DerivationSummary(calls, 0, 0, 0, 0, TimeSpan.Zero), NullLogger.Instance);
        await queue.StartAsync(CancellationToken.None);

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => queue.RequestAndWaitAsync(new DerivationRequest("a")).WaitAsync(Patience));
        var next = await queue.RequestAndWaitAsync(new DerivationRequest("b")).WaitAsync(Patience);
        await queue.StopAsync(CancellationToken.None);

        Assert.Equal("disk full", failed.Message);
        Assert.Equal(2, next.ProductionDeployments);
    }
}
