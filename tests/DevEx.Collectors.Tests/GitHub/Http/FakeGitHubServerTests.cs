using DevEx.Collectors.Tests.GitHub.Fake;
using Octokit;

namespace DevEx.Collectors.Tests.GitHub.Http;

/// <summary>The fake server's own promises, which the collector tests rely on.</summary>
public sealed class FakeGitHubServerTests
{
    [Fact]
    public async Task The_same_route_answers_with_and_without_the_api_v3_prefix()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.Get("/rate_limit", body: "{}");
        using var http = new HttpClient();

        var bare = await http.GetAsync(new Uri(server.BaseUri, "rate_limit"));
        var prefixed = await http.GetAsync(new Uri(server.BaseUri, "api/v3/rate_limit"));

        Assert.Equal((200, 200), ((int)bare.StatusCode, (int)prefixed.StatusCode));
        Assert.Equal([false, true], server.Requests.Select(r => r.ApiV3Prefix));
        Assert.Equal(["/rate_limit", "/rate_limit"], server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task The_route_naming_most_query_parameters_wins_and_a_missing_page_is_a_404()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.Get("/repos/acme/api/pulls", body: "\"any\"");
        server.Get("/repos/acme/api/pulls?state=all", body: "\"all\"");
        server.Get("/repos/acme/api/pulls?state=all&per_page=100", body: "\"all, 100\"");
        using var http = new HttpClient();
        async Task<string> Body(string pathAndQuery)
        {
            using var response = await http.GetAsync(new Uri(server.BaseUri, pathAndQuery));
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        Assert.Equal("200 \"any\"", await Body("repos/acme/api/pulls?state=open"));
        Assert.Equal("200 \"all\"", await Body("repos/acme/api/pulls?sort=created&state=all"));
        Assert.Equal("200 \"all, 100\"", await Body("repos/acme/api/pulls?state=all&sort=created&per_page=100"));
        Assert.Equal("200 \"all, 100\"", await Body("repos/acme/api/pulls?state=all&per_page=100&page=1"));
        Assert.StartsWith("404 ", await Body("repos/acme/api/pulls?state=all&per_page=100&page=2"));
    }

    [Fact]
    public async Task Registered_pages_link_to_each_other_and_answer_their_etags_with_304()
    {
        await using var github = await GitHubHttpHarness.StartAsync();
        github.Server.GetPages(
            "/repos/acme/api/issues?state=all",
            ["""[{"number":5,"title":"e"},{"number":4,"title":"d"}]""", """[{"number":3,"title":"c"},{"number":2,"title":"b"}]""", """[{"number":1,"title":"a"}]"""],
            etagPrefix: "issues");
        var request = new RepositoryIssueRequest { State = ItemStateFilter.All };

        var first = await github.Client.Issue.GetAllForRepository("acme", "api", request);
        var second = await github.Client.Issue.GetAllForRepository("acme", "api", request);

        Assert.Equal([5, 4, 3, 2, 1], first.Select(i => i.Number));
        Assert.Equal([5, 4, 3, 2, 1], second.Select(i => i.Number));
        Assert.Equal(
            [null, "2", "3", null, "2", "3"],
            github.Server.Requests.Select(r => r.Query.GetValueOrDefault("page")));
        Assert.Equal(
            [null, null, null, "\"issues-1\"", "\"issues-2\"", "\"issues-3\""],
            github.Server.Requests.Select(r => r.IfNoneMatch));
        Assert.Equal([200, 200, 200, 304, 304, 304], github.Server.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Unmatched_requests_go_to_the_fallback_or_get_a_404()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        using var http = new HttpClient();
        var before = await http.GetAsync(new Uri(server.BaseUri, "api/v3/repos/acme/repo-7"));

        server.Fallback = request => request.Path.StartsWith("/repos/acme/repo-", StringComparison.Ordinal)
            ? new FakeResponse(200, $$"""{"full_name":"{{request.Path["/repos/".Length..]}}"}""")
            : null;
        var generated = await http.GetStringAsync(new Uri(server.BaseUri, "api/v3/repos/acme/repo-7"));
        var other = await http.GetAsync(new Uri(server.BaseUri, "api/v3/orgs/acme"));

        Assert.Equal(404, (int)before.StatusCode);
        Assert.Equal("""{"full_name":"acme/repo-7"}""", generated);
        Assert.Equal(404, (int)other.StatusCode);
        Assert.Equal([404, 200, 404], server.Requests.Select(r => r.Status));
    }
}
