using DevEx.Analytics;
using DevEx.Analytics.Derivations;
using DevEx.Collectors.Sync;
using DevEx.Server.Sync;
using DevEx.Store;
using DevEx.Store.State;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Server.Tests.Sync;

/// <summary>The runner keeps runs of one source from overlapping and records failures.</summary>
public sealed class SyncRunnerTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));
    private readonly DuckDbDatabase database;
    private readonly SyncRunStore runs;
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    public SyncRunnerTests()
    {
        Directory.CreateDirectory(directory);
        database = DuckDbDatabase.OpenAndMigrate(Path.Combine(directory, "t.duckdb"));
        runs = new SyncRunStore(database, clock);
    }

    [Fact]
    public async Task A_second_run_of_the_same_source_while_one_is_running_is_skipped()
    {
        var gate = new TaskCompletionSource();
        var source = new BlockingSource("blocking-a", gate.Task);
        var runner = Runner(source);
        var first = runner.RunAsync("blocking-a", null, CancellationToken.None);
        var second = await runner.RunAsync("blocking-a", null, CancellationToken.None);
        gate.SetResult();
        Assert.Equal("skipped", second.Status);
        Assert.Equal("succeeded", (await first).Status);
        Assert.Equal(1, source.Runs);
    }

    [Fact]
    public async Task A_failing_source_is_recorded_with_its_error()
    {
        var runner = Runner(new FailingSource());
        var report = await runner.RunAsync("failing", null, CancellationToken.None);
        Assert.Equal(("failed", "GitHub said no"), (report.Status, report.Error));
        var latest = Assert.Single(runs.Latest());
        Assert.Equal(("failed", "GitHub said no"), (latest.Status, latest.Error));
    }

    [Fact]
    public async Task A_github_sync_asks_for_the_repositories_whose_cursors_it_wrote_and_owes_a_full_derivation_while_it_runs()
    {
        var requests = new List<DerivationRequest>();
        var owed = new OwedDerivationStore(database);
        // An earlier sync's cursor of another repository, an hour before: not touched by this one.
        clock.AdvanceHours(-1);
        new SyncStateStore(database, clock).Set("github", "acme/old", "pulls", "2026-02-11T10:00:00Z");
        clock.AdvanceHours(1);
        var source = new WritingSource("github", database, clock, ("acme/api", "pulls"), ("acme/api", "runs"), ("acme/web", "deployments"));
        var runner = Runner(source, requests);

        var report = await runner.RunAsync("github", null, CancellationToken.None);

        // While it ran, a full derivation was owed (a crash then would derive everything at the next start).
        var during = Assert.Single(source.OwedWhileRunning);
        Assert.Equal(("sync github", null), (during.Reason, during.Repos));
        // Done: the touched repositories only, and nothing is owed any more.
        Assert.Equal("succeeded", report.Status);
        var request = Assert.Single(requests);
        Assert.Equal(["acme/api", "acme/web"], request.Repos!.Order(StringComparer.Ordinal));
        Assert.Empty(owed.All());
    }

    [Fact]
    public async Task A_github_sync_that_wrote_tickets_and_any_other_source_derive_in_full()
    {
        var requests = new List<DerivationRequest>();
        var tickets = Runner(new WritingSource("github", database, clock, ("acme/api", "pulls"), ("acme/api", "tickets")), requests);
        await tickets.RunAsync("github", null, CancellationToken.None);
        var jira = Runner(new WritingSource("jira", database, clock), requests);
        await jira.RunAsync("jira", null, CancellationToken.None);

        Assert.Equal([true, true], requests.Select(r => r.IsFull));
    }

    [Fact]
    public async Task A_sync_that_wrote_nothing_derives_nothing_and_owes_nothing()
    {
        var requests = new List<DerivationRequest>();
        var gate = new TaskCompletionSource();
        gate.SetResult();

        var report = await Runner(new BlockingSource("quiet", gate.Task), requests).RunAsync("quiet", null, CancellationToken.None);

        Assert.Equal("succeeded", report.Status);
        Assert.Empty(requests);
        Assert.Empty(new OwedDerivationStore(database).All());
    }

    private SyncRunner Runner(ISyncSource source) =>
        new([source], runs, new DevEx.Server.Derivation.DerivationQueueService((DerivationRequest request, CancellationToken stopping) => new DerivationRunner(database, new MetricOptions()).Run(request, stopping),
            NullLogger<DevEx.Server.Derivation.DerivationQueueService>.Instance, new OwedDerivationStore(database), null), database, clock, NullLogger<SyncRunner>.Instance);

    // A queue whose runs only record their request (no host: the caller's thread runs it), clearing owed rows as a real one does.
    private SyncRunner Runner(ISyncSource source, List<DerivationRequest> requests) =>
        new([source], runs, new DevEx.Server.Derivation.DerivationQueueService(request =>
        {
            requests.Add(request);
            return new DerivationSummary(0, 0, 0, 0, 0, TimeSpan.Zero);
        }, NullLogger.Instance, new OwedDerivationStore(database)), database, clock, NullLogger<SyncRunner>.Instance);

    /// <summary>Writes one cursor per (scope, resource) at the clock's time, as a collector does with its rows, and reports rows written.</summary>
    private sealed class WritingSource(string name, DuckDbDatabase database, FakeClock clock, params (string Scope, string Resource)[] cursors) : ISyncSource
    {
        public List<OwedDerivation> OwedWhileRunning { get; } = [];
        public string Name => name;
        public bool IsConfigured => true;
        public string Schedule => "0 * * * *";

        public Task<SyncOutcome> RunAsync(IProgress<string> progress, CancellationToken cancellationToken)
        {
            OwedWhileRunning.AddRange(new OwedDerivationStore(database).All());
            var state = new SyncStateStore(database, clock);
            foreach (var (scope, resource) in cursors)
            {
                state.Set(name, scope, resource, "2026-02-11T12:00:00Z");
            }
            return Task.FromResult(new SyncOutcome(10, 3, 0));
        }
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private sealed class BlockingSource(string name, Task gate) : ISyncSource
    {
        public int Runs { get; private set; }
        public string Name => name;
        public bool IsConfigured => true;
        public string Schedule => "0 * * * *";

        public async Task<SyncOutcome> RunAsync(IProgress<string> progress, CancellationToken cancellationToken)
        {
            Runs++;
            await gate;
            return new SyncOutcome(0, 0, 0);
        }
    }

    private sealed class FailingSource : ISyncSource
    {
        public string Name => "failing";
        public bool IsConfigured => true;
        public string Schedule => "0 * * * *";

        public Task<SyncOutcome> RunAsync(IProgress<string> progress, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("GitHub said no");
    }
}
