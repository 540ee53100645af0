namespace DevEx.Store.Queries;

/// <summary>A column of a query's result as the query names it, with the CLR type DuckDB returns for it.</summary>
public sealed record QueryColumn(string Name, Type Type);

/// <summary>
/// A query's result as columns and rows, for callers that do not know the query's shape in advance (a dashboard panel
/// over a queries/ file). Values are as DuckDB returns them; SQL NULL is <c>null</c>.
/// </summary>
public sealed record QueryTable(IReadOnlyList<QueryColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
