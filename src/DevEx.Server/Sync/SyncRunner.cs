using System.Collections.Concurrent;
using DevEx.Analytics.Derivations;
using DevEx.Collectors.Sync;
using DevEx.Server.Derivation;
using DevEx.Store;
using DevEx.Store.Reading;
using DevEx.Store.State;
using NodaTime;

namespace DevEx.Server.Sync;

/// <summary>What a sync request came to.</summary>
public sealed record SyncReport(string Source, string RunId, string Status, SyncOutcome? Outcome, string? Error);

/// <summary>
/// Runs one source's sync: never two at once for the same source, every run recorded in sync_runs, derivations
/// requested (and awaited) after a run that wrote rows. Used by the Hangfire job, POST /api/v1/sync/{source} and `devex sync`.
/// The derivation is owed durably from the start (derivation_requests, in full: what a crash mid-sync wrote is unknown),
/// so a sync cut short by a crash or a stop is derived at the next start. A GitHub sync that finishes asks for its
/// touched repositories only (<see cref="SyncStateReader.CursorsWrittenSince"/>) unless it wrote tickets (issues as
/// tickets); other sources feed tickets and calendars, which derive in full.
/// </summary>
public sealed class SyncRunner(IEnumerable<ISyncSource> sources, SyncRunStore runs, DerivationQueueService derivations, DuckDbDatabase database,
    IClock clock, ILogger<SyncRunner> logger)
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
            var started = clock.GetCurrentInstant();
            var owed = new OwedDerivationStore(database);
            var owedId = owed.Record($"sync {source.Name}", null, null, started);
            try
            {
                var outcome = await source.RunAsync(progress ?? new Progress<string>(), cancellationToken);
                // Recorded before the derivation is awaited: the rows are written and the derivation queued, so a
                // cancellation while waiting for it does not make the run "cancelled".
                runs.Finish(id, "succeeded", outcome, null);
                if (outcome.RowsWritten > 0)
                {
                    await WaitForDerivation(Touched(source.Name, started), owedId, cancellationToken);
                }
                else
                {
                    owed.Clear([owedId]); // nothing written, nothing owed
                }
                return new SyncReport(source.Name, id, "succeeded", outcome, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                runs.Finish(id, "cancelled", null, "cancelled; the next run resumes from the saved cursors");
                // What was written before the cancellation is derived without waiting (or, when stopping, at the next start).
                derivations.Request(new DerivationRequest($"sync {source.Name} (cancelled part-way)"), owedId);
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sync of {Source} failed", source.Name);
                runs.Finish(id, "failed", null, e.Message);
                // What was written before the failure stays: cursors only move past written rows.
                await WaitForDerivation(new DerivationRequest($"sync {source.Name} (failed part-way)"), owedId, CancellationToken.None);
                return new SyncReport(source.Name, id, "failed", null, e.Message);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    // GitHub writes each repository's cursors with its rows: those written since the start are the repositories touched.
    // Ticket statuses feed every ticket's figures (as for a webhook): a sync that wrote tickets derives them all.
    private DerivationRequest Touched(string source, Instant started)
    {
        var reason = $"sync {source}";
        if (!string.Equals(source, GitHubSource, StringComparison.OrdinalIgnoreCase))
        {
            return new DerivationRequest(reason);
        }
        var cursors = SyncStateReader.CursorsWrittenSince(database, GitHubSource, started);
        return cursors.Count == 0 || cursors.Any(c => c.Resource == "tickets")
            ? new DerivationRequest(reason)
            : DerivationRequest.For(reason, cursors.Select(c => c.Scope));
    }

    private const string GitHubSource = DevEx.Collectors.GitHub.Mapping.GitHubMapping.Source;

    // The queue completes waiters cancelled when it stops (or the caller gives up): the sync's result stands either way,
    // and the owed row keeps the derivation for the next start.
    private async Task WaitForDerivation(DerivationRequest request, string owedId, CancellationToken cancellationToken)
    {
        try
        {
            await derivations.RequestAndWaitAsync(request, owedId, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Not waiting for the derivation ({Reason}): cancelled or stopping", request.Reason);
        }
    }
}
