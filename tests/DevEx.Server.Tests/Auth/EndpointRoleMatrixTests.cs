using System.Net;
using DevEx.Server.Auth;
using DevEx.Server.Tests.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Auth;

/// <summary>
/// Every endpoint of the route table, for every role (an API key each; member and lead of team core) and for nobody,
/// with sign-in configured so that a request from this machine is not admin: the status is the one <see cref="Table"/>
/// decides. An endpoint the table does not name fails the test with its pattern, so a new endpoint needs a decision.
/// </summary>
[Collection(OidcProviderCollection.Name)]
public sealed class EndpointRoleMatrixTests(OidcProviderFixture fixture)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 2, 11, 12, 0);

    private static readonly string[] Everyone = [.. DevExRoles.All];
    private static readonly string[] AdminOnly = [DevExRoles.Admin];
    private static readonly string[] OrgWide = [DevExRoles.Platform, DevExRoles.Admin]; // unscoped listings and per-team tables
    private static readonly string[] CoreTeam = [DevExRoles.Member, DevExRoles.Lead, DevExRoles.Platform, DevExRoles.Admin];
    private static readonly string[] CoreMeetings = [DevExRoles.Member, DevExRoles.Lead, DevExRoles.Admin];

    /// <summary>Method and route pattern → the URL asked and the roles answered (anything but 401/403); null roles: anonymous.</summary>
    private static readonly Dictionary<string, (string Url, string[]? Allowed)> Table = new()
    {
        ["GET /healthz"] = ("/healthz", null),
        ["GET /signin"] = ("/signed-out", null), // the challenge would leave for the provider: its page is asked instead
        ["GET /signout"] = ("/signout", null),
        ["POST /signout"] = ("/signout", null),
        ["GET /signed-out"] = ("/signed-out", null),
        ["POST /api/v1/webhooks/github"] = ("/api/v1/webhooks/github", null),
        ["GET /assets/{font}.ttf"] = ("/assets/DejaVuSans.ttf", null),
        ["GET /openapi/{documentName}.json"] = ("/openapi/v1.json", Everyone),
        ["GET /docs/metrics"] = ("/docs/metrics", Everyone),
        ["GET /docs/metrics.md"] = ("/docs/metrics.md", Everyone),
        ["GET /"] = ("/", Everyone),
        ["GET /dashboards"] = ("/dashboards", Everyone),
        ["GET /dashboards/{id}"] = ("/dashboards/dora?team=core", CoreTeam),
        ["GET /dashboards/{id}/panels/{panel}.csv"] = ("/dashboards/dora/panels/deployment-frequency.csv", Everyone),
        ["GET /explain/{listing}"] = ("/explain/deployments", OrgWide),
        ["GET /api/v1/metrics/dora"] = ("/api/v1/metrics/dora", Everyone),
        ["GET /api/v1/metrics/dora/series"] = ("/api/v1/metrics/dora/series?team=core", CoreTeam),
        ["GET /api/v1/metrics/dora/by-team"] = ("/api/v1/metrics/dora/by-team", OrgWide),
        ["GET /api/v1/metrics/pr-flow"] = ("/api/v1/metrics/pr-flow?service=api", CoreTeam),
        ["GET /api/v1/metrics/pr-flow/series"] = ("/api/v1/metrics/pr-flow/series", Everyone),
        ["GET /api/v1/metrics/ci"] = ("/api/v1/metrics/ci?repo=acme/api", CoreTeam),
        ["GET /api/v1/metrics/meetings"] = ("/api/v1/metrics/meetings?team=core", CoreMeetings),
        ["GET /api/v1/metrics/tickets"] = ("/api/v1/metrics/tickets", Everyone),
        ["GET /api/v1/metrics/wait-states"] = ("/api/v1/metrics/wait-states", Everyone),
        ["GET /api/v1/deployments"] = ("/api/v1/deployments", OrgWide),
        ["GET /api/v1/changes"] = ("/api/v1/changes?team=core", CoreTeam),
        ["GET /api/v1/pull-requests"] = ("/api/v1/pull-requests", OrgWide),
        ["GET /api/v1/incidents"] = ("/api/v1/incidents", OrgWide),
        ["GET /api/v1/tickets"] = ("/api/v1/tickets", OrgWide),
        ["GET /api/v1/data-quality/findings"] = ("/api/v1/data-quality/findings", OrgWide),
        ["GET /api/v1/data-quality/identity-occurrences"] = ("/api/v1/data-quality/identity-occurrences", OrgWide),
        ["GET /api/v1/status-mapping"] = ("/api/v1/status-mapping", Everyone),
        ["GET /api/v1/teams"] = ("/api/v1/teams", Everyone),
        ["GET /api/v1/teams/{id}"] = ("/api/v1/teams/core", Everyone),
        ["GET /api/v1/services"] = ("/api/v1/services", Everyone),
        ["GET /api/v1/services/{id}"] = ("/api/v1/services/api", Everyone),
        ["GET /api/v1/data-quality"] = ("/api/v1/data-quality", OrgWide),
        ["GET /api/v1/adoption/coverage"] = ("/api/v1/adoption/coverage", Everyone),
        ["GET /api/v1/adoption/scorecards"] = ("/api/v1/adoption/scorecards", Everyone),
        ["GET /api/v1/adoption/scorecards/{id}/components"] = ("/api/v1/adoption/scorecards/no-such-scorecard/components", OrgWide),
        ["GET /api/v1/adoption/impact"] = ("/api/v1/adoption/impact?team=core", CoreTeam),
        ["GET /api/v1/reports/weekly"] = ("/api/v1/reports/weekly?team=core&format=json", CoreMeetings),
        ["GET /api/v1/reports/deliveries"] = ("/api/v1/reports/deliveries", AdminOnly),
        ["POST /api/v1/import/{kind}"] = ("/api/v1/import/no-such-kind", AdminOnly),
        ["GET /api/v1/sync"] = ("/api/v1/sync", AdminOnly),
        ["POST /api/v1/sync/{source}"] = ("/api/v1/sync/no-such-source", AdminOnly),
        ["GET /api/v1/api-keys"] = ("/api/v1/api-keys", AdminOnly),
        ["POST /api/v1/api-keys"] = ("/api/v1/api-keys", AdminOnly),
        ["DELETE /api/v1/api-keys/{id}"] = ("/api/v1/api-keys/000000000000", AdminOnly),
        ["GET /api/v1/audit"] = ("/api/v1/audit", AdminOnly),
        // Only ever the caller's own figures: every role may ask (these keys are no catalog User, so the figures are a 404 problem, an answer).
        ["GET /api/v1/me"] = ("/api/v1/me", Everyone),
        ["GET /api/v1/me/meeting-load"] = ("/api/v1/me/meeting-load", Everyone),
        ["GET /api/v1/me/pull-requests"] = ("/api/v1/me/pull-requests", Everyone),
        ["GET /me"] = ("/me", Everyone),
        // MCP: every role reads through the tools, each tool then applies the scope rule (McpServerTests); the metadata
        // document says where to get a token, so it needs none.
        ["POST /mcp"] = ("/mcp", Everyone),
        ["GET /.well-known/oauth-protected-resource"] = ("/.well-known/oauth-protected-resource", null),
        ["GET /.well-known/oauth-protected-resource/mcp"] = ("/.well-known/oauth-protected-resource/mcp", null),
    };

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_the_table_decides()
    {
        using var service = OidcProviderFixture.Service(fixture.Provider, Now);
        using var client = service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var keys = service.Services.GetRequiredService<ApiKeyService>();
        var key = DevExRoles.All.ToDictionary(r => r, r => keys.Create($"matrix-{r}", [r], r is DevExRoles.Member or DevExRoles.Lead ? ["core"] : [], 1).Created!.Key);
        foreach (var (kind, body) in new[] { ("catalog", WorkedExampleImport.Catalog) })
        {
            using var import = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/import/{kind}") { Content = new StringContent(body) };
            import.Headers.Authorization = new("Bearer", key[DevExRoles.Admin]);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(import)).StatusCode);
        }

        var endpoints = service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"))
            .Distinct().ToList();
        Assert.Equal(new List<string>(), endpoints.Where(e => !Table.ContainsKey(e)).ToList()); // each one named here needs a row in Table
        Assert.Equal(new List<string>(), Table.Keys.Where(k => !endpoints.Contains(k)).ToList()); // and the table names no endpoint that is gone

        var wrong = new List<string>();
        foreach (var (endpoint, (url, allowed)) in Table)
        {
            var method = new HttpMethod(endpoint.Split(' ')[0]);
            foreach (var role in DevExRoles.All.Append("nobody"))
            {
                using var request = new HttpRequestMessage(method, url) { Content = method == HttpMethod.Get ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
                if (role != "nobody")
                {
                    request.Headers.Authorization = new("Bearer", key[role]);
                }
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var signIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/signin", StringComparison.Ordinal) == true;
                var expected = allowed is null ? "answered"
                    : role == "nobody" ? (url.StartsWith("/api/", StringComparison.Ordinal) || url == "/mcp" ? "401" : "sign-in")
                    : allowed.Contains(role) ? "answered" : "403";
                // The webhook's own 401 (no valid signature) is its answer; a refusal of authentication challenges for a bearer token.
                var actual = status == 401 && response.Headers.WwwAuthenticate.Count > 0 ? "401" : status == 403 ? "403" : signIn ? "sign-in" : "answered";
                if (expected != actual || status >= 500)
                {
                    wrong.Add($"{endpoint} ({url}) as {role}: expected {expected}, got {status}");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Hangfire_is_for_admins_only()
    {
        using var service = OidcProviderFixture.Service(fixture.Provider, Now);
        using var client = service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var keys = service.Services.GetRequiredService<ApiKeyService>();
        foreach (var role in DevExRoles.All)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
            request.Headers.Authorization = new("Bearer", keys.Create($"hangfire-{role}", [role], [], 1).Created!.Key);
            using var response = await client.SendAsync(request);
            Assert.True(role == DevExRoles.Admin ? response.StatusCode == HttpStatusCode.OK : response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized,
                $"/hangfire as {role}: {(int)response.StatusCode}");
        }
    }
}
