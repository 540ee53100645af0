using System.Text.Json;
using DevEx.Server.Reports;
using DevEx.Server.Tests.Sync;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Reports;

/// <summary>
/// The scheduled report of a team in Pacific/Auckland, run on Monday 2026-02-09 07:00 there (Sunday 18:00 UTC): it
/// covers Auckland's week 2026-W06, writes its files and reaches the team's webhook exactly once.
/// </summary>
[Collection(HangfireCollection.Name)]
public sealed class ScheduledReportTests : IDisposable
{
    private static readonly Instant MondaySevenInAuckland = Instant.FromUtc(2026, 2, 8, 18, 0);
    private readonly string output = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"), "reports");
    private readonly DevExAppFactory factory = new(MondaySevenInAuckland);

    private async Task<WebApplicationFactory<Program>> StartAsync(string webhook)
    {
        var app = factory.WithWebHostBuilder(builder => builder
            .UseSetting("DevEx:Reports:Webhooks:core", webhook)
            .UseSetting("DevEx:Reports:DeliveryBackoff", "00:00:00.010")
            .UseSetting("DevEx:Reports:OutputDirectory", output)
            .UseSetting("DevEx:Reports:PublicUrl", "https://devex.example"));
        await ReportScenarioImport.LoadAsync(app.CreateClient(), "Pacific/Auckland");
        return app;
    }

    private static Task<DeliveryOutcome> RunJob(WebApplicationFactory<Program> app)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<WeeklyReportJob>().RunAsync("core", null, CancellationToken.None);
    }

    [Fact]
    public async Task A_failed_first_attempt_is_retried_and_the_week_is_delivered_exactly_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        var app = await StartAsync(receiver.Url);

        Assert.Equal(DeliveryOutcome.Delivered, await RunJob(app));
        Assert.Equal(DeliveryOutcome.AlreadyDelivered, await RunJob(app));

        Assert.Equal([500, 200], receiver.Calls.Select(c => c.Status));
        var text = JsonDocument.Parse(Assert.Single(receiver.Delivered)).RootElement.GetProperty("text").GetString()!;
        Assert.Contains("Core: week 2026-W06", text);
        Assert.Contains("Deployments: 4", text);
        Assert.Contains("https://devex.example/api/v1/reports/weekly?team=core&week=2026-W06&format=html", text);
        var log = Assert.Single(JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/v1/reports/deliveries?team=core")).RootElement.EnumerateArray());
        Assert.Equal(("2026-W06", "delivered", 2), (log.GetProperty("week").GetString(), log.GetProperty("status").GetString(), log.GetProperty("attempts").GetInt32()));
        Assert.DoesNotContain(receiver.Url, log.GetRawText());
        foreach (var extension in new[] { "html", "md", "csv", "json" })
        {
            Assert.True(File.Exists(Path.Combine(output, "core", $"2026-W06.{extension}")), extension);
        }
        Assert.True(File.Exists(Path.Combine(output, "core", "2026-W06-charts", "deployments.png")));
    }

    [Fact]
    public async Task A_delivery_failing_every_attempt_fails_the_job_and_a_later_run_delivers_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 502, 503, 500);
        var app = await StartAsync(receiver.Url);

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunJob(app)); // Hangfire retries a failed job
        var failed = app.Services.GetRequiredService<ReportDeliveryLog>().List("core").Single();
        Assert.Equal(("failed", 4, 500), (failed.Status, failed.Attempts, failed.LastStatusCode));

        Assert.Equal(DeliveryOutcome.Delivered, await RunJob(app));
        Assert.Equal(DeliveryOutcome.AlreadyDelivered, await RunJob(app));
        Assert.Single(receiver.Delivered);
        Assert.Equal(5, receiver.Calls.Count);
    }

    [Fact]
    public async Task Each_team_gets_a_recurring_job_on_the_schedule_in_its_own_zone_and_gone_teams_lose_theirs()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var app = await StartAsync(receiver.Url);
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<WeeklyReportJob>(ReportScheduling.JobId("gone"),
            job => job.RunAsync("gone", null, CancellationToken.None), "0 7 * * 1");
        Assert.Equal(1, app.Services.GetRequiredService<ReportScheduling>().Refresh());

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();
        var job = Assert.Single(jobs, j => j.Id == ReportScheduling.JobId("core"));
        Assert.Equal(("0 7 * * 1", "Pacific/Auckland"), (job.Cron, job.TimeZoneId));
        Assert.DoesNotContain(jobs, j => j.Id == ReportScheduling.JobId("gone")); // a team no longer in the catalog
    }

    public void Dispose()
    {
        factory.Dispose();
        try
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }
}
