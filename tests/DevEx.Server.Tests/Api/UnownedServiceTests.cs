using System.Net;
using System.Text.Json;
using DevEx.Server.Tests.Dashboards;
using NodaTime;

namespace DevEx.Server.Tests.Api;

// Queries: dora_* and incident_time_to_restore grouped by team, wait_states by team, data_quality_unowned_services,
// data_quality_unmapped_identities (bots apart).
/// <summary>
/// Services no team owns count in the org and in a row "unowned" of every per-team listing, so the rows sum to the org,
/// and data quality lists them. The worked example (team core owns api: D1-D4, D3 failed, I1 1.5 h) plus, in the week
/// 2026-02-02 .. 02-09 (UTC):
/// - reports, deployed without a catalog entry (its own service, no owner): R1 x1 Wed 02-04 10:00 (its first, empty change
///   set), R2 x2 Thu 02-05 10:00 shipping PR acme/reports#1 (x2, authored Thu 08:00, merged 09:00): lead time 2 h, deploy
///   wait 1 h (09:00-10:00, a working hour). I2 on reports (no causedBy) opens Thu 11:00, after R2 and within 24 h, with no
///   later deployment: R2 failed (window); resolved 12:00: restored in 1 h;
/// - billing, a Component whose owner group:default/ghost is no Group: B1 b1 Fri 02-06 10:00 (its first deployment).
/// Org: 7 deployments, 2 failed. core: 4, 1 failed, lead time n 3 (median 23 h), restore 1.5 h. unowned: R1, R2, B1 = 3,
/// 1 failed (1/3), lead time n 1 (2 h), restore n 1 (1 h). 4 + 3 = 7 and 1 + 1 = 2.
/// Bots: renovate[bot] opened acme/api#2, and 49699333+dependabot[bot]@users.noreply.github.com authored a commit on no
/// deployed line: the default bot pattern \[bot\]$ matches both (the address before its '@').
/// </summary>
public sealed class UnownedServiceTests : IAsyncLifetime, IDisposable
{
    private const string Week = "from=2026-02-02&to=2026-02-09";
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));
    private HttpClient client = null!;

    private const string Catalog = """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: core
          annotations:
            devex.dev/timezone: UTC
        spec:
          type: team
          children: []
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: api
          annotations:
            github.com/project-slug: acme/api
        spec:
          type: service
          lifecycle: production
          owner: group:default/core
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: billing
          annotations:
            github.com/project-slug: acme/billing
        spec:
          type: service
          lifecycle: production
          owner: group:default/ghost
        """;

    private const string Commits = """
        {"repo":"acme/reports","sha":"x1","parents":[],"author":"ops@example.com","authoredAt":"2026-02-04T08:00:00Z"}
        {"repo":"acme/reports","sha":"x2","parents":["x1"],"author":"ops@example.com","authoredAt":"2026-02-05T08:00:00Z"}
        {"repo":"acme/billing","sha":"b1","parents":[],"author":"ops@example.com","authoredAt":"2026-02-06T07:00:00Z"}
        {"repo":"acme/api","sha":"bot1","parents":[],"author":"49699333+dependabot[bot]@users.noreply.github.com","authoredAt":"2026-02-05T07:00:00Z"}
        """;

    private const string PullRequests = """
        {"repo":"acme/reports","number":1,"author":"ops","createdAt":"2026-02-05T08:30:00Z","mergedAt":"2026-02-05T09:00:00Z","mergeCommitSha":"x2","title":"Monthly report","commits":["x2"]}
        {"repo":"acme/api","number":2,"author":"renovate[bot]","createdAt":"2026-02-05T08:30:00Z","title":"Update dependency"}
        """;

    private const string Deployments = """
        {"id":"R1","service":"reports","repo":"acme/reports","environment":"production","sha":"x1","finishedAt":"2026-02-04T10:00:00Z","status":"success"}
        {"id":"R2","service":"reports","repo":"acme/reports","environment":"production","sha":"x2","finishedAt":"2026-02-05T10:00:00Z","status":"success"}
        {"id":"B1","service":"billing","repo":"acme/billing","environment":"production","sha":"b1","finishedAt":"2026-02-06T10:00:00Z","status":"success"}
        """;

    private const string Incidents = """
        {"id":"I2","service":"reports","openedAt":"2026-02-05T11:00:00Z","resolvedAt":"2026-02-05T12:00:00Z"}
        """;

    public async Task InitializeAsync()
    {
        client = factory.CreateClient();
        await WorkedExampleImport.LoadAsync(client);
        foreach (var (kind, body) in new[] { ("catalog", Catalog), ("commits", Commits), ("pull-requests", PullRequests), ("deployments", Deployments), ("incidents", Incidents) })
        {
            (await client.PostAsync($"/api/v1/import/{kind}", new StringContent(body))).EnsureSuccessStatusCode();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => factory.Dispose();

    private async Task<JsonElement> Get(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Dora_by_team_has_an_unowned_row_and_the_rows_sum_to_the_org()
    {
        var org = await Get($"/api/v1/metrics/dora?{Week}");
        Assert.Equal(7, org.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32());
        Assert.Equal(2, org.GetProperty("changeFailRate").GetProperty("failedDeployments").GetInt32());

        var rows = (await Get($"/api/v1/metrics/dora/by-team?{Week}")).GetProperty("teams").EnumerateArray()
            .Select(t => (t.GetProperty("team").GetString(), t.GetProperty("unowned").GetBoolean(), M: t.GetProperty("metrics"))).ToList();
        Assert.Equal([("core", false), ("unowned", true)], rows.Select(r => (r.Item1, r.Item2)));
        var (core, unowned) = (rows[0].M, rows[1].M);
        Assert.Equal((4, 1, 3, 23.0, 1.5), Figures(core));
        Assert.Equal((3, 1, 1, 2.0, 1.0), Figures(unowned));
        Assert.Equal(1 / 3.0, unowned.GetProperty("changeFailRate").GetProperty("rate").GetDouble(), 9);
    }

    private static (int Deployments, int Failed, int Changes, double LeadTime, double Restore) Figures(JsonElement m) =>
        (m.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32(), m.GetProperty("changeFailRate").GetProperty("failedDeployments").GetInt32(),
            m.GetProperty("changeLeadTime").GetProperty("sampleSize").GetInt32(), m.GetProperty("changeLeadTime").GetProperty("medianHours").GetDouble(),
            m.GetProperty("incidentTimeToRestore").GetProperty("medianHours").GetDouble());

    [Fact]
    public async Task Data_quality_lists_the_services_no_team_owns_and_the_bots_apart()
    {
        var quality = await Get("/api/v1/data-quality");
        var unowned = quality.GetProperty("unownedServices").EnumerateArray()
            .Select(s => (s.GetProperty("service").GetString(), s.GetProperty("namedOwner").GetString(), s.GetProperty("fromCatalog").GetBoolean(),
                s.GetProperty("deployments").GetInt32(), s.GetProperty("incidents").GetInt32())).ToList();
        Assert.Equal([("reports", null, false, 2, 1), ("billing", "ghost", true, 1, 0)], unowned);
        Assert.Equal(["acme/billing"], quality.GetProperty("unownedServices")[1].GetProperty("repos").EnumerateArray().Select(r => r.GetString()));

        // dev@example.com: the example's 6 commits; ops@example.com: x1, x2, b1; dev and ops: one pull request each.
        var people = quality.GetProperty("unmappedIdentities").EnumerateArray()
            .Select(i => (i.GetProperty("identity").GetString(), i.GetProperty("occurrences").GetInt32())).ToList();
        Assert.Equal([("dev@example.com", 6), ("ops@example.com", 3), ("dev", 1), ("ops", 1)], people);
        var bots = quality.GetProperty("bots").EnumerateArray()
            .Select(i => (i.GetProperty("identity").GetString(), i.GetProperty("occurrences").GetInt32())).ToList();
        Assert.Equal([("49699333+dependabot[bot]@users.noreply.github.com", 1), ("renovate[bot]", 1)], bots);
    }

    [Theory]
    [InlineData("/api/v1/metrics/dora?team=core&service=reports", HttpStatusCode.BadRequest, "service", "owned by no team")]
    [InlineData("/api/v1/metrics/dora?team=core&service=billing", HttpStatusCode.BadRequest, "service", "owned by no team")]
    [InlineData("/api/v1/deployments?team=unowned", HttpStatusCode.NotFound, "team", "data-quality")]
    public async Task Unowned_is_not_a_team_filter_and_a_service_outside_the_team_is_a_problem(string url, HttpStatusCode status, string parameter, string detail)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_service_of_the_team_is_still_answered()
    {
        var dora = await Get($"/api/v1/metrics/dora?{Week}&team=core&service=api");
        Assert.Equal(4, dora.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32());
    }

    [Fact]
    public async Task Dora_page_per_team_table_ends_with_the_unowned_row()
    {
        var table = PageHtml.Panel(await client.GetStringAsync($"/dashboards/dora?{Week}"), "by-team");
        var rows = PageHtml.Rows(table);
        Assert.Equal(["core", "Unowned (no owner team)"], rows.Select(r => r[0]));
        Assert.Equal(["4", "3"], rows.Select(r => r[1])); // deployments: 4 + 3 = the org's 7
        Assert.StartsWith("/dashboards/data-quality?", PageHtml.Links(table)[1][0]);
    }

    [Fact]
    public async Task Overview_per_team_waits_have_the_unowned_row()
    {
        // Deploy wait: core's #7 merged Tue 09:00, deployed (D2) 10:00; reports#1 merged Thu 09:00, deployed (R2) 10:00:
        // one working hour each. Neither was reviewed, so deploy wait is each row's only wait.
        var table = PageHtml.Panel(await client.GetStringAsync($"/?{Week}"), "waits-by-team");
        var rows = PageHtml.Rows(table);
        Assert.Contains(rows, r => r[0] == "Unowned (no owner team)");
        Assert.Contains(rows, r => r[0] == "core");
    }

    [Fact]
    public async Task Overview_flow_and_focus_has_the_unowned_row_and_tickets_done_sum_to_the_org()
    {
        // Working hours Mon-Fri 09:00-17:00 UTC (core's zone, and the default). CORE-1 (team core): Mon 09:00 In Progress,
        // 11:00 In Review, 12:00 Done: active 2 h, wait 1 h, flow efficiency 2 / 3 = 66.7%. OPS-1 (no team, no linked pull
        // request): Tue 09:00 In Progress, 10:00 Blocked, 13:00 Done: active 1 h, wait 3 h. OPS-2 (team ghost, no catalog
        // Group): Wed 09:00 In Progress, 13:00 Done: active 4 h. Unowned: 2 tickets, (1 + 4) / (1 + 4 + 3) = 5 / 8 = 62.5%.
        // No calendars: no meeting figures. The week before had no tickets: no previous figures.
        const string tickets = """
            {"key":"CORE-1","project":"CORE","type":"Task","createdAt":"2026-02-02T08:00:00Z","team":"core","transitions":[{"at":"2026-02-02T09:00:00Z","from":"To Do","to":"In Progress"},{"at":"2026-02-02T11:00:00Z","from":"In Progress","to":"In Review"},{"at":"2026-02-02T12:00:00Z","from":"In Review","to":"Done"}]}
            {"key":"OPS-1","project":"OPS","type":"Task","createdAt":"2026-02-03T08:00:00Z","transitions":[{"at":"2026-02-03T09:00:00Z","from":"To Do","to":"In Progress"},{"at":"2026-02-03T10:00:00Z","from":"In Progress","to":"Blocked"},{"at":"2026-02-03T13:00:00Z","from":"Blocked","to":"Done"}]}
            {"key":"OPS-2","project":"OPS","type":"Task","createdAt":"2026-02-04T08:00:00Z","team":"ghost","transitions":[{"at":"2026-02-04T09:00:00Z","from":"To Do","to":"In Progress"},{"at":"2026-02-04T13:00:00Z","from":"In Progress","to":"Done"}]}
            """;
        (await client.PostAsync("/api/v1/import/tickets", new StringContent(tickets))).EnsureSuccessStatusCode();

        var table = PageHtml.Panel(await client.GetStringAsync($"/?{Week}"), "flow-and-focus");
        Assert.Equal(
        [
            ["core", "66.7%", "–", "1", "–", "–", "–", "–", "0"],
            ["Unowned (no owner team)", "62.5%", "–", "2", "–", "–", "–", "–", "0"],
        ], PageHtml.Rows(table));
        Assert.StartsWith("/dashboards/data-quality?", PageHtml.Links(table)[1][0]);
        // 1 + 2 = the org's 3 tickets done: the org's listing has them all.
        Assert.Contains("3 rows", await client.GetStringAsync($"/explain/tickets?{Week}"));
    }

    [Fact]
    public async Task Data_quality_page_lists_unowned_services_and_bots()
    {
        var html = await client.GetStringAsync("/dashboards/data-quality");
        var unowned = PageHtml.Panel(html, "unowned-services");
        Assert.Equal(["reports", "billing"], PageHtml.Rows(unowned).Select(r => r[0]));
        // A query panel now (queries/panel_unowned_services.sql): the columns and the link to the service's DORA page as before.
        Assert.Equal(["Service", "Owner named (no such team)", "Production deployments", "Incidents", "Repositories"], PageHtml.Headers(unowned));
        Assert.StartsWith("/dashboards/dora?service=reports&from=", PageHtml.Links(unowned)[0][0]);
        Assert.Equal(["49699333+dependabot[bot]@users.noreply.github.com", "renovate[bot]"], PageHtml.Rows(PageHtml.Panel(html, "bots")).Select(r => r[0]));
        Assert.DoesNotContain("renovate[bot]", PageHtml.Panel(html, "unmapped"));
    }
}
