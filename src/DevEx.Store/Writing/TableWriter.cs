using Dapper;
using DuckDB.NET.Data;
using NodaTime;

namespace DevEx.Store.Writing;

/// <summary>
/// Idempotent bulk upserts: rows go through the DuckDB Appender into a staging table; then, in the caller's
/// transaction, the rows already stored under the batch's keys are deleted and the batch inserted. Within one batch
/// the last row of a key wins, so a file that repeats a record behaves like importing it twice. Keys are kept unique
/// here rather than by a PRIMARY KEY index (see Migrations/001): callers hold <see cref="DuckDbDatabase.WriteLock"/>.
/// </summary>
public static class TableWriter
{
    private const string SequenceColumn = "stage_seq";

    public static int Upsert<T>(DuckDBConnection connection, TableSpec<T> spec, IReadOnlyCollection<T> rows)
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        var stage = Stage(connection, spec, rows);
        var columns = string.Join(", ", spec.Columns.Select(c => c.Name));
        var keys = string.Join(", ", spec.Keys);
        var match = string.Join(" AND ", spec.Keys.Select(k => $"{spec.Table}.{k} = batch_keys.{k}"));
        connection.Execute($"DELETE FROM {spec.Table} USING (SELECT DISTINCT {keys} FROM {stage}) AS batch_keys WHERE {match}");
        var written = connection.Execute($"""
            INSERT INTO {spec.Table} ({columns})
            SELECT {columns} FROM {stage}
            QUALIFY row_number() OVER (PARTITION BY {keys} ORDER BY {SequenceColumn} DESC) = 1
            """);
        connection.Execute($"DROP TABLE {stage}");
        return written;
    }

    /// <summary>
    /// Replaces the child rows of every parent named in <paramref name="parentKeys"/> (reviews of a pull request,
    /// transitions of a ticket): a re-imported parent brings its complete, current list of children.
    /// </summary>
    public static void ReplaceChildren<TParent, TChild>(
        DuckDBConnection connection,
        TableSpec<TParent> parentKeySpec,
        IReadOnlyCollection<TParent> parents,
        TableSpec<TChild> childSpec,
        IReadOnlyCollection<TChild> children)
    {
        if (parents.Count == 0)
        {
            return;
        }
        var stage = Stage(connection, parentKeySpec, parents, childSpec.Table);
        var match = string.Join(" AND ", parentKeySpec.Keys.Select(k => $"{childSpec.Table}.{k} = {stage}.{k}"));
        connection.Execute($"DELETE FROM {childSpec.Table} USING {stage} WHERE {match}");
        connection.Execute($"DROP TABLE {stage}");
        Upsert(connection, childSpec, children);
    }

    private static string Stage<T>(DuckDBConnection connection, TableSpec<T> spec, IReadOnlyCollection<T> rows, string? likeTable = null)
    {
        var stage = $"stage_{likeTable ?? spec.Table}_{Guid.NewGuid():N}";
        var columns = string.Join(", ", spec.Columns.Select(c => c.Name));
        connection.Execute($"CREATE TEMP TABLE {stage} AS SELECT {columns}, 0::BIGINT AS {SequenceColumn} FROM {likeTable ?? spec.Table} LIMIT 0");
        using (var appender = connection.CreateAppender("temp", "main", stage))
        {
            long sequence = 0;
            foreach (var row in rows)
            {
                var appenderRow = appender.CreateRow();
                foreach (var column in spec.Columns)
                {
                    Append(appenderRow, column.Value(row));
                }
                appenderRow.AppendValue(sequence++).EndRow();
            }
        }
        return stage;
    }

    private static void Append(IDuckDBAppenderRow row, object? value)
    {
        _ = value switch
        {
            null => row.AppendNullValue(),
            string s => row.AppendValue(s),
            Instant instant => row.AppendValue(instant.ToDateTimeUtc()),
            int i => row.AppendValue(i),
            long l => row.AppendValue(l),
            double d => row.AppendValue(d),
            bool b => row.AppendValue(b),
            IEnumerable<string> strings => row.AppendValue(strings.ToList()),
            _ => throw new ArgumentException($"No appender mapping for {value.GetType().Name}."),
        };
    }
}
