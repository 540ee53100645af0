using DuckDB.NET.Data;
using NodaTime;

namespace DevEx.Store.Writing;

/// <summary>
/// A column of a table and how to read its value from a row record. The constructor overloads give each column a
/// typed appender, so bulk writes append values without boxing them (imports write millions).
/// </summary>
public sealed class Column<T>
{
    private Column(string name, Func<T, object?> value, Action<IDuckDBAppenderRow, T> append) =>
        (Name, Value, Append) = (name, value, append);

    public Column(string name, Func<T, string?> value)
        : this(name, r => value(r), (row, r) => Nullable(row, value(r))) { }

    public Column(string name, Func<T, int> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r))) { }

    public Column(string name, Func<T, int?> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r))) { }

    public Column(string name, Func<T, double> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r))) { }

    public Column(string name, Func<T, double?> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r))) { }

    public Column(string name, Func<T, bool> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r))) { }

    public Column(string name, Func<T, bool?> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r))) { }

    public Column(string name, Func<T, Instant> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r).ToDateTimeUtc())) { }

    public Column(string name, Func<T, Instant?> value)
        : this(name, r => value(r), (row, r) => row.AppendValue(value(r)?.ToDateTimeUtc())) { }

    public Column(string name, Func<T, LocalDate> value)
        : this(name, r => value(r), (row, r) => row.AppendValue((DateOnly?)value(r).ToDateOnly())) { }

    public Column(string name, Func<T, IReadOnlyList<string>?> value)
        : this(name, r => value(r), (row, r) => List(row, value(r))) { }

    public string Name { get; }

    /// <summary>The value, boxed: for keys and staging, not for the bulk path.</summary>
    public Func<T, object?> Value { get; }

    internal Action<IDuckDBAppenderRow, T> Append { get; }

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

/// <summary>
/// How rows of type <typeparamref name="T"/> are written to a table: its key (kept unique by TableWriter) and columns.
/// Column order need not match the table's; names must.
/// </summary>
public sealed record TableSpec<T>(string Table, IReadOnlyList<string> Keys, IReadOnlyList<Column<T>> Columns)
{
    public IEnumerable<string> NonKeyColumns => Columns.Select(c => c.Name).Where(n => !Keys.Contains(n));
}
