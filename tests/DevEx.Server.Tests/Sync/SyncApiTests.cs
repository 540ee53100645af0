using System.Net;
using System.Text.Json;
using DevEx.Collectors.Sync;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Sync;

/// <summary>GET /api/v1/sync and POST /api/v1/sync/{source}, with a scripted source standing in for GitHub.</summary>
public sealed class SyncApiTests : IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    [Fact]
    public async Task Unknown_and_unconfigured_sources_are_refused()
    {
        var client = factory.CreateClient();
        var unknown = await client.PostAsync("/api/v1/sync/gitlab", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("github", await unknown.Content.ReadAsStringAsync());
        // No token and no organisation are configured in the test host.
        var github = await client.PostAsync("/api/v1/sync/github", null);
        Assert.Equal(HttpStatusCode.Conflict, github.StatusCode);
    }

    [Fact]
    public async Task A_requested_sync_runs_in_the_background_and_its_outcome_is_listed()
    {
        var source = new ScriptedSource();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ISyncSource>(source)));
        var client = app.CreateClient();

        var response = await client.PostAsync("/api/v1/sync/scripted", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await source.Ran.Task.WaitAsync(TimeSpan.FromSeconds(90));

        JsonElement scripted = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var listing = JsonDocument.Parse(await client.GetStringAsync("/api/v1/sync")).RootElement;
            scripted = listing.EnumerateArray().Single(s => s.GetProperty("source").GetString() == "scripted");
            if (scripted.GetProperty("lastRun").ValueKind == JsonValueKind.Object
                && scripted.GetProperty("lastRun").GetProperty("status").GetString() == "succeeded")
            {
                break;
            }
            await Task.Delay(100);
        }
        var run = scripted.GetProperty("lastRun");
        Assert.Equal(("succeeded", 7, 3, 2), (run.GetProperty("status").GetString(), run.GetProperty("rowsWritten").GetInt32(),
            run.GetProperty("requests").GetInt32(), run.GetProperty("notModified").GetInt32()));
        Assert.True(scripted.GetProperty("configured").GetBoolean());
        Assert.Equal("*/5 * * * *", scripted.GetProperty("schedule").GetString());
    }

    [Fact]
    public async Task The_hangfire_dashboard_answers_local_requests()
    {
        var response = await factory.CreateClient().GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the test server's requests carry no remote address: local
    }

    public void Dispose() => factory.Dispose();

    /// <summary>A source that reports a fixed outcome: 7 rows, 3 requests, 2 of them answered 304.</summary>
    private sealed class ScriptedSource : ISyncSource
    {
        public TaskCompletionSource Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "scripted";

        public bool IsConfigured => true;

        public string Schedule => "*/5 * * * *";

        public Task<SyncOutcome> RunAsync(IProgress<string> progress, CancellationToken cancellationToken)
        {
            Ran.TrySetResult();
            return Task.FromResult(new SyncOutcome(7, 3, 2));
        }
    }
}
