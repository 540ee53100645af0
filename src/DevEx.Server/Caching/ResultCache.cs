using System.Collections.Concurrent;
using DevEx.Store;

namespace DevEx.Server.Caching;

/// <summary>
/// Metric results per key (the API's metric answers, dashboard panel data and rendered panels), kept until the derived
/// tables are next rebuilt (a sync, import or webhook), since no result can change before that: a question asked again,
/// by anyone allowed to ask it, is answered without running its queries. Each entry carries the data generation its computation
/// started in and is served only while that generation is current: a render that began before a rebuild and
/// finished after it is never passed off as new data. Bounded: past MaxEntries, the longest unused entries go.
/// </summary>
internal sealed class ResultCache(DuckDbDatabase database)
{
    // The API's answers and the panels share it: 5,000 covers every team's figures for a few windows and their pages.
    private const int MaxEntries = 5_000;
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long clearedAt = -1;

    private int trimming;
    private long uses;

    private sealed class Entry(long generation, Lazy<Task<object>> value)
    {
        public long Generation { get; } = generation;

        public Lazy<Task<object>> Value { get; } = value;

        /// <summary>The cache's use count when it was last served or made: a full cache drops the longest unused first.</summary>
        public long LastUsed;
    }

    private Entry Touch(Entry entry)
    {
        Volatile.Write(ref entry.LastUsed, Interlocked.Increment(ref uses));
        return entry;
    }

    /// <summary>The data generation now. Read it before computing what is later given to <see cref="Set{T}"/>.</summary>
    public long Generation => database.DataGeneration;

    /// <summary>The keys held, whatever their generation (for diagnostics and tests).</summary>
    public IReadOnlyCollection<string> Keys => [.. entries.Keys];

    /// <summary>The kept value, or <paramref name="load"/> run on this thread once for everyone asking the same key meanwhile.</summary>
    public T GetOrAdd<T>(string key, Func<T> load) where T : class =>
        (T)Join(key, () => Task.FromResult<object>(load())).GetAwaiter().GetResult();

    /// <summary>
    /// As <see cref="GetOrAdd{T}"/> for a request thread: a kept value at once; otherwise the computation runs through the
    /// shared <paramref name="gate"/> (as many at once as it lets through, over all requests and panels) and every request
    /// asking the same key meanwhile awaits that one computation, holding no thread. A cold burst then queues on the gate
    /// instead of blocking the thread pool (docs/benchmarks.md, "Load"). A key asked here must never be asked through
    /// <see cref="GetOrAdd{T}"/> from inside the gate (a panel), which would hold a slot waiting on a computation waiting
    /// for one: the API's keys (<c>MetricRequest.Key</c>) and the panels' (<c>PanelLoader</c>) are written apart.
    /// </summary>
    public async Task<T> GetOrAddAsync<T>(string key, Func<T> load, Dashboards.PanelGate gate, CancellationToken cancellationToken) where T : class
    {
        if (TryGet<T>(key, out var kept))
        {
            return kept;
        }
        try
        {
            return (T)await Join(key, () => gate.RunAsync<object>(() => load(), cancellationToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another request's computation, given up with that request: compute it for this one.
            return (T)await Join(key, () => gate.RunAsync<object>(() => load(), cancellationToken)).ConfigureAwait(false);
        }
    }

    private Task<object> Join(string key, Func<Task<object>> start)
    {
        var generation = Generation;
        Trim(generation);
        var fresh = Touch(new Entry(generation, new Lazy<Task<object>>(start, LazyThreadSafetyMode.ExecutionAndPublication)));
        // An entry of an older generation is replaced; one of this generation (or a newer one) is shared.
        var entry = entries.AddOrUpdate(key, fresh, (_, old) => old.Generation >= generation ? old : fresh);
        Task<object> task;
        try
        {
            task = entry.Value.Value;
        }
        catch
        {
            entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)); // a failed load is not remembered
            throw;
        }
        if (!task.IsCompletedSuccessfully)
        {
            _ = task.ContinueWith(_ => entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)), CancellationToken.None,
                TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return task;
    }

    public bool TryGet<T>(string key, out T value) where T : class
    {
        var generation = Generation;
        Trim(generation);
        value = entries.TryGetValue(key, out var entry) && entry.Generation == generation && entry.Value.IsValueCreated
            && entry.Value.Value.IsCompletedSuccessfully ? (T)entry.Value.Value.Result : null!;
        if (value is not null)
        {
            Touch(entry!);
        }
        return value is not null;
    }

    /// <summary>
    /// Stores a value computed from the data of <paramref name="generation"/>, the <see cref="Generation"/> read before
    /// the computation began; if the data was rebuilt meanwhile, the value is never served.
    /// </summary>
    public void Set<T>(string key, T value, long generation) where T : class
    {
        if (generation == Generation)
        {
            entries[key] = Touch(new Entry(generation, new Lazy<Task<object>>(Task.FromResult<object>(value))));
        }
    }

    /// <summary>
    /// Frees the entries of older generations once a new one is seen (they could never be served again); past
    /// MaxEntries, the longest unused tenth. Dropping whichever came first in the dictionary's order once dropped the
    /// answers every page asks, under a stream of one-off questions, and the pages queued behind their recomputation
    /// (docs/benchmarks.md, "Load").
    /// </summary>
    private void Trim(long generation)
    {
        var last = Interlocked.Read(ref clearedAt);
        if (generation > last && Interlocked.CompareExchange(ref clearedAt, generation, last) == last)
        {
            foreach (var (key, entry) in entries)
            {
                if (entry.Generation < generation)
                {
                    entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                }
            }
        }
        if (entries.Count > MaxEntries && Interlocked.Exchange(ref trimming, 1) == 0)
        {
            try
            {
                var unused = entries.OrderBy(e => Volatile.Read(ref e.Value.LastUsed)).Take(entries.Count - MaxEntries * 9 / 10).ToList();
                foreach (var stale in unused)
                {
                    entries.TryRemove(stale);
                }
            }
            finally
            {
                Volatile.Write(ref trimming, 0);
            }
        }
    }
}
