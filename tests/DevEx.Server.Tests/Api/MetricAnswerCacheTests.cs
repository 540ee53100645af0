using System.Text;
using System.Text.Json;
using DevEx.Server.Derivation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Api;

/// <summary>
/// A metric answer is kept until the next derivation and no longer: the same question after new data (an import, then
/// its derivation) answers the new figures, never the kept ones.
/// </summary>
public sealed class MetricAnswerCacheTests : IDisposable
{
    private const string Week = "/api/v1/metrics/dora?from=2026-02-02&to=2026-02-09";
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 3, 1, 12, 0));

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_same_question_after_an_import_answers_the_new_figures()
    {
        var client = factory.CreateClient();
        await Import(client, """{"id":"d1","service":"api","environment":"production","sha":"c1","finishedAt":"2026-02-02T09:30:00Z","status":"success"}""");
        Assert.Equal(1, await Deployments(client));
        Assert.Equal(1, await Deployments(client)); // asked again: the kept answer, the same figure

        await Import(client, """{"id":"d2","service":"api","environment":"production","sha":"c2","finishedAt":"2026-02-03T09:30:00Z","status":"success"}""");

        Assert.Equal(2, await Deployments(client));
    }

    private async Task Import(HttpClient client, string line)
    {
        var response = await client.PostAsync("/api/v1/import/deployments", new StringContent(line + "\n", Encoding.UTF8, "application/x-ndjson"));
        response.EnsureSuccessStatusCode();
        await factory.Services.GetRequiredService<DerivationQueueService>().WhenIdleAsync();
    }

    private static async Task<int> Deployments(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync(Week)).RootElement.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32();
}
