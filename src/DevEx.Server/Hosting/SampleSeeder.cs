using System.Text.Json;
using DevEx.Collectors.Import;
using DevEx.Server.Import;
using DevEx.Store;
using DevEx.Store.Reading;
using DevEx.Store.Time;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace DevEx.Server.Hosting;

/// <summary>
/// Imports the bundled sample organisation when the database holds no data, so a new user sees a working service.
/// The sample is shifted by whole weeks (weekdays stay weekdays) so that its last week is the current week;
/// what would lie in the future is left out. Runs before the server starts listening.
/// </summary>
internal sealed class SampleSeeder(IOptions<DevExOptions> options, DuckDbDatabase database, ImportService importer, IClock clock,
    ILogger<SampleSeeder> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedSampleData || HasData())
        {
            return Task.CompletedTask;
        }
        var folder = SampleDataLocator.Find(options.Value.SampleData);
        if (folder is null)
        {
            logger.LogWarning("No sample data found at '{Path}'; starting with an empty database", options.Value.SampleData);
            return Task.CompletedTask;
        }
        var timing = Timing(folder, clock.GetCurrentInstant());
        logger.LogInformation("Seeding the sample organisation from {Folder}, shifted by {Weeks} weeks", folder, timing.Shift.Days / 7);
        var (summary, derivation) = importer.ImportDirectory(folder, timing, cancellationToken);
        logger.LogInformation("Sample imported: {Imported} records, {Rejected} rejected, {Skipped} not yet happened; derived {Deployments} production deployments in {Elapsed}",
            summary.Imported, summary.Rejected, summary.Files.Sum(f => f.Skipped), derivation.ProductionDeployments, derivation.Elapsed);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The shift that moves the sample's last week (the week before its exclusive "until" Monday) onto this week.</summary>
    public static ImportTiming Timing(string folder, Instant now)
    {
        var until = ReadUntil(folder);
        var today = now.InUtc().Date;
        var nextMonday = IsoWeekStart.Of(today).PlusWeeks(1);
        var weeks = Period.Between(until, nextMonday, PeriodUnits.Days).Days / 7;
        return new ImportTiming(Duration.FromDays(weeks * 7), now);
    }

    private static LocalDate ReadUntil(string folder)
    {
        var settings = Path.Combine(folder, "generator.json");
        if (File.Exists(settings))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(settings));
            if (document.RootElement.TryGetProperty("until", out var until) && LocalDatePattern.Iso.Parse(until.GetString() ?? "") is { Success: true } parsed)
            {
                return parsed.Value;
            }
        }
        throw new InvalidOperationException($"{settings} does not say until when the sample runs (\"until\": \"yyyy-MM-dd\").");
    }

    private bool HasData() => ScopeLookups.HasSourceData(database);
}
