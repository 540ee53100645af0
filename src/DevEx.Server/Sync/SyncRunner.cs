using System.Collections.Concurrent;
using DevEx.Analytics.Derivations;
using DevEx.Collectors.Sync;
using DevEx.Server.Derivation;

namespace DevEx.Server.Sync;

/// <summary>What a sync request came to.</summary>
public sealed record SyncReport(string Source, string RunId, string Status, SyncOutcome? Outcome, string? Error);

/// <summary>
/// Runs one source's sync: never two at once for the same source, every run recorded in sync_runs, derivations
/// requested (and awaited) after a run that wrote rows. Used by the Hangfire job, POST /api/v1/sync/{source} and `devex sync`.
/// </summary>
public sealed class SyncRunner(IEnumerable<ISyncSource> sources, SyncRunStore runs, DerivationQueueService derivations, ILogger<SyncRunner> logger)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public IReadOnlyList<ISyncSource> Sources { get; } = sources.ToList();

    public ISyncSource? Find(string name) => Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public async Task<SyncReport> RunAsync(string name, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var source = Find(name) ?? throw new ArgumentException($"No sync source '{name}'.", nameof(name));
        var gate = Gates.GetOrAdd(source.Name, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, cancellationToken))
        {
            return new SyncReport(source.Name, "", "skipped", null, "a sync of this source is already running");
        }
        try
        {
            var id = runs.Start(source.Name);
            try
            {
                var outcome = await source.RunAsync(progress ?? new Progress<string>(), cancellationToken);
                if (outcome.RowsWritten > 0)
                {
                    await derivations.RequestAndWaitAsync(new DerivationRequest($"sync {source.Name}"), cancellationToken);
                }
                runs.Finish(id, "succeeded", outcome, null);
                return new SyncReport(source.Name, id, "succeeded", outcome, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                runs.Finish(id, "cancelled", null, "cancelled; the next run resumes from the saved cursors");
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sync of {Source} failed", source.Name);
                runs.Finish(id, "failed", null, e.Message);
                // What was written before the failure stays: cursors only move past written rows.
                await derivations.RequestAndWaitAsync(new DerivationRequest($"sync {source.Name} (failed part-way)"), CancellationToken.None);
                return new SyncReport(source.Name, id, "failed", null, e.Message);
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
