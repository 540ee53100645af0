using DevEx.Server.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Reports;

/// <summary>
/// A Slack webhook's secret is its URL path: it must never reach a log line (of any category, at any level, in a
/// scope or an exception) nor the delivery log's API, whether deliveries fail or succeed.
/// </summary>
public sealed class WebhookSecretTests : IDisposable
{
    private const string SecretPath = "/services/T0SECRET1/B0SECRET2/xoxSecretToken0123456789";
    private readonly string output = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"), "reports");
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));
    private readonly LogCapture logs = new();

    private WebApplicationFactory<Program> Start(string webhook, string? publicUrl) => factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("DevEx:Reports:Webhooks:core", webhook)
            .UseSetting("DevEx:Reports:DeliveryAttempts", "2")
            .UseSetting("DevEx:Reports:DeliveryBackoff", "00:00:00.010")
            .UseSetting("DevEx:Reports:OutputDirectory", output);
        if (publicUrl is not null)
        {
            builder.UseSetting("DevEx:Reports:PublicUrl", publicUrl);
        }
        builder.ConfigureLogging(logs.AddTo);
    });

    private static async Task<DeliveryOutcome> RunJob(WebApplicationFactory<Program> app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WeeklyReportJob>().RunAsync("core", "2026-W06", CancellationToken.None);
    }

    [Fact]
    public async Task The_webhook_path_appears_in_no_log_line_and_not_in_the_delivery_log()
    {
        // Two failed attempts (the first run fails), then a delivery on the second run.
        await using var receiver = await WebhookReceiver.StartAtAsync(SecretPath, 500, 503);
        var app = Start(receiver.Url, "https://devex.example");
        var client = app.CreateClient();
        await ReportScenarioImport.LoadAsync(client);

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunJob(app));
        Assert.Equal(DeliveryOutcome.Delivered, await RunJob(app));
        var deliveries = await client.GetStringAsync("/api/v1/reports/deliveries");

        Assert.Equal(3, receiver.Calls.Count);
        Assert.Contains(logs.Entries, e => e.Contains("delivery attempt 2", StringComparison.Ordinal)); // the capture sees the delivery's lines
        Assert.DoesNotContain(logs.Entries, e => e.Contains("SECRET", StringComparison.Ordinal) || e.Contains("xoxSecretToken", StringComparison.Ordinal));
        Assert.Contains("\"delivered\"", deliveries, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", deliveries, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxSecretToken", deliveries, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhooks_without_a_public_url_log_a_warning_at_start()
    {
        await using var receiver = await WebhookReceiver.StartAtAsync(SecretPath);
        _ = Start(receiver.Url, publicUrl: null).CreateClient();
        Assert.Contains(logs.Entries, e => e.Contains("Warning", StringComparison.Ordinal) && e.Contains("DevEx:Reports:PublicUrl is not", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Contains("xoxSecretToken", StringComparison.Ordinal));
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
