using System.Collections;

namespace DevEx.Store.Queries;

/// <summary>
/// The <c>$name</c> parameters of a query, by name. Callers outside Store build these instead of a Dapper type; the
/// runner binds a fresh Dapper parameter set from them per execution, so one instance may serve queries running at once.
/// Adding a name twice keeps the last value.
/// </summary>
public sealed class QueryParameters : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly Dictionary<string, object?> values = new(StringComparer.Ordinal);

    public void Add(string name, object? value) => values[name] = value;

    public IReadOnlyDictionary<string, object?> Values => values;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
