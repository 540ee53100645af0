using System.Collections.Concurrent;
using DevEx.Store;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Results of panel sources per source and filters, kept until the derived tables are next rebuilt (a sync, import
/// or webhook), since no result can change before that. Bounded: cleared when it grows past MaxEntries.
/// </summary>
internal sealed class PanelCache(DuckDbDatabase database)
{
    private const int MaxEntries = 2_000;
    private readonly ConcurrentDictionary<string, Lazy<object>> entries = new(StringComparer.Ordinal);
    private long generation = -1;

    public T GetOrAdd<T>(string key, Func<T> load) where T : class
    {
        Expire();
        var entry = entries.GetOrAdd(key, _ => new Lazy<object>(() => load(), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)entry.Value;
        }
        catch
        {
            entries.TryRemove(key, out _); // a failed load is not remembered
            throw;
        }
    }

    public bool TryGet<T>(string key, out T value) where T : class
    {
        Expire();
        value = entries.TryGetValue(key, out var entry) && entry.IsValueCreated ? (T)entry.Value : null!;
        return value is not null;
    }

    public void Set<T>(string key, T value) where T : class => entries[key] = new Lazy<object>(value);

    private void Expire()
    {
        var now = database.DataGeneration;
        if (Interlocked.Exchange(ref generation, now) != now || entries.Count > MaxEntries)
        {
            entries.Clear();
        }
    }
}
