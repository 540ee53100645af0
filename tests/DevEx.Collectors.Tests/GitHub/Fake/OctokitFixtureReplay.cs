using System.Text.Json;

namespace DevEx.Collectors.Tests.GitHub.Fake;

/// <summary>
/// Serves the exchanges of an octokit/fixtures <c>normalized-fixture.json</c> (a JSON array of recorded requests, each
/// with method, path, status, response body and response headers) from a <see cref="FakeGitHubServer"/>, headers as
/// recorded but for those that describe the recorded transfer (content-length, connection).
/// </summary>
public static class OctokitFixtureReplay
{
    /// <returns>The routes, in recorded order.</returns>
    public static IReadOnlyList<FakeRoute> ReplayOctokitFixture(this FakeGitHubServer server, string relativePath)
    {
        using var fixture = JsonDocument.Parse(FakeGitHubServer.Fixture(relativePath));
        var routes = new List<FakeRoute>();
        foreach (var exchange in fixture.RootElement.EnumerateArray())
        {
            var headers = exchange.GetProperty("headers").EnumerateObject()
                // Recorded header values are strings, but some are numbers (x-ratelimit-used: 1).
                .ToDictionary(h => h.Name, h => h.Value.ValueKind == JsonValueKind.String ? h.Value.GetString()! : h.Value.GetRawText());
            headers.Remove("etag", out var etag);
            headers.Remove("last-modified", out var lastModified);
            var body = exchange.TryGetProperty("response", out var response) && response.ValueKind != JsonValueKind.Null
                ? response.GetRawText()
                : null;
            var recorded = new FakeResponse(exchange.GetProperty("status").GetInt32(), body, headers, etag, lastModified);
            routes.Add(server.Map(exchange.GetProperty("method").GetString()!, exchange.GetProperty("path").GetString()!, recorded));
        }
        return routes;
    }
}
