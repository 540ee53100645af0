using System.Net;
using DevEx.Analytics.Derivations;
using DevEx.Server.Derivation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace DevEx.Server.Tests.Webhooks;

/// <summary>A webhook is answered once its rows are stored; the derivation it asks for runs afterwards, off the request.</summary>
public sealed class WebhookDerivationTests : IDisposable
{
    private const string Secret = "queue-secret";
    private const string Repository = """{"full_name": "acme/checkout", "name": "checkout", "default_branch": "main"}""";

    private readonly SemaphoreSlim released = new(0);
    private DerivationRequest? requested;
    private readonly DevExAppFactory root = new(Instant.FromUtc(2026, 3, 2, 12, 0));
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app;
    private readonly HttpClient client;

    public WebhookDerivationTests()
    {
        // The real derivation, held until the test releases it: proof that the answer did not wait for it.
        app = root.WithWebHostBuilder(b => b.UseSetting("DevEx:GitHub:WebhookSecret", Secret).ConfigureTestServices(services =>
            services.AddSingleton(sp => new DerivationQueueService(request =>
            {
                released.Wait(TimeSpan.FromSeconds(30));
                requested = request;
                return sp.GetRequiredService<DerivationRunner>().Run(request);
            }, NullLogger.Instance))));
        client = app.CreateClient();
    }

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
        root.Dispose();
        released.Dispose();
    }

    private long Count(string table)
    {
        using var connection = app.Services.GetRequiredService<DevEx.Store.DuckDbDatabase>().Open();
        return Dapper.SqlMapper.ExecuteScalar<long>(connection, $"SELECT count(*) FROM {table}");
    }

    [Fact]
    public async Task A_deployment_status_is_answered_202_before_its_derivation_and_derived_after_the_queue_drains()
    {
        var body = $$"""
            {"action": "created",
             "deployment_status": {"id": 9001, "state": "success", "environment": "production", "created_at": "2026-03-02T10:00:00Z"},
             "deployment": {"id": 901, "sha": "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567", "ref": "main", "task": "deploy",
                            "environment": "production", "payload": {}, "created_at": "2026-03-02T09:55:00Z", "updated_at": "2026-03-02T10:00:00Z"},
             "repository": {{Repository}}}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookPoster.Url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-GitHub-Event", "deployment_status");
        request.Headers.Add("X-GitHub-Delivery", "status-1");
        request.Headers.Add("X-Hub-Signature-256", WebhookPoster.Sign(Secret, body));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // Stored, not yet derived: the derivation is still held.
        Assert.Equal((1L, 0L), (Count("deployments"), Count("d_deployments")));
        released.Release();
        await app.Services.GetRequiredService<DerivationQueueService>().WhenIdleAsync();
        // Incremental: the delivery's repository and its deployment's service, not the whole organisation.
        Assert.False(requested!.IsFull);
        Assert.Equal(["acme/checkout"], requested.Repos!.Order());
        Assert.Equal(["checkout"], requested.Services!.Order());
        // One successful production deployment, the first of its stream.
        Assert.Equal((1L, 1L), (Count("d_deployments"), Count("d_deployments WHERE is_first AND id = 'github:acme/checkout:901'")));
    }
}
