using System.Text.Json;
using DevEx.Server.Tests.Api;
using NodaTime;

namespace DevEx.Server.Tests.Dashboards;

// Queries: queries/explain_deployments.sql (ref and release_name from deployments, migration 010).
/// <summary>
/// /explain/deployments over the worked example (D1..D4, week of 2026-02-02): the tag or release beside the sha, and the
/// failure evidence linked to its row. D3 failed by rollback: D4 (s7, an ancestor of D3's k3) rolled it back, and,
/// not failed itself, recovered it.
/// </summary>
public sealed class ExplainDeploymentsPageTests : IDisposable
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

    /// <summary>Row <paramref name="id"/>'s cells under the headers Commit and Tag or release.</summary>
    private static (string Commit, string Release) CommitAndRelease(string html, string id)
    {
        var headers = PageHtml.Headers(html);
        var cells = PageHtml.RowCells(html, id);
        return (cells[headers.IndexOf("Commit")], cells[headers.IndexOf("Tag or release")]);
    }

    [Fact]
    public async Task The_tag_and_release_name_stand_beside_the_sha()
    {
        var client = await WorkedExampleAsync("""
            {"id":"D2","service":"api","repo":"acme/api","environment":"production","sha":"s7","finishedAt":"2026-02-03T10:00:00Z","status":"success","ref":"v1.2.0","releaseName":"Search"}
            {"id":"D3","service":"api","repo":"acme/api","environment":"production","sha":"k3","finishedAt":"2026-02-03T14:00:00Z","status":"success","ref":"v1.2.1","releaseName":"v1.2.1"}
            """);

        var html = await client.GetStringAsync($"/explain/deployments?{Week}");

        var headers = PageHtml.Headers(html);
        Assert.Equal(headers.IndexOf("Commit") + 1, headers.IndexOf("Tag or release"));
        Assert.Equal(("s7", "v1.2.0 (Search)"), CommitAndRelease(html, "D2"));
        Assert.Equal(("k3", "v1.2.1"), CommitAndRelease(html, "D3")); // a title equal to the tag is said once
        Assert.Equal(("k1", ""), CommitAndRelease(html, "D1")); // the import named neither
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
        Assert.Equal("/explain/deployments?from=2026-02-02&to=2026-02-09#D4", PageHtml.RowLink(html, "D3", "rolled back by D4"));
        Assert.Contains("D4", PageHtml.RowIds(html)); // the anchor the link lands on
        // The failed deployments alone: the link leaves that filter, to the listing that has D4's row.
        var failed = await client.GetStringAsync($"/explain/deployments?{Week}&failed=true");
        Assert.Equal("/explain/deployments?from=2026-02-02&to=2026-02-09#D4", PageHtml.RowLink(failed, "D3", "rolled back by D4"));
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
        Assert.Equal("/explain/deployments?from=2026-02-02&to=2026-02-06#D4", PageHtml.RowLink(html, "D3", "rolled back by D4"));
        Assert.Contains("D4", PageHtml.RowIds(await client.GetStringAsync("/explain/deployments?from=2026-02-02&to=2026-02-06")));
    }

    public void Dispose() => factory.Dispose();
}
