using System.Net;
using DevEx.Collectors.Backstage;
using DevEx.Collectors.Tests.GitHub;

namespace DevEx.Collectors.Tests.Catalog;

/// <summary>
/// Backstage's catalog API as the client reads it, against a local server on 127.0.0.1 answering
/// <c>GET /api/catalog/entities/by-query</c> in its documented shape (<c>items</c>, <c>totalItems</c>,
/// <c>pageInfo.nextCursor</c>): the first page asked with the filter, the fields and the limit, the next ones with the
/// cursor alone (it carries the filter), the static token on each; and what it says when the catalog answers otherwise.
/// </summary>
public sealed class BackstageCatalogClientTests : IAsyncLifetime
{
    private const string Query = "api/catalog/entities/by-query";
    private FakeGitHubServer server = null!;

    public async Task InitializeAsync() => server = await FakeGitHubServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Pages_are_followed_by_their_cursor_until_there_is_none()
    {
        server.Get($"{Query}?filter=kind=group,kind=component&fields=apiVersion,kind,metadata,spec&limit=2",
            body: Page(["""{"apiVersion":"backstage.io/v1alpha1","kind":"Group","metadata":{"name":"team-a"},"spec":{"type":"team","children":[]}}""",
                """{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"checkout"},"spec":{"type":"service","lifecycle":"production","owner":"team-a"}}"""],
                total: 3, next: "eyJwYWdlIjoyfQ"));
        server.Get($"{Query}?cursor=eyJwYWdlIjoyfQ&fields=apiVersion,kind,metadata,spec&limit=2",
            body: Page(["""{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"search"},"spec":{"type":"service","lifecycle":"experimental","owner":"team-a"}}"""],
                total: 3, next: null));

        var pages = await Read(new BackstageOptions { BaseUrl = server.BaseUrl, Token = "s3cret", Filter = "kind=group,kind=component", PageSize = 2 });

        Assert.Equal([["team-a", "checkout"], ["search"]], pages.Select(p => p.Items.Select(i => i.GetProperty("metadata").GetProperty("name").GetString()).ToList()).ToList());
        Assert.All(pages, p => Assert.Equal(3, p.TotalItems));
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("Bearer s3cret", r.Authorization));
        Assert.Equal("kind=group,kind=component", requests[0].Query["filter"]);
        Assert.False(requests[1].Query.ContainsKey("filter")); // the cursor carries it
        Assert.Equal("eyJwYWdlIjoyfQ", requests[1].Query["cursor"]);
    }

    [Fact]
    public async Task A_refused_token_names_the_setting_to_check()
    {
        server.Get(Query, status: 401, body: """{"error":{"name":"AuthenticationError","message":"Missing credentials"}}""");

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => Read(new BackstageOptions { BaseUrl = server.BaseUrl, Token = "wrong" }));

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Contains("page 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("DevEx:Catalog:Backstage:Token", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", failure.Message, StringComparison.Ordinal); // the token itself is never in a message
    }

    [Fact]
    public async Task A_cursor_given_twice_stops_the_paging_instead_of_looping()
    {
        server.Get(Query, body: Page([], total: 4, next: "same"));

        var failure = await Assert.ThrowsAsync<BackstageCatalogException>(() => Read(new BackstageOptions { BaseUrl = server.BaseUrl }));

        Assert.Contains("page 2 gave a nextCursor it gave before", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task An_answer_that_is_not_a_by_query_page_is_refused_with_its_page_number()
    {
        // GET /api/catalog/entities (the older listing) answers a bare array: a base URL pointing at the wrong place.
        server.Get(Query, body: """[{"kind":"Group","metadata":{"name":"team-a"}}]""");

        var failure = await Assert.ThrowsAsync<BackstageCatalogException>(() => Read(new BackstageOptions { BaseUrl = server.BaseUrl }));

        Assert.Contains("page 1 has no \"items\" array", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<List<BackstageEntityPage>> Read(BackstageOptions options)
    {
        using var http = new HttpClient();
        BackstageCatalogClient.Configure(http, options);
        var pages = new List<BackstageEntityPage>();
        await foreach (var page in new BackstageCatalogClient(http, options).QueryAsync(CancellationToken.None))
        {
            pages.Add(page);
        }
        return pages;
    }

    private static string Page(IReadOnlyList<string> items, int total, string? next) =>
        $$"""{"items":[{{string.Join(',', items)}}],"totalItems":{{total}},"pageInfo":{{(next is null ? "{}" : $$"""{"nextCursor":"{{next}}"}""")}}}""";
}
