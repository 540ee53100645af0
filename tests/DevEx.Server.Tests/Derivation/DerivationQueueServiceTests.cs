using DevEx.Analytics.Derivations;
using DevEx.Server.Derivation;
using DevEx.Store.State;
using DevEx.TestSupport;
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
    public async Task A_run_that_fails_every_attempt_fails_its_waiters_and_the_next_request_runs_again()
    {
        var calls = 0;
        var queue = new DerivationQueueService(_ => ++calls <= DerivationQueueService.Attempts ? throw new InvalidOperationException("disk full")
            : new DerivationSummary(calls, 0, 0, 0, 0, TimeSpan.Zero), NullLogger.Instance, retryDelay: TimeSpan.FromMilliseconds(1));
        await queue.StartAsync(CancellationToken.None);

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => queue.RequestAndWaitAsync(new DerivationRequest("a")).WaitAsync(Patience));
        var next = await queue.RequestAndWaitAsync(new DerivationRequest("b")).WaitAsync(Patience);
        await queue.StopAsync(CancellationToken.None);

        Assert.Equal("disk full", failed.Message);
        // Three failed attempts, then the next request's run is call 4.
        Assert.Equal(4, next.ProductionDeployments);
    }

    [Fact]
    public async Task A_run_that_throws_once_is_retried_and_its_owed_row_cleared()
    {
        using var temporary = TemporaryDatabase.Migrated();
        var store = new OwedDerivationStore(temporary.Database);
        var calls = 0;
        var queue = new DerivationQueueService(_ => ++calls == 1 ? throw new InvalidOperationException("file locked")
            : new DerivationSummary(calls, 0, 0, 0, 0, TimeSpan.Zero), NullLogger.Instance, store, TimeSpan.FromMilliseconds(1));
        await queue.StartAsync(CancellationToken.None);

        var id = temporary.Database.Write((connection, _) =>
            OwedDerivationStore.Insert(connection, "webhook d2 (push)", ["acme/api"], [], NodaTime.Instant.FromUtc(2026, 12, 7, 11, 0)));
        queue.Request(DerivationRequest.For("webhook d2 (push)", ["acme/api"]), id);
        await queue.WhenIdleAsync().WaitAsync(Patience);
        await queue.StopAsync(CancellationToken.None);

        // Call 1 threw, call 2 (the retry) succeeded and cleared the row.
        Assert.Equal(2, calls);
        Assert.Equal(1, queue.Runs);
        Assert.Empty(store.All());
    }

    [Fact]
    public async Task Stopping_with_a_request_pending_cancels_its_waiter_and_lets_the_running_one_finish()
    {
        using var derivation = new CountingDerivation { Hold = true };
        var queue = new DerivationQueueService(derivation.Run, NullLogger.Instance);
        await queue.StartAsync(CancellationToken.None);

        var running = queue.RequestAndWaitAsync(new DerivationRequest("webhook 1"));
        Assert.True(await derivation.Started.WaitAsync(Patience));
        var pending = queue.RequestAndWaitAsync(new DerivationRequest("webhook 2"));
        var stopping = queue.StopAsync(CancellationToken.None);
        derivation.Release();
        await stopping.WaitAsync(Patience);

        // The run in progress finished (the first run: 1); the pending one never ran, and its waiter does not hang.
        Assert.Equal(1, (await running.WaitAsync(Patience)).ProductionDeployments);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(Patience));
        // After the stop a request is refused at once rather than parked.
        Assert.Throws<TaskCanceledException>(() => queue.RequestAndWait(new DerivationRequest("late")));
        Assert.Equal(["webhook 1"], derivation.Reasons);
        Assert.Equal(1, queue.Runs);
    }

    [Fact]
    public async Task An_owed_derivation_left_at_a_stop_stays_in_the_table_and_runs_at_the_next_start()
    {
        using var temporary = TemporaryDatabase.Migrated();
        var store = new OwedDerivationStore(temporary.Database);
        using var derivation = new CountingDerivation { Hold = true };
        var queue = new DerivationQueueService(derivation.Run, NullLogger.Instance, store);
        await queue.StartAsync(CancellationToken.None);

        var running = queue.RequestAndWaitAsync(new DerivationRequest("sync github"));
        Assert.True(await derivation.Started.WaitAsync(Patience));
        // A webhook's rows and its owed derivation commit together, then it asks; the queue stops before the run.
        var id = temporary.Database.Write((connection, _) =>
            OwedDerivationStore.Insert(connection, "webhook d1 (push)", ["acme/api"], ["api"], NodaTime.Instant.FromUtc(2026, 12, 7, 11, 0)));
        queue.Request(DerivationRequest.For("webhook d1 (push)", ["acme/api"], ["api"]), id);
        var stopping = queue.StopAsync(CancellationToken.None);
        derivation.Release();
        await stopping.WaitAsync(Patience);
        await running.WaitAsync(Patience);

        var left = Assert.Single(store.All());
        Assert.Equal((id, "webhook d1 (push)", "acme/api", "api"), (left.Id, left.Reason, Assert.Single(left.Repos!), Assert.Single(left.Services)));

        // The next process: the owed request runs at start, and once it has, nothing is owed any more.
        derivation.Hold = false;
        var restarted = new DerivationQueueService(derivation.Run, NullLogger.Instance, store);
        await restarted.StartAsync(CancellationToken.None);
        Assert.True(await derivation.Started.WaitAsync(Patience));
        await restarted.WhenIdleAsync().WaitAsync(Patience);
        await restarted.StopAsync(CancellationToken.None);

        Assert.Equal(["sync github", "webhook d1 (push)"], derivation.Reasons);
        Assert.Empty(store.All());
    }

    [Fact]
    public async Task Stopping_hands_the_running_derivation_the_stop_token_and_what_it_owed_stays_owed()
    {
        using var temporary = TemporaryDatabase.Migrated();
        var store = new OwedDerivationStore(temporary.Database);
        using var started = new SemaphoreSlim(0);
        var sawStop = false;
        // A run that is between its stages when the stop comes: it checks the token, as DerivationRunner does.
        var queue = new DerivationQueueService((_, stopping) =>
        {
            started.Release();
            sawStop = stopping.WaitHandle.WaitOne(Patience);
            stopping.ThrowIfCancellationRequested();
            return new DerivationSummary(1, 0, 0, 0, 0, TimeSpan.Zero);
        }, NullLogger.Instance, store, TimeSpan.FromMilliseconds(1));
        await queue.StartAsync(CancellationToken.None);
        var id = temporary.Database.Write((connection, _) =>
            OwedDerivationStore.Insert(connection, "webhook d2 (push)", ["acme/api"], ["api"], NodaTime.Instant.FromUtc(2026, 12, 7, 12, 0)));

        queue.Request(DerivationRequest.For("webhook d2 (push)", ["acme/api"], ["api"]), id);
        var waiter = queue.RequestAndWaitAsync(new DerivationRequest("sync github"));
        Assert.True(await started.WaitAsync(Patience));
        await queue.StopAsync(CancellationToken.None).WaitAsync(Patience);

        // The run gave up at the stop (not after the 30 s it would wait), was not retried, and its waiter is cancelled.
        Assert.True(sawStop);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.WaitAsync(Patience));
        Assert.Equal(1, queue.Runs);
        Assert.Equal(id, Assert.Single(store.All()).Id);
    }
}
