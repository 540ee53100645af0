using DuckDB.NET.Data;
using NodaTime;

namespace DevEx.Store.Writing;

/// <summary>
/// A column of a table and how to read its value from a row record. The constructor overloads give each column a
/// typed appender, so bulk writes append values without boxing them (imports write millions).
/// </summary>
public sealed class Column<T>
{
    private Column(string name, Func<T, object?> value, Action<IDuckDBAppenderRow, T> append, Func<T, T, bool> equal, Func<T, int> hash) =>
        (Name, Value, Append, KeyEquals, KeyHash) = (name, value, append, equal, hash);

    public Column(string name, Func<T, string?> value)
        : this(name, r => value(r), (row, r) => Nullable(row, value(r)), (a, b) => string.Equals(value(a), value(b), StringComparison.Ordinal),
            r => value(r)?.GetHashCode(StringComparison.Ordinal) ?? 0) { }

    public Column(string name, Func<T, int> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r)), (a, b) => value(a) == value(b), r => value(r)) { }

    public Column(string name, Func<T, int?> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r)), (a, b) => value(a) == value(b), r => value(r) ?? 0) { }

    public Column(string name, Func<T, long> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r)), (a, b) => value(a) == value(b), r => value(r).GetHashCode()) { }

    public Column(string name, Func<T, double> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r)), (a, b) => value(a).Equals(value(b)), r => value(r).GetHashCode()) { }

    public Column(string name, Func<T, double?> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r)), (a, b) => System.Nullable.Equals(value(a), value(b)), r => value(r).GetHashCode()) { }

    public Column(string name, Func<T, bool> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r)), (a, b) => value(a) == value(b), r => value(r) ? 1 : 0) { }

    public Column(string name, Func<T, bool?> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r)), (a, b) => value(a) == value(b), r => value(r).GetHashCode()) { }

    public Column(string name, Func<T, Instant> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r).ToDateTimeUtc()), (a, b) => value(a) == value(b), r => value(r).GetHashCode()) { }

    public Column(string name, Func<T, Instant?> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r)?.ToDateTimeUtc()), (a, b) => value(a) == value(b), r => value(r).GetHashCode()) { }

    public Column(string name, Func<T, LocalDate> value)
        : this(name, r => value(r), (row, r) => row.AppendValue((DateOnly?)value(r).ToDateOnly()), (a, b) => value(a) == value(b), r => value(r).GetHashCode()) { }

    public Column(string name, Func<T, IReadOnlyList<string>?> value)
        : this(name, r => value(r), (row, r) => List(row, value(r)), (a, b) => ReferenceEquals(value(a), value(b)), r => 0) { }

    public string Name { get; }

    /// <summary>The value, boxed: for keys and staging, not for the bulk path.</summary>
    public Func<T, object?> Value { get; }

    internal Action<IDuckDBAppenderRow, T> Append { get; }

    /// <summary>Whether two rows hold the same value here, without boxing it: how keys are kept unique in bulk.</summary>
    internal Func<T, T, bool> KeyEquals { get; }

    internal Func<T, int> KeyHash { get; }

    private static void Nullable(IDuckDBAppenderRow row, string? value)
    {
        if (value is null)
        {
            row.AppendNullValue();
        }
        else
        {
            row.AppendValue(value);
        }
    }

    private static void List(IDuckDBAppenderRow row, IReadOnlyList<string>? value)
    {
        if (value is null)
        {
            row.AppendNullValue();
        }
        else
        {
            row.AppendValue(value as List<string> ?? value.ToList());
        }
    }
}

/// <summary>Rows are equal when their key columns are: the last row of a key wins within a batch.</summary>
internal sealed class KeyComparer<T>(IReadOnlyList<Column<T>> keys) : IEqualityComparer<T>
{
    public bool Equals(T? x, T? y)
    {
        foreach (var key in keys)
        {
            if (!key.KeyEquals(x!, y!))
            {
                return false;
            }
        }
        return true;
    }

    public int GetHashCode(T obj)
    {
        var hash = new HashCode();
        foreach (var key in keys)
        {
            hash.Add(key.KeyHash(obj));
        }
        return hash.ToHashCode();
    }
}

/// <summary>
/// How rows of type <typeparamref name="T"/> are written to a table: its key (kept unique by TableWriter) and columns.
/// Column order need not match the table's; names must.
/// </summary>
public sealed record TableSpec<T>(string Table, IReadOnlyList<string> Keys, IReadOnlyList<Column<T>> Columns)
{
    public IEnumerable<string> NonKeyColumns => Columns.Select(c => c.Name).Where(n => !Keys.Contains(n));
}
