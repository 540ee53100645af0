using Dapper;
using DevEx.Collectors.Tests.GitHub;
using DevEx.Server.Cli;
using DevEx.Store;

namespace DevEx.Server.Tests.Cli;

/// <summary>
/// <c>devex sync catalog</c> as a person runs it, against a Backstage catalog on 127.0.0.1 answering
/// <c>GET /api/catalog/entities/by-query</c> in two pages: Group team-a (with member ann), User ann, Components checkout
/// and "Search Service" (a name Backstage refuses: spaces), then Component search. The valid four are kept, the invalid
/// one is rejected with its source and reason, and the run says so.
/// </summary>
public sealed class SyncCatalogCommandTests : IAsyncLifetime, IDisposable
{
    private const string Query = "api/catalog/entities/by-query";
    private const string Token = "static-s3cret";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", "sync-catalog-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private FakeGitHubServer backstage = null!;

    private string DatabasePath => Path.Combine(directory, "devex.duckdb");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        backstage = await FakeGitHubServer.StartAsync();
    }

    public async Task DisposeAsync() => await backstage.DisposeAsync();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private Task<int> Sync() => SyncCommand.Run("catalog", DatabasePath, output, error, CancellationToken.None,
        ["--DevEx:Catalog:Backstage:BaseUrl", backstage.BaseUrl, "--DevEx:Catalog:Backstage:Token", Token, "--DevEx:Catalog:Backstage:PageSize", "4"]);

    [Fact]
    public async Task The_catalog_is_read_page_by_page_the_valid_entities_kept_and_the_invalid_one_rejected_with_its_reason()
    {
        backstage.Get($"{Query}?limit=4", body: Page(
            """{"apiVersion":"backstage.io/v1alpha1","kind":"Group","metadata":{"name":"team-a"},"spec":{"type":"team","children":[],"members":["ann"]}}""",
            """{"apiVersion":"backstage.io/v1alpha1","kind":"User","metadata":{"name":"ann"},"spec":{"profile":{"email":"ann@example.com"},"memberOf":["team-a"]}}""",
            """{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"checkout"},"spec":{"type":"service","lifecycle":"production","owner":"team-a"}}""",
            """{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"Search Service"},"spec":{"type":"service","lifecycle":"production","owner":"team-a"}}""")
            .Replace("NEXT", "\"c2\"", StringComparison.Ordinal));
        backstage.Get($"{Query}?cursor=c2&limit=4", body: Page(
            """{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"search"},"spec":{"type":"service","lifecycle":"experimental","owner":"team-a"}}""")
            .Replace("NEXT", "null", StringComparison.Ordinal));

        var exit = await Sync();

        Assert.True(exit == 0, $"{output}\n{error}");
        Assert.Contains("succeeded: 4 rows written, 2 requests", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("catalog: 5 of 5 entities read, 1 rejected", output.ToString(), StringComparison.Ordinal);
        Assert.All(backstage.Requests, r => Assert.Equal($"Bearer {Token}", r.Authorization));
        using var database = DuckDbDatabase.OpenAndMigrate(DatabasePath);
        using var connection = database.Open();
        Assert.Equal(["component:default/checkout", "component:default/search", "group:default/team-a", "user:default/ann"],
            connection.Query<string>("SELECT entity_ref FROM catalog_entities ORDER BY entity_ref").AsList());
        var reject = connection.QuerySingle<(string Source, int Line, string Reason)>("SELECT source_file, line, reason FROM import_rejects");
        Assert.Equal((backstage.BaseUrl, 4), (reject.Source, reject.Line));
        Assert.Contains("Search Service", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entity_gone_from_the_catalog_is_removed_by_the_next_complete_run()
    {
        const string group = """{"apiVersion":"backstage.io/v1alpha1","kind":"Group","metadata":{"name":"team-a"},"spec":{"type":"team","children":[]}}""";
        const string checkout = """{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"checkout"},"spec":{"type":"service","lifecycle":"production","owner":"team-a"}}""";
        const string legacy = """{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"legacy-cart"},"spec":{"type":"service","lifecycle":"deprecated","owner":"team-a"}}""";
        backstage.Get($"{Query}?limit=4", body: Page(group, checkout, legacy).Replace("NEXT", "null", StringComparison.Ordinal))
            .Then(200, body: Page(group, checkout).Replace("NEXT", "null", StringComparison.Ordinal));
        Assert.Equal(0, await Sync());
        output.GetStringBuilder().Clear();

        Assert.Equal(0, await Sync());

        Assert.Contains("catalog: 1 entities no longer in the catalog removed (component:default/legacy-cart)", output.ToString(), StringComparison.Ordinal);
        using var database = DuckDbDatabase.OpenAndMigrate(DatabasePath);
        using var connection = database.Open();
        Assert.Equal(["component:default/checkout", "group:default/team-a"],
            connection.Query<string>("SELECT entity_ref FROM catalog_entities ORDER BY entity_ref").AsList());
    }

    [Fact]
    public async Task A_refused_token_fails_the_run_naming_the_setting_and_never_the_token()
    {
        backstage.Get(Query, status: 401, body: """{"error":{"name":"AuthenticationError","message":"Missing credentials"}}""");

        var exit = await Sync();

        Assert.Equal(1, exit);
        var text = output.ToString() + error.ToString();
        Assert.Contains("DevEx:Catalog:Backstage:Token", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_base_url_the_source_is_not_configured()
    {
        var exit = await SyncCommand.Run("catalog", DatabasePath, output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Equal("Source 'catalog' is not configured (see docs/configuration.md).", error.ToString().Trim());
    }

    /// <summary>A by-query page; NEXT stands for its nextCursor (a quoted cursor or null).</summary>
    private static string Page(params string[] items) =>
        $$$"""{"items":[{{{string.Join(",", items)}}}],"totalItems":5,"pageInfo":{"nextCursor":NEXT}}""";
}
