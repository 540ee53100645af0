using System.Collections.Concurrent;
using DevEx.Store;

namespace DevEx.Server.Caching;

/// <summary>
/// Metric results per key (the API's metric answers, dashboard panel data and rendered panels), kept until the derived
/// tables are next rebuilt (a sync, import or webhook), since no result can change before that: a question asked again,
/// by anyone allowed to ask it, is answered without running its queries. Each entry carries the data generation its computation
/// started in and is served only while that generation is current: a render that began before a rebuild and
/// finished after it is never passed off as new data. Bounded: cleared when it grows past MaxEntries.
/// </summary>
internal sealed class ResultCache(DuckDbDatabase database)
{
    // The API's answers and the panels share it: 5,000 covers every team's figures for a few windows and their pages.
    private const int MaxEntries = 5_000;
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long clearedAt = -1;

    private sealed record Entry(long Generation, Lazy<object> Value);

    /// <summary>The data generation now. Read it before computing what is later given to <see cref="Set{T}"/>.</summary>
    public long Generation => database.DataGeneration;

    /// <summary>The keys held, whatever their generation (for diagnostics and tests).</summary>
    public IReadOnlyCollection<string> Keys => [.. entries.Keys];

    public T GetOrAdd<T>(string key, Func<T> load) where T : class
    {
        var generation = Generation;
        Trim(generation);
        var fresh = new Entry(generation, new Lazy<object>(() => load(), LazyThreadSafetyMode.ExecutionAndPublication));
        // An entry of an older generation is replaced; one of this generation (or a newer one) is shared.
        var entry = entries.AddOrUpdate(key, fresh, (_, old) => old.Generation >= generation ? old : fresh);
        try
        {
            return (T)entry.Value.Value;
        }
        catch
        {
            entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)); // a failed load is not remembered
            throw;
        }
    }

    public bool TryGet<T>(string key, out T value) where T : class
    {
        var generation = Generation;
        Trim(generation);
        value = entries.TryGetValue(key, out var entry) && entry.Generation == generation && entry.Value.IsValueCreated ? (T)entry.Value.Value : null!;
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
            entries[key] = new Entry(generation, new Lazy<object>(value));
        }
    }

    /// <summary>Frees the entries of older generations once a new one is seen (they could never be served again).</summary>
    private void Trim(long generation)
    {
        var last = Interlocked.Read(ref clearedAt);
        if ((generation > last && Interlocked.CompareExchange(ref clearedAt, generation, last) == last) || entries.Count > MaxEntries)
        {
            foreach (var (key, entry) in entries)
            {
                if (entry.Generation < generation || entries.Count > MaxEntries)
                {
                    entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                }
            }
        }
    }
}
