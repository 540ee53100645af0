using Dapper;
using DuckDB.NET.Data;

namespace DevEx.Store.Writing;

/// <summary>
/// Derived tables to replace, described without a connection and applied in the caller's transaction
/// (<see cref="DuckDbDatabase.Write{T}"/>): a derivation builds its replacements, the writer applies them all in the
/// run's one transaction, so readers see the old rows or the new, never a mix. A replacement deletes the whole table,
/// or the rows whose key column holds one of a list of keys (an incremental run), then upserts the new rows.
/// </summary>
public sealed class TableReplacements
{
    private readonly List<Action<DuckDBConnection>> steps = [];

    /// <summary>Replaces every row of the table with <paramref name="rows"/>.</summary>
    public TableReplacements Replace<T>(TableSpec<T> spec, IReadOnlyCollection<T> rows)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(spec);
        steps.Add(connection =>
        {
            connection.Execute($"DELETE FROM {spec.Table}");
            TableWriter.Upsert(connection, spec, rows);
        });
        return this;
    }

    /// <summary>
    /// Replaces the rows whose <paramref name="keyColumn"/> is one of <paramref name="keys"/> with <paramref name="rows"/>;
    /// null keys replace the whole table. The column is the spec's own (never user input); the keys are bound.
    /// </summary>
    public TableReplacements Replace<T>(TableSpec<T> spec, IReadOnlyCollection<T> rows, string keyColumn, IReadOnlyCollection<string>? keys)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (keys is null)
        {
            return Replace(spec, rows);
        }
        if (!spec.Columns.Any(c => c.Name == keyColumn))
        {
            throw new ArgumentException($"{spec.Table} has no column {keyColumn} in its spec.", nameof(keyColumn));
        }
        steps.Add(connection =>
        {
            connection.Execute($"DELETE FROM {spec.Table} WHERE {keyColumn} IN (SELECT unnest(string_split($keys, chr(10))))",
                new { keys = string.Join('\n', keys) });
            TableWriter.Upsert(connection, spec, rows);
        });
        return this;
    }

    /// <summary>Runs the replacements in order on <paramref name="connection"/>, inside the caller's transaction.</summary>
    public void Apply(DuckDBConnection connection)
    {
        foreach (var step in steps)
        {
            step(connection);
        }
    }
}
