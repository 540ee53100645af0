using System.Threading.Channels;
using DevEx.Analytics.Derivations;

namespace DevEx.Server.Derivation;

/// <summary>
/// The one place the server derives: imports, syncs, webhooks and the start-up upgrade <see cref="Request"/> a
/// derivation instead of running one, and this hosted service runs them one at a time on its own thread.
/// A request that arrives while a run is in progress waits in a single pending run that absorbs every later
/// request too, so many requests during a run make one more run, not many. The channel carries only the
/// signal "something is pending" (capacity 1, further signals dropped): the pending run itself holds the merge.
/// Callers that need the result (the import command and endpoint, seeding, tests) await it.
/// Without a running host (a command line), the caller's own thread drains the queue.
/// </summary>
public sealed class DerivationQueueService : BackgroundService
{
    private readonly Func<DerivationRequest, DerivationSummary> derive;
    private readonly ILogger logger;
    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Lock gate = new();
    private readonly SemaphoreSlim oneRunAtATime = new(1, 1);
    private PendingRun? pending;
    private PendingRun? current;
    private volatile bool hosted;
    private long runs;

    public DerivationQueueService(DerivationRunner runner, ILogger<DerivationQueueService> logger)
        : this(runner.Run, logger)
    {
    }

    /// <param name="derive">What a run does; tests pass a function they can hold and count.</param>
    internal DerivationQueueService(Func<DerivationRequest, DerivationSummary> derive, ILogger logger)
    {
        this.derive = derive;
        this.logger = logger;
    }

    /// <summary>How many runs this queue has made (each merged batch of requests counts once).</summary>
    public long Runs => Interlocked.Read(ref runs);

    /// <summary>Asks for a derivation and returns at once; the result is logged.</summary>
    public void Request(DerivationRequest request) => _ = Enqueue(request);

    /// <summary>Asks for a derivation and completes with the run that included it.</summary>
    public Task<DerivationSummary> RequestAndWaitAsync(DerivationRequest request, CancellationToken cancellationToken = default) =>
        Enqueue(request).WaitAsync(cancellationToken);

    /// <summary>For synchronous callers (the import command, start-up hosted services): blocks until the run is done.</summary>
    public DerivationSummary RequestAndWait(DerivationRequest request) => Enqueue(request).GetAwaiter().GetResult();

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
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        hosted = false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in signal.Reader.ReadAllAsync(stoppingToken))
            {
                Drain();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a run in progress has finished (Drain is synchronous); what is pending runs at the next start.
        }
    }

    private Task<DerivationSummary> Enqueue(DerivationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Task<DerivationSummary> completion;
        lock (gate)
        {
            pending = pending is null ? new PendingRun(request) : pending with { Request = pending.Request.Merge(request) };
            completion = pending.Completion.Task;
        }
        signal.Writer.TryWrite(true);
        if (!hosted)
        {
            Drain();
        }
        return completion;
    }

    /// <summary>Runs what is pending, if anything; the pending run is taken only once the previous run is over.</summary>
    private void Drain()
    {
        oneRunAtATime.Wait();
        try
        {
            PendingRun? run;
            lock (gate)
            {
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
                var summary = derive(run.Request);
                logger.LogInformation("Derived {Kind} ({Reason}) in {Elapsed} ms, {Write} ms of it writing: {Deployments} production deployments, {PullRequests} pull requests",
                    summary.Incremental ? "incrementally" : "in full", run.Request.Reason, (long)summary.Elapsed.TotalMilliseconds,
                    (long)summary.WriteElapsed.TotalMilliseconds, summary.ProductionDeployments, summary.PullRequests);
                Finish(() => run.Completion.TrySetResult(summary));
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
    }
}
