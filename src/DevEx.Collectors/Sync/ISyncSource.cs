namespace DevEx.Collectors.Sync;

/// <summary>
/// A source DevEx collects from on a schedule (GitHub, Jira, calendar feeds). A collector is a plain
/// <see cref="RunAsync"/>: no ASP.NET, no Hangfire; the host schedules it, keeps runs from overlapping and refreshes
/// derivations afterwards.
/// </summary>
public interface ISyncSource
{
    /// <summary>The name used in URLs, the command line and sync_runs (github, jira, ...).</summary>
    string Name { get; }

    /// <summary>False when the configuration names nothing to collect; the source is then not scheduled.</summary>
    bool IsConfigured { get; }

    /// <summary>Cron expression (UTC) of the recurring run.</summary>
    string Schedule { get; }

    Task<SyncOutcome> RunAsync(IProgress<string> progress, CancellationToken cancellationToken);
}

/// <summary>What one run did: rows written, requests sent over the wire and how many were answered 304.</summary>
public sealed record SyncOutcome(long RowsWritten, long Requests, long NotModified, string? Note = null);
