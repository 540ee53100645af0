using Hangfire;

namespace DevEx.Server.Sync;

/// <summary>The Hangfire job behind every scheduled or requested sync.</summary>
public sealed class SyncJob(SyncRunner runner)
{
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 0)] // the next scheduled run is the retry; a failed run is in sync_runs
    [JobDisplayName("Sync {0}")]
    public async Task RunAsync(string source, CancellationToken cancellationToken)
    {
        var report = await runner.RunAsync(source, null, cancellationToken);
        if (report.Status == "failed")
        {
            throw new InvalidOperationException($"Sync of {source} failed: {report.Error}");
        }
    }
}
