using System.Net;
using System.Text.Json;
using DevEx.Server.Tests.Api;
using NodaTime;

namespace DevEx.Server.Tests.Pages;

public sealed class ServiceBasicsTests : IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    [Fact]
    public async Task Health_and_openapi_answer()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/metrics/dora", "/api/v1/metrics/dora/series", "/api/v1/metrics/pr-flow", "/api/v1/metrics/ci",
                     "/api/v1/deployments", "/api/v1/changes", "/api/v1/pull-requests", "/api/v1/teams", "/api/v1/services", "/api/v1/data-quality" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    [Fact]
    public async Task Root_serves_the_overview_with_every_dashboard_in_the_menu()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync("/");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Where time is lost</h1>", html);
        foreach (var page in new[] { "overview", "dora", "pull-requests", "tickets", "meetings", "data-quality" })
        {
            Assert.Contains($"href=\"/dashboards/{page}?", html);
        }
        Assert.DoesNotContain("class=\"problems\"", html); // every bundled definition loads
    }

    [Fact]
    public async Task Metric_definitions_are_served()
    {
        var text = await factory.CreateClient().GetStringAsync("/docs/metrics");
        Assert.Contains("## DORA metrics", text);
    }

    public void Dispose() => factory.Dispose();
}
