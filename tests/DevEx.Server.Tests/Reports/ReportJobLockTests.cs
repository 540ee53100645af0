using System.Reflection;
using DevEx.Server.Reports;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Server;
using Hangfire.Storage;

namespace DevEx.Server.Tests.Reports;

/// <summary>The weekly report job's concurrency filter, as Hangfire runs it: one lock per team, not one for all teams.</summary>
public sealed class ReportJobLockTests : IDisposable
{
    private readonly InMemoryStorage storage = NewStorage();
    private readonly DisableConcurrentExecutionAttribute filter = typeof(WeeklyReportJob).GetMethod(nameof(WeeklyReportJob.RunAsync))!
        .GetCustomAttribute<DisableConcurrentExecutionAttribute>()!;

    private PerformingContext Performing(IStorageConnection connection, string team)
    {
        var job = Job.FromExpression<WeeklyReportJob>(j => j.RunAsync(team, null, CancellationToken.None));
        return new PerformingContext(new PerformContext(storage, connection, new BackgroundJob("job-" + team, job, DateTime.UtcNow),
            new JobCancellationToken(false)));
    }

    [Fact]
    public void A_running_team_holds_its_own_lock_and_another_team_runs_at_the_same_time()
    {
        using var first = storage.GetConnection();
        using var second = storage.GetConnection();
        var core = Performing(first, "core");
        filter.OnPerforming(core); // core's run is in progress

        // Another run of core cannot start...
        Assert.Throws<DistributedLockTimeoutException>(() =>
            second.AcquireDistributedLock("report-weekly:core", TimeSpan.Zero));
        // ...while web's run starts at once (with one lock for all teams it would wait the filter's 60 s and fail).
        var web = Performing(second, "web");
        filter.OnPerforming(web);

        ((IDisposable)web.Items["DistributedLock"]).Dispose();
        ((IDisposable)core.Items["DistributedLock"]).Dispose();
    }

    public void Dispose() => storage.Dispose();

    /// <summary>
    /// Hangfire's log provider is process-wide: the last test host that started Hangfire set it to its own logger
    /// factory, which is disposed when that host is. A storage made outside any host asks it for a logger, so it is
    /// pointed at a silent provider first.
    /// </summary>
    private static InMemoryStorage NewStorage()
    {
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new SilentLogProvider());
        return new InMemoryStorage();
    }

    private sealed class SilentLogProvider : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
