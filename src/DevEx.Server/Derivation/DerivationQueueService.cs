using System.Threading.Channels;
using System.Collections.Immutable;
using DevEx.Analytics.Derivations;
using DevEx.Store;
using DevEx.Store.State;

namespace DevEx.Server.Derivation;

/// <summary>
/// The one place the server derives: imports, syncs, webhooks and the start-up upgrade <see cref="Request"/> a
/// derivation instead of running one, and this hosted service runs them one at a time on its own thread.
/// A request that arrives while a run is in progress waits in a single pending run that absorbs every later
/// request too, so many requests during a run make one more run, not many. The channel carries only the
/// signal "something is pending" (capacity 1, further signals dropped): the pending run itself holds the merge.
/// Callers that need the result (the import command and endpoint, seeding, tests) await it.
/// Without a running host (a command line), the caller's own thread drains the queue.
/// A webhook's or a sync's derivation is also kept in derivation_requests (written with its rows): re-requested at
/// start, deleted once a run covering it has committed. A failed run is retried (<see cref="Attempts"/>, doubling delay);
/// on stop no new run starts, the running one gets the stop token (it gives up between stages, never inside its
/// write) and pending waiters complete cancelled.
/// </summary>
public sealed class DerivationQueueService : BackgroundService
{
    private readonly Func<DerivationRequest, CancellationToken, DerivationSummary> derive;
    private readonly ILogger logger;
    private readonly OwedDerivationStore? owed;
    private readonly TimeSpan retryDelay;

    /// <summary>A failed run is tried this often in all (a locked file, a full disk that clears) before its waiters fail.</summary>
    internal const int Attempts = 3;
    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Lock gate = new();
    private readonly SemaphoreSlim oneRunAtATime = new(1, 1);
    private PendingRun? pending;
    private PendingRun? current;
    private volatile bool hosted;
    private bool stopped; // under gate: once stopping, nothing new is parked where no one would run it
    private long runs;

    public DerivationQueueService(DerivationSteps steps, DuckDbDatabase database, ILogger<DerivationQueueService> logger)
        : this(steps.Run, logger, new OwedDerivationStore(database), null)
    {
    }

    /// <param name="derive">What a run does; tests pass a function they can hold and count.</param>
    /// <param name="owed">Where owed derivations (derivation_requests) are kept.</param>
    /// <param name="retryDelay">Wait before the second attempt, doubled before each further one (default 2 s).</param>
    internal DerivationQueueService(Func<DerivationRequest, DerivationSummary> derive, ILogger logger, OwedDerivationStore? owed = null,
        TimeSpan? retryDelay = null)
        : this((request, _) => derive(request), logger, owed, retryDelay)
    {
    }

    /// <param name="derive">What a run does, given the token that fires when the host stops (checked between its stages).</param>
    /// <param name="owed">Where owed derivations (derivation_requests) are kept: re-requested at start, cleared after a run.</param>
    /// <param name="retryDelay">Wait before the second attempt, doubled before each further one (default 2 s).</param>
    internal DerivationQueueService(Func<DerivationRequest, CancellationToken, DerivationSummary> derive, ILogger logger, OwedDerivationStore? owed,
        TimeSpan? retryDelay)
    {
        this.retryDelay = retryDelay ?? TimeSpan.FromSeconds(2);
        this.derive = derive;
        this.logger = logger;
        this.owed = owed;
    }

    /// <summary>How many runs this queue has made (each merged batch of requests counts once).</summary>
    public long Runs => Interlocked.Read(ref runs);

    /// <summary>Asks for a derivation and returns at once; the result is logged.</summary>
    public void Request(DerivationRequest request) => _ = Enqueue(request, []);

    /// <summary>Asks for a derivation recorded as owed (<see cref="OwedDerivationStore.Insert"/>): its row is deleted once a run covering it commits.</summary>
    public void Request(DerivationRequest request, string owedId) => _ = Enqueue(request, [owedId]);

    /// <summary>Asks for a derivation and completes with the run that included it.</summary>
    public Task<DerivationSummary> RequestAndWaitAsync(DerivationRequest request, CancellationToken cancellationToken = default) =>
        Enqueue(request, []).WaitAsync(cancellationToken);

    /// <summary>As <see cref="RequestAndWaitAsync(DerivationRequest, CancellationToken)"/> for a derivation recorded as owed (a sync's).</summary>
    public Task<DerivationSummary> RequestAndWaitAsync(DerivationRequest request, string owedId, CancellationToken cancellationToken = default) =>
        Enqueue(request, [owedId]).WaitAsync(cancellationToken);

    /// <summary>For synchronous callers (the import command, start-up hosted services): blocks until the run is done.
    /// Completes cancelled when the queue stops before the run, or when <paramref name="cancellationToken"/> fires.</summary>
    public DerivationSummary RequestAndWait(DerivationRequest request, CancellationToken cancellationToken = default) =>
        Enqueue(request, []).WaitAsync(cancellationToken).GetAwaiter().GetResult();

    /// <summary>As <see cref="RequestAndWait(DerivationRequest, CancellationToken)"/> for a derivation recorded as owed (an import's).</summary>
    public DerivationSummary RequestAndWait(DerivationRequest request, string owedId, CancellationToken cancellationToken = default) =>
        Enqueue(request, [owedId]).WaitAsync(cancellationToken).GetAwaiter().GetResult();

    /// <summary>Completes when nothing is pending or running (tests, and whoever wants "metrics reflect what I wrote").</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task? busy;
            lock (gate)
            {
                busy = pending?.Completion.Task ?? current?.Completion.Task;
            }
            if (busy is null)
            {
                return;
            }
            await ((Task)busy).ContinueWith(_ => { }, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        hosted = true;
        // What a previous process accepted but did not derive (it stopped, crashed or its run failed) runs first.
        foreach (var o in owed?.All() ?? [])
        {
            var request = o.Repos is null ? new DerivationRequest(o.Reason) : DerivationRequest.For(o.Reason, o.Repos, o.Services);
            _ = Enqueue(request, [o.Id]);
        }
        return base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// Stops accepting, stops a run in progress between its stages (never inside its write; one already writing finishes) and completes the
    /// waiters of what is still pending as cancelled, so no caller waits for a run that will not happen.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            stopped = true;
        }
        await base.StopAsync(cancellationToken);
        PendingRun? left;
        lock (gate)
        {
            left = pending;
            pending = null;
        }
        if (left is not null)
        {
            logger.LogWarning("Stopping with a derivation pending ({Reason}): not run; what webhooks are owed runs at the next start", left.Request.Reason);
            left.Completion.TrySetCanceled(CancellationToken.None);
        }
        hosted = false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in signal.Reader.ReadAllAsync(stoppingToken))
            {
                Drain(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a run in progress has finished (Drain is synchronous); StopAsync cancels what is still pending.
        }
    }

    private Task<DerivationSummary> Enqueue(DerivationRequest request, ImmutableList<string> owedIds)
    {
        ArgumentNullException.ThrowIfNull(request);
        Task<DerivationSummary> completion;
        lock (gate)
        {
            if (stopped)
            {
                return Task.FromCanceled<DerivationSummary>(new CancellationToken(canceled: true));
            }
            pending = pending is null ? new PendingRun(request) { Owed = owedIds }
                : pending with { Request = pending.Request.Merge(request), Owed = pending.Owed.AddRange(owedIds) };
            completion = pending.Completion.Task;
        }
        signal.Writer.TryWrite(true);
        if (!hosted)
        {
            Drain(CancellationToken.None);
        }
        return completion;
    }

    /// <summary>Runs what is pending, if anything; the pending run is taken only once the previous run is over.</summary>
    private void Drain(CancellationToken stoppingToken)
    {
        oneRunAtATime.Wait(CancellationToken.None);
        try
        {
            PendingRun? run;
            lock (gate)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    return; // stopping: no new run starts, StopAsync completes what is pending
                }
                run = pending;
                pending = null;
                current = run;
            }
            if (run is null)
            {
                return;
            }
            Interlocked.Increment(ref runs);
            try
            {
                var summary = DeriveWithRetries(run.Request, stoppingToken);
                owed?.Clear(run.Owed); // after the run committed: a crash in between only derives once more
                logger.LogInformation("Derived {Kind} ({Reason}) in {Elapsed} ms, {Write} ms of it writing: {Deployments} production deployments, {PullRequests} pull requests",
                    summary.Incremental ? "incrementally" : "in full", run.Request.Reason, (long)summary.Elapsed.TotalMilliseconds,
                    (long)summary.WriteElapsed.TotalMilliseconds, summary.ProductionDeployments, summary.PullRequests);
                Finish(() => run.Completion.TrySetResult(summary));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopped between stages, before its write: the derived tables are as they were, owed rows stay owed.
                logger.LogWarning("Derivation ({Reason}) stopped before its write: the host is stopping; what webhooks are owed runs at the next start",
                    run.Request.Reason);
                Finish(() => run.Completion.TrySetCanceled(CancellationToken.None));
            }
            catch (Exception e)
            {
                logger.LogError(e, "Derivation ({Reason}) failed", run.Request.Reason);
                Finish(() => run.Completion.TrySetException(e));
            }
        }
        finally
        {
            oneRunAtATime.Release();
        }
    }

    // Bounded: after the last attempt the waiters fail, and what webhooks are owed stays in derivation_requests.
    private DerivationSummary DeriveWithRetries(DerivationRequest request, CancellationToken stoppingToken)
    {
        var delay = retryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return derive(request, stoppingToken);
            }
            catch (Exception e) when (attempt < Attempts && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Derivation ({Reason}) failed, attempt {Attempt} of {Attempts}; retrying in {Delay} ms",
                    request.Reason, attempt, Attempts, (long)delay.TotalMilliseconds);
            }
            stoppingToken.WaitHandle.WaitOne(delay);
            stoppingToken.ThrowIfCancellationRequested();
            delay *= 2;
        }
    }

    // "current" is cleared before the waiters resume, so WhenIdleAsync sees the run as over.
    private void Finish(Func<bool> complete)
    {
        lock (gate)
        {
            current = null;
        }
        complete();
    }

    /// <summary>The requests one run will serve, and the completion every one of them awaits.</summary>
    private sealed record PendingRun(DerivationRequest Request)
    {
        public TaskCompletionSource<DerivationSummary> Completion { get; init; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The derivation_requests rows this run covers.</summary>
        public ImmutableList<string> Owed { get; init; } = [];
    }
}
