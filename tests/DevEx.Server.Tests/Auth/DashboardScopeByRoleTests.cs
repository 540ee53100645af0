using System.Net;
using System.Text.Json;
using DevEx.Server.Auth;
using DevEx.Server.Tests.Api;
using DevEx.Server.Tests.Dashboards;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Auth;

/// <summary>
/// What each role sees on the dashboard pages, through HTTP with an API key per role. The catalog: department eng with
/// teams core and search below it, team ops beside it; service api (repo acme/api) owned by core, service billing owned
/// by ops. The data is the worked example of docs/metrics.md, all of it on service api (so team core): deployments D1–D4
/// on 2 and 3 February 2026, D3 failed (it carries a revert and incident I1 opened half an hour after it) and recovered by
/// D4 an hour later; pull request 7 merged at 09:00 on 3 February and deployed by D2 at 10:00. The pages' default window,
/// the 12 full ISO weeks before 11 February, holds all of it.
/// </summary>
[Collection(OidcProviderCollection.Name)]
public sealed class DashboardScopeByRoleTests(OidcProviderFixture fixture)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 2, 11, 12, 0);

    private const string Catalog = """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: { name: eng }
        spec: { type: department, children: [] }
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: { name: core, annotations: { devex.dev/timezone: UTC } }
        spec: { type: team, parent: eng, children: [] }
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: { name: search }
        spec: { type: team, parent: eng, children: [] }
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: { name: ops }
        spec: { type: team, children: [] }
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: api
          annotations: { github.com/project-slug: acme/api }
        spec: { type: service, owner: group:default/core, lifecycle: production }
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: billing
          annotations: { github.com/project-slug: acme/billing }
        spec: { type: service, owner: group:default/ops, lifecycle: production }
        """;

    // The refusal sentences of docs/security.md, "Roles and scope", for an organisation-level view.
    private static string PerTeam(string role) =>
        $"role {role} sees organisation-level figures and their own teams' only; a table of every team needs platform or admin";

    private static string Rows(string role, string teams) =>
        $"role {role} sees rows of their own teams only; choose one of them with 'team' ({teams}), or ask for platform or admin";

    private sealed record Scenario(DevExAppFactory Service, HttpClient Client, IReadOnlyDictionary<string, string> Key) : IDisposable
    {
        public void Dispose()
        {
            Client.Dispose();
            Service.Dispose();
        }
    }

    /// <summary>The service with the catalog and the worked example loaded; a key per role (member of core, lead of eng).</summary>
    private async Task<Scenario> StartAsync()
    {
        var service = OidcProviderFixture.Service(fixture.Provider, Now);
        var client = service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var keys = service.Services.GetRequiredService<ApiKeyService>();
        var key = DevExRoles.All.ToDictionary(r => r, r => keys.Create($"pages-{r}", [r],
            r == DevExRoles.Member ? ["core"] : r == DevExRoles.Lead ? ["eng"] : [], 1).Created!.Key);
        foreach (var (kind, body) in new[] { ("catalog", Catalog), ("commits", WorkedExampleImport.Commits), ("pull-requests", WorkedExampleImport.PullRequests),
                     ("deployments", WorkedExampleImport.Deployments), ("incidents", WorkedExampleImport.Incidents) })
        {
            using var import = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/import/{kind}") { Content = new StringContent(body) };
            import.Headers.Authorization = new("Bearer", key[DevExRoles.Admin]);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(import)).StatusCode);
        }
        return new Scenario(service, client, key);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(Scenario s, string url, string role)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new("Bearer", s.Key[role]);
        using var response = await s.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> PageAsync(Scenario s, string url, string role)
    {
        var (status, body) = await GetAsync(s, url, role);
        Assert.True(status == HttpStatusCode.OK, $"{url} as {role}: {(int)status}");
        return body;
    }

    /// <summary>What a refused panel says, or null when it shows its data; and whether it offers a CSV.</summary>
    private static (string? Refusal, bool Csv) Shown(string page, string panel)
    {
        using var section = PageHtml.Parse(PageHtml.Panel(page, panel));
        return (section.QuerySelector("p.refused")?.TextContent, section.QuerySelector(".panel-links a") is not null);
    }

    private static string Refused(string reason) => $"Outside what your role may see: {reason}.";

    /// <summary>The values of a select of the page's filter form, without its "no filter" option.</summary>
    private static List<string> Options(string page, string select)
    {
        using var document = PageHtml.Parse(page);
        return document.QuerySelectorAll($"form.filters select[name={select}] option").Select(o => o.GetAttribute("value") ?? "")
            .Where(v => v.Length > 0).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task The_per_team_panels_of_the_org_level_DORA_and_overview_pages_show_their_data_to_platform_and_admin_only()
    {
        using var s = await StartAsync();
        foreach (var role in DevExRoles.All)
        {
            var dora = await PageAsync(s, "/dashboards/dora", role);
            var overview = await PageAsync(s, "/dashboards/overview", role);
            // Every role sees the organisation's figures: the four deployments D1–D4 (then their level's badge).
            Assert.Equal("4", PageHtml.Stat(PageHtml.Panel(dora, "deployment-frequency")).Split(' ')[0]);
            if (role is DevExRoles.Platform or DevExRoles.Admin)
            {
                // One row per catalog team, by name; every deployment is of api, which core owns, and none of another team's.
                var byTeam = PageHtml.Rows(PageHtml.Panel(dora, "by-team"));
                Assert.Equal(["core", "eng", "ops", "search"], byTeam.Select(r => r[0]));
                Assert.Equal(["4", "0", "0", "0"], byTeam.Select(r => r[1]));
                // One row per service: api deployed four times, billing never.
                Assert.Equal([["api", "4"], ["billing", "0"]], PageHtml.Rows(PageHtml.Panel(dora, "by-service")).Select(r => r.Take(2).ToList()));
                // One failed deployment: D3 (sha k3) of api.
                Assert.Contains("k3", Assert.Single(PageHtml.Rows(PageHtml.Panel(dora, "failed-deployments"))));
                // Pull request 7 waited an hour for D2 to deploy it: core has a row of waits.
                Assert.Contains("core", PageHtml.Texts(PageHtml.Panel(overview, "waits-by-team"), "tbody th"));
                foreach (var (page, panel) in new[] { (dora, "by-team"), (dora, "by-service"), (dora, "failed-deployments"), (overview, "waits-by-team"),
                             (overview, "flow-and-focus"), (overview, "biggest-change") })
                {
                    Assert.Equal((null, true), Shown(page, panel));
                }
            }
            else
            {
                foreach (var (page, panel) in new[] { (dora, "by-team"), (dora, "by-service"), (overview, "waits-by-team"), (overview, "flow-and-focus"),
                             (overview, "biggest-change") })
                {
                    Assert.Equal((Refused(PerTeam(role)), false), Shown(page, panel));
                    Assert.DoesNotContain("<table", PageHtml.Panel(page, panel), StringComparison.Ordinal);
                }
                var teams = role == DevExRoles.Member ? "'core'" : role == DevExRoles.Lead ? "'eng'" : "none";
                Assert.Equal((Refused(Rows(role, teams)), false), Shown(dora, "failed-deployments"));
                // The organisation's waits are figures: shown.
                Assert.Equal((null, true), Shown(overview, "waits"));
            }
        }
    }

    [Fact]
    public async Task The_team_and_service_filters_list_only_what_the_role_may_see()
    {
        using var s = await StartAsync();
        var expected = new Dictionary<string, (string[] Teams, string[] Services, string[] MeetingTeams)>
        {
            [DevExRoles.Viewer] = ([], [], []), // the whole organisation only
            [DevExRoles.Member] = (["core"], ["api"], ["core"]), // their team and its service
            [DevExRoles.Lead] = (["core", "eng", "search"], ["api"], ["core", "eng", "search"]), // eng and the teams below it, not ops beside it
            [DevExRoles.Platform] = (["core", "eng", "ops", "search"], ["api", "billing"], []), // every team's delivery, no team's meetings
            [DevExRoles.Admin] = (["core", "eng", "ops", "search"], ["api", "billing"], ["core", "eng", "ops", "search"]),
        };
        foreach (var (role, (teams, services, meetingTeams)) in expected)
        {
            var dora = await PageAsync(s, "/dashboards/dora", role);
            Assert.Equal(teams, Options(dora, "team"));
            Assert.Equal(services, Options(dora, "service"));
            Assert.Equal(meetingTeams, Options(await PageAsync(s, "/dashboards/meetings", role), "team"));
        }

        // A member on their team's page is offered its weekly report in four formats; platform, who may not read a team's
        // meetings (the report holds them), sees the team's page without the downloads.
        Assert.Equal(4, PageHtml.Anchors(await PageAsync(s, "/dashboards/dora?team=core", DevExRoles.Member), ".report a").Count);
        Assert.Empty(PageHtml.Anchors(await PageAsync(s, "/dashboards/dora?team=core", DevExRoles.Platform), ".report a"));
        // An explain listing's filters follow the same rule.
        Assert.Equal(["core"], Options(await PageAsync(s, "/explain/deployments?team=core", DevExRoles.Member), "team"));
    }

    [Fact]
    public async Task A_panel_csv_outside_the_role_is_a_403_problem_saying_why()
    {
        using var s = await StartAsync();
        async Task<string> Refusal(string url, string role)
        {
            var (status, body) = await GetAsync(s, url, role);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
        }
        Assert.Equal(PerTeam("member"), await Refusal("/dashboards/dora/panels/by-team.csv", DevExRoles.Member));
        Assert.Equal(Rows("member", "'core'"), await Refusal("/dashboards/dora/panels/failed-deployments.csv", DevExRoles.Member));
        // The page as a whole: another team's DORA page, and the data-quality page (organisation-wide rows).
        Assert.Equal("role member sees organisation-level figures and the teams 'core'; team 'search' needs member of it, lead above it, platform or admin",
            await Refusal("/dashboards/dora/panels/deployment-frequency.csv?team=search", DevExRoles.Member));
        Assert.Equal("role viewer sees no organisation-wide rows; they need platform or admin",
            await Refusal("/dashboards/data-quality/panels/items.csv", DevExRoles.Viewer));

        // Their own team's table is theirs: the header and core's row, four deployments.
        var own = (await PageAsync(s, "/dashboards/dora/panels/by-team.csv?team=core", DevExRoles.Member)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, own.Length);
        Assert.StartsWith("team,deployments,", own[0], StringComparison.Ordinal);
        Assert.StartsWith("core,4,", own[1], StringComparison.Ordinal);
        // The organisation's figures are everyone's.
        Assert.StartsWith("deployments,", await PageAsync(s, "/dashboards/dora/panels/deployment-frequency.csv", DevExRoles.Viewer), StringComparison.Ordinal);
        // An admin gets every table: five rows (four teams, header) and the data-quality rows.
        Assert.Equal(5, (await PageAsync(s, "/dashboards/dora/panels/by-team.csv", DevExRoles.Admin)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        await PageAsync(s, "/dashboards/data-quality/panels/items.csv", DevExRoles.Admin);
    }

    [Fact]
    public async Task The_data_quality_page_is_for_platform_and_admin()
    {
        using var s = await StartAsync();
        foreach (var role in new[] { DevExRoles.Viewer, DevExRoles.Member, DevExRoles.Lead })
        {
            var (status, body) = await GetAsync(s, "/dashboards/data-quality", role);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains($"role {role} sees no organisation-wide rows; they need platform or admin", body, StringComparison.Ordinal);
        }
        foreach (var role in new[] { DevExRoles.Platform, DevExRoles.Admin })
        {
            Assert.Equal((null, true), Shown(await PageAsync(s, "/dashboards/data-quality", role), "items"));
        }
    }

    [Fact]
    public async Task A_panel_cached_for_one_role_never_reaches_another()
    {
        using var s = await StartAsync();
        // The viewer first: the refusal is decided before the cache and is not kept, so the admin after them gets the table.
        Assert.Equal((Refused(PerTeam("viewer")), false), Shown(await PageAsync(s, "/dashboards/dora", DevExRoles.Viewer), "by-team"));
        var admin = await PageAsync(s, "/dashboards/dora", DevExRoles.Admin);
        Assert.Equal(["4", "0", "0", "0"], PageHtml.Rows(PageHtml.Panel(admin, "by-team")).Select(r => r[1]));
        // Now the table is cached for this view (the admin's second request is the same page); the viewer still sees why not.
        Assert.Equal(admin, await PageAsync(s, "/dashboards/dora", DevExRoles.Admin));
        var viewer = await PageAsync(s, "/dashboards/dora", DevExRoles.Viewer);
        Assert.Equal((Refused(PerTeam("viewer")), false), Shown(viewer, "by-team"));
        Assert.Empty(PageHtml.Texts(PageHtml.Panel(viewer, "by-team"), "td"));
        // And the CSV of the cached table.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(s, "/dashboards/dora/panels/by-team.csv", DevExRoles.Admin)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(s, "/dashboards/dora/panels/by-team.csv", DevExRoles.Viewer)).Status);
    }
}
