namespace DevEx.Store.Writing;

/// <summary>A column of a table and how to read its value from a row record.</summary>
public sealed record Column<T>(string Name, Func<T, object?> Value);

/// <summary>
/// How rows of type <typeparamref name="T"/> are written to a table: its key (the ON CONFLICT target) and columns.
/// Column order need not match the table's; names must.
/// </summary>
public sealed record TableSpec<T>(string Table, IReadOnlyList<string> Keys, IReadOnlyList<Column<T>> Columns)
{
    public IEnumerable<string> NonKeyColumns => Columns.Select(c => c.Name).Where(n => !Keys.Contains(n));
}
