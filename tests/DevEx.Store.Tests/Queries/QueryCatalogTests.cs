using DevEx.Store.Queries;

namespace DevEx.Store.Tests.Queries;

public sealed class QueryCatalogTests
{
    private static readonly string[] SqlFilesOfTheRepository = Directory
        .GetFiles(Path.Combine(RepositoryRoot.Path, "queries"), "*.sql")
        .Select(Path.GetFileNameWithoutExtension)
        .Order(StringComparer.Ordinal)
        .ToArray()!;

    [Fact]
    public void Every_sql_file_of_the_queries_folder_is_embedded()
    {
        Assert.NotEmpty(SqlFilesOfTheRepository);
        Assert.Equal(SqlFilesOfTheRepository, QueryCatalog.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_query_begins_with_a_header_comment()
    {
        var withoutHeader = QueryCatalog.Names.Where(name => !QueryCatalog.Get(name).StartsWith("--", StringComparison.Ordinal));

        Assert.Empty(withoutHeader);
    }

    [Fact]
    public void An_unknown_query_name_is_refused()
    {
        Assert.Throws<KeyNotFoundException>(() => QueryCatalog.Get("no_such_query"));
    }
}
