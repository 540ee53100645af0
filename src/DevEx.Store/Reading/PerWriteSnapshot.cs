using DuckDB.NET.Data;

namespace DevEx.Store.Reading;

/// <summary>
/// A small table's contents read once per committed write (<see cref="DuckDbDatabase.WriteGeneration"/>) and served
/// from memory until the next: for lookups every request makes (the catalog's teams, API keys), where a statement each
/// would cost more than the answer.
/// </summary>
public sealed class PerWriteSnapshot<T>(DuckDbDatabase database, Func<DuckDBConnection, T> load) where T : class
{
    private sealed record Held(long Generation, T Value);

    private Held? held;

    public T Current
    {
        get
        {
            var current = Volatile.Read(ref held);
            // Read before loading: a write committed while loading leaves the snapshot a generation behind, so the next call reloads.
            var generation = database.WriteGeneration;
            if (current?.Generation == generation)
            {
                return current.Value;
            }
            using var connection = database.Open();
            var value = load(connection);
            Volatile.Write(ref held, new Held(generation, value));
            return value;
        }
    }
}
