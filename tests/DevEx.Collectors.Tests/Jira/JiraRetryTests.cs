namespace DevEx.Collectors.Tests.Jira;

/// <summary>
/// 429 and 5xx through the "jira" client's resilience pipeline (<see cref="DevEx.Collectors.Http.TransientRetryPipeline"/>),
/// waited out on a stepping clock (no real sleeping) with the jitter switched off.
/// </summary>
public sealed class JiraRetryTests
{
    private const string Statuses = """[ { "id": "1", "name": "To Do", "statusCategory": { "key": "new" } } ]""";

    [Fact]
    public async Task A_429_waits_its_Retry_After_then_succeeds()
    {
        await using var harness = await JiraHarness.StartAsync();
        harness.Server.Get("/rest/api/3/status", 429, """{"errorMessages":["Rate limit exceeded"]}""",
            new Dictionary<string, string> { ["Retry-After"] = "7" }).Then(200, Statuses);

        var statuses = await harness.Client.StatusesAsync(CancellationToken.None);

        Assert.Single(statuses);
        Assert.Equal([TimeSpan.FromSeconds(7)], harness.Time.Delays);
        Assert.Equal([429, 200], harness.Server.Requests.Select(r => r.Status));
        Assert.Equal(2, harness.Requests.Value);
    }

    [Fact]
    public async Task A_502_backs_off_one_second_then_succeeds()
    {
        await using var harness = await JiraHarness.StartAsync();
        harness.Server.Get("/rest/api/3/status", 502).Then(200, Statuses);

        var statuses = await harness.Client.StatusesAsync(CancellationToken.None);

        Assert.Single(statuses);
        Assert.Equal([TimeSpan.FromSeconds(1)], harness.Time.Delays);
        Assert.Equal([502, 200], harness.Server.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_persistent_503_gives_up_after_four_doubling_retries()
    {
        await using var harness = await JiraHarness.StartAsync();
        harness.Server.Get("/rest/api/3/status", 503);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => harness.Client.StatusesAsync(CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Equal([1, 2, 4, 8], harness.Time.Delays.Select(d => d.TotalSeconds));
        Assert.Equal(5, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task A_401_is_not_retried()
    {
        await using var harness = await JiraHarness.StartAsync();
        harness.Server.Get("/rest/api/3/status", 401);

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.Client.StatusesAsync(CancellationToken.None));

        Assert.Empty(harness.Time.Delays);
        Assert.Single(harness.Server.Requests);
    }
}
