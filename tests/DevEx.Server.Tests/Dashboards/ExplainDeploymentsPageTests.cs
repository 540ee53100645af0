using System.Text.Json;
using System.Text.RegularExpressions;
using DevEx.Server.Tests.Api;
using NodaTime;

namespace DevEx.Server.Tests.Dashboards;

// Queries: queries/explain_deployments.sql (ref and release_name from deployments, migration 010).
/// <summary>
/// /explain/deployments over the worked example (D1..D4, week of 2026-02-02): the tag or release beside the sha, and the
/// failure evidence linked to its row. D3 failed by rollback: D4 (s7, an ancestor of D3's k3) rolled it back, and,
/// not failed itself, recovered it.
/// </summary>
public sealed partial class ExplainDeploymentsPageTests : IDisposable
{
    private const string Week = "from=2026-02-02&to=2026-02-09";
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    private async Task<HttpClient> WorkedExampleAsync(string? deployments = null)
    {
        var client = factory.CreateClient();
        await WorkedExampleImport.LoadAsync(client);
        if (deployments is not null)
        {
            // Re-importing a deployment updates it (same id): the worked example's rows with what this test adds.
            (await client.PostAsync("/api/v1/import/deployments", new StringContent(deployments))).EnsureSuccessStatusCode();
        }
        return client;
    }

    private static string Row(string html, string id)
    {
        var match = Regex.Match(html, $"<tr id=\"{Regex.Escape(id)}\">(.*?)</tr>");
        Assert.True(match.Success, $"no row {id}");
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task The_tag_and_release_name_stand_beside_the_sha()
    {
        var client = await WorkedExampleAsync("""
            {"id":"D2","service":"api","repo":"acme/api","environment":"production","sha":"s7","finishedAt":"2026-02-03T10:00:00Z","status":"success","ref":"v1.2.0","releaseName":"Search"}
            {"id":"D3","service":"api","repo":"acme/api","environment":"production","sha":"k3","finishedAt":"2026-02-03T14:00:00Z","status":"success","ref":"v1.2.1","releaseName":"v1.2.1"}
            """);

        var html = await client.GetStringAsync($"/explain/deployments?{Week}");

        Assert.Contains("<th scope=\"col\">Commit</th><th scope=\"col\">Tag or release</th>", html);
        Assert.Contains("<td>s7</td><td>v1.2.0 (Search)</td>", Row(html, "D2"));
        Assert.Contains("<td>k3</td><td>v1.2.1</td>", Row(html, "D3")); // a title equal to the tag is said once
        Assert.Contains("<td>k1</td><td></td>", Row(html, "D1")); // the import named neither
        var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/deployments?{Week}")).RootElement;
        var d2 = json.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "D2");
        Assert.Equal("v1.2.0", d2.GetProperty("ref").GetString());
        Assert.Equal("Search", d2.GetProperty("releaseName").GetString());
    }

    [Fact]
    public async Task Rollback_evidence_links_to_the_row_of_the_deployment_that_rolled_back()
    {
        var client = await WorkedExampleAsync();

        var html = await client.GetStringAsync($"/explain/deployments?{Week}");
        Assert.Contains("<a href=\"/explain/deployments?from=2026-02-02&amp;to=2026-02-09#D4\">rolled back by D4</a>", Row(html, "D3"));
        Assert.Contains("<tr id=\"D4\">", html); // the anchor the link lands on
        // The failed deployments alone: the link leaves that filter, to the listing that has D4's row.
        var failed = await client.GetStringAsync($"/explain/deployments?{Week}&failed=true");
        Assert.Contains("href=\"/explain/deployments?from=2026-02-02&amp;to=2026-02-09#D4\"", Row(failed, "D3"));
    }

    [Fact]
    public async Task A_rollback_after_the_window_is_linked_in_a_window_that_holds_it()
    {
        // D4 moved to Thu 02-05 15:00 (still the next deployment after D3, still s7: a rollback). The window 02-02 to
        // 02-04 holds D3 (Tue) but not D4: the link's window runs to the day after D4's, 02-06.
        var client = await WorkedExampleAsync("""
            {"id":"D4","service":"api","repo":"acme/api","environment":"production","sha":"s7","finishedAt":"2026-02-05T15:00:00Z","status":"success"}
            """);

        var html = await client.GetStringAsync("/explain/deployments?from=2026-02-02&to=2026-02-04");
        var link = Regex.Match(Row(html, "D3"), "<a href=\"([^\"]+)\">rolled back by D4</a>").Groups[1].Value;
        Assert.Equal("/explain/deployments?from=2026-02-02&amp;to=2026-02-06#D4", link);
        Assert.Contains("<tr id=\"D4\">", await client.GetStringAsync("/explain/deployments?from=2026-02-02&to=2026-02-06"));
    }

    public void Dispose() => factory.Dispose();
}
