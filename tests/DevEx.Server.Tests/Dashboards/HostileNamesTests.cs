using System.Net;
using DevEx.Server.Tests.Api;
using NodaTime;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// A team, service and pull request named <c>&lt;script&gt;alert(1)&lt;/script&gt;</c> in the data reads as that text on
/// every kind of page (dashboard with filters, stat, table, pivot and chart panels; explain listings; the message page of
/// an unknown team; the weekly report) and never becomes an element: the worked example with its names replaced.
/// </summary>
public sealed class HostileNamesTests : IAsyncLifetime, IDisposable
{
    private const string Name = "<script>alert(1)</script>";
    // What the page must hold instead of the name: written out by hand, not by an encoder.
    private const string Escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private const string Week = "from=2026-02-02&to=2026-02-09";
    // An imported pull request's URL that would run script when followed.
    private const string HostileUrl = "javascript:alert(document.cookie)";
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        client = factory.CreateClient();
        var json = "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e";
        foreach (var (kind, body) in new[]
        {
            ("catalog", WorkedExampleImport.Catalog.Replace("  name: core\n", $"  name: core\n  title: \"{Name}\"\n", StringComparison.Ordinal)
                .Replace("spec:\n  type: team", $"spec:\n  type: team\n  profile:\n    displayName: \"{Name}\"", StringComparison.Ordinal)),
            ("commits", WorkedExampleImport.Commits),
            ("pull-requests", WorkedExampleImport.PullRequests.Replace("Search endpoint", json, StringComparison.Ordinal)
                .Replace("\"commits\"", $"\"url\":\"{HostileUrl}\",\"commits\"", StringComparison.Ordinal)),
            ("deployments", WorkedExampleImport.Deployments.Replace("\"service\":\"api\"", $"\"service\":\"{json}\"", StringComparison.Ordinal)),
            ("incidents", WorkedExampleImport.Incidents.Replace("\"service\":\"api\"", $"\"service\":\"{json}\"", StringComparison.Ordinal)
                .Replace("\"resolvedAt\"", $"\"title\":\"{json}\",\"resolvedAt\"", StringComparison.Ordinal)),
        })
        {
            var response = await client.PostAsync($"/api/v1/import/{kind}", new StringContent(body));
            response.EnsureSuccessStatusCode();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("/?" + Week, "select[name=team] option")] // the team's display name in the filters; pivot of waits by team
    [InlineData("/dashboards/dora?" + Week, "#panel-by-service td")] // the service in a table panel
    [InlineData("/dashboards/dora?" + Week + "&team=core", "select[name=team] option")]
    [InlineData("/explain/deployments?" + Week, "td")] // the service of each deployment
    [InlineData("/explain/incidents?" + Week, "td")] // the incident's title and service
    [InlineData("/explain/changes?" + Week, "td")] // the pull request's title
    [InlineData("/api/v1/reports/weekly?team=core&week=2026-W06&format=html", "h1")] // the team's name in the report's title
    public async Task The_name_is_text_on_every_page_never_an_element(string url, string where)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(Escaped, html);
        using var document = PageHtml.Parse(html);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Contains(document.QuerySelectorAll(where), e => e.TextContent.Contains(Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_team_named_like_a_script_is_named_as_text_on_the_message_page()
    {
        var response = await client.GetAsync($"/dashboards/dora?team={Uri.EscapeDataString(Name)}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(Escaped, html);
        using var document = PageHtml.Parse(html);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Contains(Name, document.QuerySelector("p.intro")?.TextContent);
    }

    [Theory]
    [InlineData("/explain/pull-requests?" + Week)]
    [InlineData("/explain/changes?" + Week)]
    [InlineData("/dashboards/pull-requests?" + Week)]
    public async Task An_imported_javascript_url_is_never_a_link(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = PageHtml.Parse(await response.Content.ReadAsStringAsync());
        // The pull request is listed (its reference as text), but nothing links to the script URL.
        Assert.Contains(document.QuerySelectorAll("td"), e => e.TextContent.Contains("acme/api#7", StringComparison.Ordinal));
        Assert.DoesNotContain(document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
    }
}
