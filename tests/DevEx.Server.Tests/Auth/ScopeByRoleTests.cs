using System.Net;
using System.Text.Json;
using DevEx.Server.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Auth;

/// <summary>
/// Which role sees which team, through HTTP. The catalog: group eng with teams payments and search below it, team ops
/// beside it; service checkout (repo acme/checkout) owned by payments. A member of payments sees payments and its
/// service, not search; a lead of eng sees eng, payments and search, not ops; platform sees any team's delivery
/// figures but no team's meetings; a viewer sees the organisation only.
/// </summary>
[Collection(OidcProviderCollection.Name)]
public sealed class ScopeByRoleTests(OidcProviderFixture fixture)
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
        metadata: { name: payments }
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
          name: checkout
          annotations: { github.com/project-slug: acme/checkout }
        spec: { type: service, owner: group:default/payments, lifecycle: production }
        """;

    private sealed record Scenario(DevExAppFactory Service, HttpClient Client, Func<string, string[], string[], string> Key) : IDisposable
    {
        public void Dispose()
        {
            Client.Dispose();
            Service.Dispose();
        }
    }

    private async Task<Scenario> StartAsync()
    {
        var service = OidcProviderFixture.Service(fixture.Provider, Now);
        var client = service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var keys = service.Services.GetRequiredService<ApiKeyService>();
        string Key(string name, string[] roles, string[] teams) => keys.Create(name, roles, teams, 1).Created!.Key;
        using var import = new HttpRequestMessage(HttpMethod.Post, "/api/v1/import/catalog") { Content = new StringContent(Catalog) };
        import.Headers.Authorization = new("Bearer", Key("admin", [DevExRoles.Admin], []));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(import)).StatusCode);
        return new Scenario(service, client, Key);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string url, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new("Bearer", key);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> DetailAsync(HttpClient client, string url, string key)
    {
        var (status, body) = await GetAsync(client, url, key);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task A_member_sees_their_team_and_its_service_and_repo_not_another_team()
    {
        using var s = await StartAsync();
        var member = s.Key("member", [DevExRoles.Member], ["payments"]);
        foreach (var url in new[] { "/api/v1/metrics/dora?team=payments", "/api/v1/metrics/dora?service=checkout", "/api/v1/metrics/ci?repo=acme/checkout",
                     "/api/v1/deployments?team=payments", "/api/v1/metrics/meetings?team=payments", "/api/v1/metrics/dora" })
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(s.Client, url, member)).Status);
        }
        Assert.Equal("role member sees organisation-level figures and the teams 'payments'; team 'search' needs member of it, lead above it, platform or admin",
            await DetailAsync(s.Client, "/api/v1/metrics/dora?team=search", member));
        Assert.Equal("role member sees rows of their own teams only; choose one of them with 'team' ('payments'), or ask for platform or admin",
            await DetailAsync(s.Client, "/api/v1/deployments", member));
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(s.Client, "/api/v1/metrics/dora/by-team", member)).Status);
    }

    [Fact]
    public async Task A_lead_sees_the_teams_below_theirs_and_not_a_team_beside_it()
    {
        using var s = await StartAsync();
        var lead = s.Key("lead", [DevExRoles.Lead], ["eng"]);
        foreach (var team in new[] { "eng", "payments", "search" })
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(s.Client, $"/api/v1/metrics/pr-flow?team={team}", lead)).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(s.Client, "/api/v1/metrics/dora?service=checkout", lead)).Status); // payments' service, below eng
        Assert.Equal("role lead sees organisation-level figures and the teams 'eng' and those below them; team 'ops' needs member of it, lead above it, platform or admin",
            await DetailAsync(s.Client, "/api/v1/metrics/pr-flow?team=ops", lead));

        // A lead of payments does not see eng, the team above.
        var payments = s.Key("payments-lead", [DevExRoles.Lead], ["payments"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(s.Client, "/api/v1/metrics/dora?team=eng", payments)).Status);
    }

    [Fact]
    public async Task A_viewer_sees_the_organisation_only_and_platform_no_team_meetings()
    {
        using var s = await StartAsync();
        var viewer = s.Key("viewer", [DevExRoles.Viewer], []);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(s.Client, "/api/v1/metrics/dora", viewer)).Status);
        Assert.Equal("role viewer sees organisation-level figures only; team 'payments' needs member of it, lead above it, platform or admin",
            await DetailAsync(s.Client, "/api/v1/metrics/dora?team=payments", viewer));
        Assert.Equal("role viewer sees organisation-level figures only; service 'checkout' needs member of team 'payments', lead above it, platform or admin",
            await DetailAsync(s.Client, "/api/v1/metrics/dora?service=checkout", viewer));

        var platform = s.Key("platform", [DevExRoles.Platform], []);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(s.Client, "/api/v1/metrics/dora?team=ops", platform)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(s.Client, "/api/v1/metrics/dora/by-team", platform)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(s.Client, "/api/v1/metrics/meetings", platform)).Status);
        Assert.Equal("role platform sees no team's meetings; team 'ops' needs member of it, lead above it or admin",
            await DetailAsync(s.Client, "/api/v1/metrics/meetings?team=ops", platform));
    }

    [Fact]
    public async Task A_forbidden_page_is_a_403_page_saying_why()
    {
        using var s = await StartAsync();
        var member = s.Key("member", [DevExRoles.Member], ["payments"]);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(s.Client, "/dashboards/dora?team=payments", member)).Status);
        var (status, body) = await GetAsync(s.Client, "/dashboards/dora?team=search", member);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("team &#x27;search&#x27; needs member of it, lead above it, platform or admin", body);
        var (explainStatus, explain) = await GetAsync(s.Client, "/explain/deployments", member);
        Assert.Equal(HttpStatusCode.Forbidden, explainStatus);
        Assert.Contains("role member sees rows of their own teams only", explain);
    }
}
