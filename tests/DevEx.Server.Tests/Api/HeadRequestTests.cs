using System.Net;
using NodaTime;

namespace DevEx.Server.Tests.Api;

/// <summary>HEAD is answered as GET is, without a body (uptime checks use it); other methods keep their 405.</summary>
public sealed class HeadRequestTests : IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    [Theory]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/api/v1/metrics/dora", HttpStatusCode.OK)]
    [InlineData("/api/v1/teams", HttpStatusCode.OK)]
    [InlineData("/dashboards/dora", HttpStatusCode.OK)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/api/v1/metrics/dora?team=nobody", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/metrics/dora?from=soon", HttpStatusCode.BadRequest)]
    public async Task Head_answers_the_status_of_get_with_no_body(string url, HttpStatusCode status)
    {
        var client = factory.CreateClient();
        var get = await client.GetAsync(url);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal((status, status), (get.StatusCode, head.StatusCode));
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_of_a_post_only_endpoint_is_still_405()
    {
        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/import/deployments"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    public void Dispose() => factory.Dispose();
}
