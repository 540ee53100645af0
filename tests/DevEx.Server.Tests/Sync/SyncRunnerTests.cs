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

    public SyncRunnerTests()
    {
        Directory.CreateDirectory(directory);
        database = DuckDbDatabase.OpenAndMigrate(Path.Combine(directory, "t.duckdb"));
        runs = new SyncRunStore(database, new FakeClock(Instant.FromUtc(2026, 2, 11, 12, 0)));
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

    private SyncRunner Runner(ISyncSource source) =>
        new([source], runs, new DevEx.Server.Derivation.DerivationQueueService(new DerivationRunner(database, new MetricOptions()),
            NullLogger<DevEx.Server.Derivation.DerivationQueueService>.Instance), NullLogger<SyncRunner>.Instance);

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
