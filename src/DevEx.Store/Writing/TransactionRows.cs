using DuckDB.NET.Data;

namespace DevEx.Store.Writing;

/// <summary>
/// A write transaction's connection as code outside Store holds it: bulk upserts by <see cref="TableSpec{T}"/>, no SQL
/// and no database type, so a writer can be split into methods (the derivation writes one connected set at a time).
/// </summary>
public sealed class TransactionRows(DuckDBConnection connection)
{
    public int Upsert<T>(TableSpec<T> spec, IReadOnlyCollection<T> rows)
        where T : notnull => TableWriter.Upsert(connection, spec, rows);
}
