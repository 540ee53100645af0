using System.Net;
using System.Text.Json;
using DevEx.Server.Auth;
using DevEx.Server.Tests.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Api;

// Queries: adoption_coverage, adoption_scorecard_checks, adoption_scorecard_levels, adoption_service_weeks.
/// <summary>
/// The adoption endpoints through HTTP. Now is Wed 2026-02-11 12:00 UTC; the catalog is imported then, so its Components
/// are first seen then, and the commits an hour later (the scorecard step runs after each import, over the weeks of
/// 02-02 and 02-09, as of the end of 02-02's week and of 13:00 in 02-09's). Groups: core with a member (User ann), ops
/// with none. Components: api (core, acme/api: description, system shop, techdocs-ref), web (core, acme/web: none of the
/// three), tools (ops, acme/tools: description only); every one has a lifecycle. Commits: acme/api Tue 02-03 and
/// Tue 02-10, acme/web and acme/scripts (no service) Tue 02-10. Scorecard documented: bronze = has-description, silver =
/// has-techdocs.
/// </summary>
[Collection(OidcProviderCollection.Name)]
public sealed class AdoptionApiTests(OidcProviderFixture fixture) : IDisposable
{
    private const string Window = "from=2026-02-02&to=2026-02-16";

    private const string Catalog = """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: { name: core }
        spec: { type: team, children: [] }
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: { name: ops }
        spec: { type: team, children: [] }
        ---
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata: { name: ann }
        spec: { memberOf: [core] }
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: api
          description: The API
          annotations: { github.com/project-slug: acme/api, backstage.io/techdocs-ref: 'dir:.' }
        spec: { type: service, owner: group:default/core, lifecycle: production, system: shop }
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: web
          annotations: { github.com/project-slug: acme/web }
        spec: { type: service, owner: group:default/core, lifecycle: production }
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: tools
          description: Scripts for ops
          annotations: { github.com/project-slug: acme/tools }
        spec: { type: service, owner: group:default/ops, lifecycle: experimental }
        """;

    private const string Commits = """
        {"repo":"acme/api","sha":"a1","parents":[],"author":"ann@example.com","authoredAt":"2026-02-03T10:00:00Z"}
        {"repo":"acme/api","sha":"a2","parents":["a1"],"author":"ann@example.com","authoredAt":"2026-02-10T10:00:00Z"}
        {"repo":"acme/web","sha":"w1","parents":[],"author":"ann@example.com","authoredAt":"2026-02-10T11:00:00Z"}
        {"repo":"acme/scripts","sha":"s1","parents":[],"author":"ops@example.com","authoredAt":"2026-02-10T12:00:00Z"}
        """;

    private const string Scorecard = """
        id: documented
        title: Documented service
        checks:
          - id: has-description
            title: Has a description
            kind: component-field
            field: metadata.description
          - id: has-techdocs
            title: Publishes TechDocs
            kind: annotation
            annotation: backstage.io/techdocs-ref
        levels:
          - { name: bronze, checks: [has-description] }
          - { name: silver, checks: [has-techdocs] }
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("devex-scorecards").FullName;

    private async Task<(DevExAppFactory Service, HttpClient Client, Func<string[], string[], string> Key)> StartAsync()
    {
        File.WriteAllText(Path.Combine(folder, "documented.yaml"), Scorecard);
        var service = OidcProviderFixture.Service(fixture.Provider, Instant.FromUtc(2026, 2, 11, 12, 0));
        service.Settings["DevEx:Scorecards"] = folder;
        service.Settings["DevEx:ScorecardWeeks"] = "2";
        var client = service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var keys = service.Services.GetRequiredService<ApiKeyService>();
        var count = 0;
        string Key(string[] roles, string[] teams) => keys.Create($"adoption-{count++}", roles, teams, 1).Created!.Key;
        var admin = Key([DevExRoles.Admin], []);
        foreach (var (kind, body) in new[] { ("catalog", Catalog), ("commits", Commits) })
        {
            using var import = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/import/{kind}") { Content = new StringContent(body) };
            import.Headers.Authorization = new("Bearer", admin);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(import)).StatusCode);
            service.Clock.Advance(Duration.FromHours(1));
        }
        return (service, client, Key);
    }

    private static async Task<(HttpStatusCode Status, string Body, string? Type)> GetAsync(HttpClient client, string url, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new("Bearer", key);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url, string key)
    {
        var (status, body, _) = await GetAsync(client, url, key);
        Assert.True(status == HttpStatusCode.OK, $"{url}: {(int)status} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static (long, long, long, long, long, long, long, long, long) Counts(JsonElement week) =>
        (week.GetProperty("activeRepositories").GetInt64(), week.GetProperty("cataloguedRepositories").GetInt64(), week.GetProperty("components").GetInt64(),
         week.GetProperty("ownedComponents").GetInt64(), week.GetProperty("withDescription").GetInt64(), week.GetProperty("withLifecycle").GetInt64(),
         week.GetProperty("withSystem").GetInt64(), week.GetProperty("withTechdocs").GetInt64(), week.GetProperty("complete").GetInt64());

    [Fact]
    public async Task Coverage_is_a_weekly_series_for_the_scope_and_each_team_the_caller_may_see()
    {
        var (service, client, key) = await StartAsync();
        using var _ = service;
        // Week 02-02 (as of 02-09): acme/api active, no Component known yet (first seen 02-11): 1 active, 0 catalogued, 0 Components.
        // Week 02-09: acme/api, acme/web, acme/scripts active; api and web catalogued (2 of 3). Components api, web, tools;
        //   owned api, web (core has ann; ops no one) = 2; description api, tools = 2; lifecycle 3; system api = 1;
        //   techdocs api = 1; all four api = 1. Shares: 2/3 catalogued, 2/3 owned, 1/3 complete.
        var platform = key([DevExRoles.Platform], []);
        var coverage = await JsonAsync(client, $"/api/v1/adoption/coverage?{Window}", platform);
        var weeks = coverage.GetProperty("weeks").EnumerateArray().ToList();
        Assert.Equal(["2026-02-02", "2026-02-09"], weeks.Select(w => w.GetProperty("week").GetString()));
        Assert.Equal((1, 0, 0, 0, 0, 0, 0, 0, 0), Counts(weeks[0]));
        Assert.Equal((3, 2, 3, 2, 2, 3, 1, 1, 1), Counts(weeks[1]));
        Assert.Equal(2 / 3.0, weeks[1].GetProperty("catalogCoverage").GetDouble(), 9);
        Assert.Equal(1 / 3.0, weeks[1].GetProperty("completeShare").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, weeks[0].GetProperty("ownerCoverage").ValueKind); // no Component: no share
        Assert.Equal("/docs/metrics#platform-adoption", coverage.GetProperty("definition").GetString());
        // core: week 02-09 acme/api and acme/web, both catalogued; api and web, both owned, one description, one system.
        var teams = coverage.GetProperty("teams").EnumerateArray().ToDictionary(t => t.GetProperty("team").GetString()!, t => t.GetProperty("weeks"));
        Assert.Equal(["core", "ops", "unowned"], teams.Keys);
        Assert.Equal((2, 2, 2, 2, 1, 2, 1, 1, 1), Counts(teams["core"][1]));

        // A member of core sees the organisation's series and core's, no other team's; a viewer the organisation's only.
        var member = await JsonAsync(client, $"/api/v1/adoption/coverage?{Window}", key([DevExRoles.Member], ["core"]));
        Assert.Equal(["core"], member.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("team").GetString()));
        Assert.Equal((3, 2, 3, 2, 2, 3, 1, 1, 1), Counts(member.GetProperty("weeks")[1]));
        var viewer = await JsonAsync(client, $"/api/v1/adoption/coverage?{Window}", key([DevExRoles.Viewer], []));
        Assert.Equal(0, viewer.GetProperty("teams").GetArrayLength());
    }

    [Fact]
    public async Task Coverage_as_csv_has_a_row_per_week_and_team()
    {
        var (service, client, key) = await StartAsync();
        using var _ = service;
        var (status, body, type) = await GetAsync(client, $"/api/v1/adoption/coverage?{Window}&team=core&format=csv", key([DevExRoles.Member], ["core"]));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/csv", type);
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("week,team,active_repositories,catalogued_repositories,catalog_coverage,components,owned_components,owner_coverage,"
            + "with_description,with_lifecycle,with_system,with_techdocs,complete,complete_share", lines[0]);
        // core rolled up (it has no teams below): week 02-09 is 2 active, 2 catalogued (1), 2 Components, 2 owned (1), 1 of 2 complete.
        Assert.Equal("2026-02-09,core (roll-up),2,2,1,2,2,1,1,2,1,1,1,0.5", lines[2]);
        Assert.Equal(5, lines.Length); // header, 2 weeks of the roll-up, 2 weeks of core
    }

    [Fact]
    public async Task A_team_the_caller_may_not_see_is_refused_on_every_adoption_endpoint()
    {
        var (service, client, key) = await StartAsync();
        using var _ = service;
        var member = key([DevExRoles.Member], ["core"]);
        foreach (var url in new[] { "/api/v1/adoption/coverage?team=ops", "/api/v1/adoption/scorecards?team=ops",
                     "/api/v1/adoption/scorecards/documented/components?team=ops", "/api/v1/adoption/impact?team=ops",
                     "/api/v1/adoption/scorecards/documented/components" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(client, url, member)).Status);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, "/api/v1/adoption/scorecards/no-such/components", key([DevExRoles.Platform], []))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(client, "/api/v1/adoption/coverage?format=xml", member)).Status);
    }

    [Fact]
    public async Task Scorecards_give_pass_shares_a_heat_map_and_each_components_checks_with_evidence()
    {
        var (service, client, key) = await StartAsync();
        using var _ = service;
        // This week (02-09): api passes both (silver), web neither (no level), tools the description only (bronze).
        // Levels: bronze reached by api and tools = 2, silver by api = 1. has-description 2 of 3, has-techdocs 1 of 3.
        // Heat map: core (api, web): description 1 of 2, techdocs 1 of 2; ops (tools): description 1 of 1, techdocs 0 of 1.
        var platform = key([DevExRoles.Platform], []);
        var card = (await JsonAsync(client, "/api/v1/adoption/scorecards", platform)).GetProperty("scorecards").EnumerateArray().Single();
        Assert.Equal(("documented", "2026-02-09", 3), (card.GetProperty("id").GetString(), card.GetProperty("week").GetString(), card.GetProperty("components").GetInt32()));
        Assert.Equal([("bronze", 2), ("silver", 1)], card.GetProperty("levels").EnumerateArray().Select(l => (l.GetProperty("name").GetString(), l.GetProperty("components").GetInt32())));
        Assert.Equal([("has-description", 2, 3), ("has-techdocs", 1, 3)], card.GetProperty("checks").EnumerateArray()
            .Select(c => (c.GetProperty("id").GetString(), c.GetProperty("passed").GetInt32(), c.GetProperty("components").GetInt32())));
        var heat = card.GetProperty("heatMap").EnumerateArray().ToDictionary(h => h.GetProperty("team").GetString()!,
            h => h.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("passShare").GetDouble()).ToList());
        Assert.Equal([0.5, 0.5], heat["core"]);
        Assert.Equal([1.0, 0.0], heat["ops"]);

        var components = (await JsonAsync(client, "/api/v1/adoption/scorecards/documented/components?team=core", key([DevExRoles.Member], ["core"])))
            .GetProperty("components").EnumerateArray().ToList();
        Assert.Equal([("api", "silver", 2), ("web", null, 0)], components.Select(c => (c.GetProperty("component").GetString(),
            c.GetProperty("level").GetString(), c.GetProperty("passed").GetInt32())));
        var webDescription = components[1].GetProperty("results")[0];
        Assert.Equal(("has-description", false), (webDescription.GetProperty("check").GetString(), webDescription.GetProperty("passed").GetBoolean()));
        Assert.False(string.IsNullOrEmpty(webDescription.GetProperty("detail").GetString())); // what was looked for and not found
    }

    [Fact]
    public async Task Impact_is_withheld_below_five_adopters_and_says_it_is_an_association()
    {
        var (service, client, key) = await StartAsync();
        using var _ = service;
        // Two adopters (api, tools) and no figures around their adoption: withheld, 0 adopters and 0 controls with figures.
        var impact = await JsonAsync(client, "/api/v1/adoption/impact", key([DevExRoles.Platform], []));
        Assert.Contains("association, not a cause", impact.GetProperty("association").GetString(), StringComparison.Ordinal);
        var card = impact.GetProperty("scorecards").EnumerateArray().Single();
        Assert.Equal((3, 2), (card.GetProperty("components").GetInt32(), card.GetProperty("adopted").GetInt32()));
        var lead = card.GetProperty("figures")[0];
        Assert.Equal("change_lead_time_median_hours", lead.GetProperty("figure").GetString());
        Assert.Equal(JsonValueKind.Null, lead.GetProperty("estimate").GetProperty("effect").ValueKind);
        Assert.StartsWith("0 adopting and 0 not-yet-adopted", lead.GetProperty("estimate").GetProperty("withheldReason").GetString(), StringComparison.Ordinal);
        var (status, body, type) = await GetAsync(client, "/api/v1/adoption/impact?format=csv", key([DevExRoles.Platform], []));
        Assert.Equal((HttpStatusCode.OK, "text/csv"), (status, type));
        Assert.Equal(6, body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header and five figures
    }

    [Fact]
    public async Task The_platform_adoption_page_shows_the_trend_heat_map_failing_checks_and_the_association_sentence()
    {
        var (service, client, key) = await StartAsync();
        using var _ = service;
        var (status, page, _) = await GetAsync(client, $"/dashboards/adoption?{Window}", key([DevExRoles.Platform], []));
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var text in new[] { "Platform adoption", "Coverage per week", "Scorecard checks per team", "Failing checks", "Adopters against non-adopters",
                     "This is an association, not a cause", "has-techdocs" })
        {
            Assert.Contains(text, page, StringComparison.Ordinal);
        }
        // The heat map is a row per team: a viewer sees why not, instead of it, on the organisation's page.
        var (viewerStatus, viewerPage, _) = await GetAsync(client, $"/dashboards/adoption?{Window}", key([DevExRoles.Viewer], []));
        Assert.Equal(HttpStatusCode.OK, viewerStatus);
        Assert.Contains("Outside what your role may see", viewerPage, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
