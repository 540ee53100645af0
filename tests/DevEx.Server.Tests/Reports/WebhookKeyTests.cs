using DevEx.Server.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Reports;

/// <summary>
/// DevEx:Reports:Webhooks keys are team ids matched case-insensitively; a key naming no team is named in a warning at
/// start and at each schedule refresh (the key only: the URL is a secret).
/// </summary>
public sealed class WebhookKeyTests : IDisposable
{
    private const string SecretPath = "/services/T0KEYS/B0KEYS/xoxKeyToken0123456789";
    private readonly string output = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"), "reports");
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));
    private readonly LogCapture logs = new();

    [Fact]
    public async Task A_key_in_another_case_reaches_its_team_and_a_key_naming_no_team_is_warned_of_by_name()
    {
        await using var receiver = await WebhookReceiver.StartAtAsync(SecretPath);
        var app = factory.WithWebHostBuilder(builder => builder
            .UseSetting("DevEx:Reports:Webhooks:Core", receiver.Url)         // team "core"
            .UseSetting("DevEx:Reports:Webhooks:platfrom", receiver.Url)     // a typo: there is no such team
            .UseSetting("DevEx:Reports:PublicUrl", "https://devex.example")
            .UseSetting("DevEx:Reports:OutputDirectory", output)
            .ConfigureLogging(logs.AddTo));
        var client = app.CreateClient();
        // At start no team is imported yet: both keys name no team.
        Assert.Contains(logs.Entries, e => IsWarningOf(e, "DevEx:Reports:Webhooks:platfrom names no team"));

        await ReportScenarioImport.LoadAsync(client);
        var before = logs.Entries.Count;
        app.Services.GetRequiredService<ReportScheduling>().Refresh(); // what the hourly refresh runs
        var refresh = logs.Entries.Skip(before).ToList();
        Assert.Contains(refresh, e => IsWarningOf(e, "DevEx:Reports:Webhooks:platfrom names no team"));
        Assert.DoesNotContain(refresh, e => e.Contains("Webhooks:Core names no team", StringComparison.Ordinal));

        using (var scope = app.Services.CreateScope())
        {
            Assert.Equal(DeliveryOutcome.Delivered, await scope.ServiceProvider.GetRequiredService<WeeklyReportJob>().RunAsync("core", "2026-W06", CancellationToken.None));
        }
        Assert.Contains("Core: week 2026-W06", Assert.Single(receiver.Delivered));
        Assert.DoesNotContain(logs.Entries, e => e.Contains("xoxKeyToken", StringComparison.Ordinal));
    }

    private static bool IsWarningOf(string entry, string text) =>
        entry.Contains("Warning", StringComparison.Ordinal) && entry.Contains(text, StringComparison.Ordinal);

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
