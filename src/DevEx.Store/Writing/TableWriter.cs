using Dapper;
using DuckDB.NET.Data;

namespace DevEx.Store.Writing;

/// <summary>
/// Idempotent bulk upserts through the DuckDB Appender. Within one batch the last row of a key wins (a file that
/// repeats a record behaves like importing it twice); rows already stored under the batch's keys are deleted (their
/// keys go through a staging table), then the batch is appended straight into the table, all in the caller's
/// transaction. Keys are kept unique here rather than by PRIMARY KEY indexes, whose upkeep made re-imports 8x
/// slower (see Migrations/001); callers run inside <see cref="DuckDbDatabase.Write{T}"/>.
/// </summary>
public static class TableWriter
{
    public static int Upsert<T>(DuckDBConnection connection, TableSpec<T> spec, IReadOnlyCollection<T> rows)
        where T : notnull
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        var unique = LastPerKey(spec, rows);
        if (connection.ExecuteScalar<bool>($"SELECT EXISTS (SELECT 1 FROM {spec.Table})"))
        {
            DeleteKeys(connection, spec.Table, KeySpec(spec), unique);
        }
        Append(connection, spec, unique);
        return unique.Count;
    }

    /// <summary>
    /// Replaces the child rows of every parent named in <paramref name="parents"/> (reviews of a pull request):
    /// a re-imported parent brings its complete, current list of children.
    /// </summary>
    public static void ReplaceChildren<TParent, TChild>(
        DuckDBConnection connection,
        TableSpec<TParent> parentKeySpec,
        IReadOnlyCollection<TParent> parents,
        TableSpec<TChild> childSpec,
        IReadOnlyCollection<TChild> children)
        where TChild : notnull
    {
        if (parents.Count == 0)
        {
            return;
        }
        if (connection.ExecuteScalar<bool>($"SELECT EXISTS (SELECT 1 FROM {childSpec.Table})"))
        {
            DeleteKeys(connection, childSpec.Table, parentKeySpec, parents);
        }
        Upsert(connection, childSpec, children);
    }

    /// <summary>Deletes the rows whose key is one of <paramref name="keys"/> (a spec of the table's key columns), in the caller's transaction.</summary>
    public static void Delete<T>(DuckDBConnection connection, TableSpec<T> keySpec, IReadOnlyCollection<T> keys)
    {
        if (keys.Count > 0 && connection.ExecuteScalar<bool>($"SELECT EXISTS (SELECT 1 FROM {keySpec.Table})"))
        {
            DeleteKeys(connection, keySpec.Table, keySpec, keys);
        }
    }

    /// <summary>
    /// Makes <paramref name="rows"/> the whole of the table's rows whose one-column key starts with <paramref name="keyPrefix"/>
    /// (the rows one source owns, e.g. the tag deployments of one repository): upserts them and deletes the others.
    /// Returns the keys deleted, in key order; in the caller's transaction.
    /// </summary>
    public static IReadOnlyList<string> ReplaceKeyPrefix<T>(DuckDBConnection connection, TableSpec<T> spec, string keyPrefix, IReadOnlyCollection<T> rows)
        where T : notnull
    {
        if (spec.Keys.Count != 1)
        {
            throw new InvalidOperationException($"{spec.Table}: replacing by key prefix needs a one-column key.");
        }
        var key = spec.Keys[0];
        var keyColumn = spec.Columns.Single(c => c.Name == key);
        var kept = rows.Select(r => keyColumn.Value(r) as string).ToHashSet(StringComparer.Ordinal);
        var removed = connection.Query<string>($"SELECT {key} FROM {spec.Table} WHERE starts_with({key}, $keyPrefix) ORDER BY {key}", new { keyPrefix })
            .Where(k => !kept.Contains(k))
            .ToList();
        foreach (var gone in removed)
        {
            connection.Execute($"DELETE FROM {spec.Table} WHERE {key} = $gone", new { gone });
        }
        Upsert(connection, spec, rows);
        return removed;
    }

    private static List<T> LastPerKey<T>(TableSpec<T> spec, IReadOnlyCollection<T> rows)
        where T : notnull
    {
        var keyColumns = spec.Columns.Where(c => spec.Keys.Contains(c.Name)).ToArray();
        if (keyColumns.Length is 0 or > 4)
        {
            throw new InvalidOperationException($"{spec.Table}: a key has 1 to 4 columns.");
        }
        // Rows compared by their typed key columns: a tuple of boxed values cost two objects per row of every import.
        var last = new Dictionary<T, int>(rows.Count, new KeyComparer<T>(keyColumns));
        var list = rows as IReadOnlyList<T> ?? rows.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            last[list[i]] = i;
        }
        if (last.Count == list.Count)
        {
            return list as List<T> ?? list.ToList();
        }
        return last.Values.Order().Select(i => list[i]).ToList();
    }

    private static TableSpec<T> KeySpec<T>(TableSpec<T> spec) =>
        new(spec.Table, spec.Keys, spec.Columns.Where(c => spec.Keys.Contains(c.Name)).ToList());

    /// <summary>Deletes the rows of <paramref name="table"/> whose key columns match a row of <paramref name="keys"/>.</summary>
    private static void DeleteKeys<T>(DuckDBConnection connection, string table, TableSpec<T> keys, IReadOnlyCollection<T> rows)
    {
        var stage = $"stage_keys_{Guid.NewGuid():N}";
        var columns = string.Join(", ", keys.Keys);
        connection.Execute($"CREATE TEMP TABLE {stage} AS SELECT {columns} FROM {table} LIMIT 0");
        using (var appender = connection.CreateAppender("temp", "main", stage))
        {
            var order = connection.Query<string>($"SELECT name FROM pragma_table_info('{stage}') ORDER BY cid").ToList();
            var byName = keys.Columns.ToDictionary(c => c.Name);
            foreach (var row in rows)
            {
                var appenderRow = appender.CreateRow();
                foreach (var name in order)
                {
                    byName[name].Append(appenderRow, row);
                }
                appenderRow.EndRow();
            }
        }
        var match = string.Join(" AND ", keys.Keys.Select(k => $"{table}.{k} = {stage}.{k}"));
        connection.Execute($"DELETE FROM {table} USING {stage} WHERE {match}");
        connection.Execute($"DROP TABLE {stage}");
    }

    /// <summary>Appends rows in the table's own column order; columns the spec does not name get NULL.</summary>
    private static void Append<T>(DuckDBConnection connection, TableSpec<T> spec, List<T> rows)
    {
        var order = connection.Query<string>($"SELECT name FROM pragma_table_info('{spec.Table}') ORDER BY cid").ToList();
        var byName = spec.Columns.ToDictionary(c => c.Name);
        var unknown = byName.Keys.Except(order).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"Table {spec.Table} has no column(s) {string.Join(", ", unknown)}.");
        }
        var columns = order.Select(name => byName.GetValueOrDefault(name)).ToArray();
        using var appender = connection.CreateAppender(spec.Table);
        foreach (var row in rows)
        {
            var appenderRow = appender.CreateRow();
            foreach (var column in columns)
            {
                if (column is null)
                {
                    appenderRow.AppendNullValue();
                }
                else
                {
                    column.Append(appenderRow, row);
                }
            }
            appenderRow.EndRow();
        }
    }
}
