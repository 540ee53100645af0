using static DevEx.Server.Tests.Dashboards.PageHtml;

namespace DevEx.Server.Tests.Dashboards;

// Queries: queries/explain_data_quality.sql (/explain/data-quality: the clamped span, the rejected line) and
// queries/explain_identity_occurrences.sql (/explain/identities: where rev and dev@example.com occur).
/// <summary>
/// "Data quality" over <see cref="FlowScenario"/> (over all data, whatever the window): alpha#4 was reviewed before it was
/// ready, so one clamped span; one rejected pipeline-run line (line 5); identities no catalog User claims: reviewer rev
/// (2 reviews on each of 5 merged pull requests = 10), author dev (6 pull requests) and dev@example.com (4 commits).
/// </summary>
public sealed class DataQualityPageTests(FlowScenarioFixture scenario) : IClassFixture<FlowScenarioFixture>
{
    private const string Window = "from=2026-02-09&to=2026-02-16";

    [Fact]
    public async Task Each_count_links_to_its_rows()
    {
        var html = await scenario.PageAsync($"/dashboards/data-quality?{FlowScenario.Week}");
        var items = Panel(html, "items");
        var rows = Rows(items);
        var links = Links(items);
        var clamped = rows.FindIndex(r => r[0] == "derivation" && r[1] == "clamped-span");
        Assert.Equal("1", rows[clamped][2]);
        Assert.Equal($"/explain/data-quality?{Window}&category=derivation&kind=clamped-span", links[clamped][2]);
        var rejects = rows.FindIndex(r => r[0] == "import-rejects");
        Assert.Equal(["import-rejects", "POST /api/v1/import/pipeline-runs", "1"], rows[rejects][..3]);
        Assert.Equal($"/explain/data-quality?{Window}&category=import-rejects&kind=POST%20%2Fapi%2Fv1%2Fimport%2Fpipeline-runs", links[rejects][2]);

        var unmapped = Panel(html, "unmapped");
        Assert.Equal([["rev", "10", "reviews"], ["dev", "6", "pull_requests"], ["dev@example.com", "4", "commits"]], Rows(unmapped));
        Assert.Equal($"/explain/identities?{Window}&identity=rev", Links(unmapped)[0][1]);
    }

    [Fact]
    public async Task The_rows_behind_the_counts()
    {
        var clamped = await scenario.PageAsync($"/explain/data-quality?{Window}&category=derivation&kind=clamped-span");
        Assert.Equal([["derivation", "clamped-span", "acme/alpha#4", "a phase ends 1 h before it starts; counted as 0", "–"]], Rows(clamped));

        var rejects = await scenario.PageAsync($"/explain/data-quality?category=import-rejects&kind={Uri.EscapeDataString("POST /api/v1/import/pipeline-runs")}");
        var reject = Assert.Single(Rows(rejects));
        Assert.Equal(["import-rejects", "POST /api/v1/import/pipeline-runs", "line 5"], reject[..3]);

        var rev = await scenario.PageAsync($"/explain/identities?{Window}&identity=rev");
        Assert.Contains("10 rows", rev);
        var rows = Rows(rev);
        Assert.All(rows, r => Assert.Equal(["rev", "reviews"], r[..2]));
        // Newest first: beta#1's approval (Wed 02-11 12:00), then its first review; each links to its pull request.
        Assert.Equal(["acme/beta", "acme/beta#1", "2026-02-11 12:00 UTC"], rows[0][2..]);
        Assert.Equal("https://github.com/acme/beta/pull/1", Links(rev)[0][3]);
        Assert.Contains("4 rows", await scenario.PageAsync("/explain/identities?identity=dev@example.com")); // its commits
    }
}
