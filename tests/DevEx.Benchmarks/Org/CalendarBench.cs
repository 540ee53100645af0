using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DevEx.Analytics.Derivations;
using DevEx.Analytics.Metrics;
using DevEx.Collectors.Calendar;
using DevEx.Collectors.Import;
using DevEx.SampleOrg;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Benchmarks.Org;

/// <summary>
/// <c>calendars</c>: the calendar benchmark of docs/benchmarks.md. Takes the catalog and the calendars of the
/// organisation <c>org</c> generated (1,006 people by default), imports the catalog into a fresh database, expands and
/// stores every calendar over the org's whole span (52 weeks back from its last day), derives the person-weeks, then
/// times <c>metrics/meetings</c> for one team over 4 weeks and org-wide over the year.
/// </summary>
internal static class CalendarBench
{
    public static Command Create(IClock clock)
    {
        var organisation = new BenchOrganisation();
        var command = organisation.AddTo(new Command("calendars", "Measure calendar expansion, meeting derivation and metrics/meetings latency"));
        command.SetAction(parse =>
        {
            var (options, work, org, _) = organisation.Resolve(parse);
            return Run(options, work, org, clock);
        });
        return command;
    }

    private static int Run(SampleOrganisationOptions options, string work, string org, IClock clock)
    {
        var weeks = options.Weeks;
        var input = Path.Combine(work, "calendars-only");
        CopyFolder(Path.Combine(org, "catalog"), Path.Combine(input, "catalog"));
        CopyFolder(Path.Combine(org, "calendars"), Path.Combine(input, "calendars"));

        // The importer's clock stands at the org's last day, so the rolling window covers its whole span.
        var until = options.EffectiveUntil;
        var orgEnd = new StoppedClock(until.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());
        string[] window = [$"--{CalendarOptions.Section}:WeeksBack", weeks.ToString(CultureInfo.InvariantCulture), $"--{CalendarOptions.Section}:WeeksAhead", "0"];
        using var services = BenchDatabase.Fresh(Path.Combine(work, "calendars.duckdb"), window, s => s.AddSingleton<IClock>(orgEnd));
        var stopwatch = Stopwatch.StartNew();
        var summary = new DirectoryImporter(services.GetRequiredService<DuckDbDatabase>(), orgEnd, services.GetRequiredService<CalendarOptions>()).Import(input);
        var import = stopwatch.Elapsed;
        stopwatch.Restart();
        services.GetRequiredService<DerivationRunner>().Run();
        var derive = stopwatch.Elapsed;

        var meetings = services.GetRequiredService<MeetingMetricsService>();
        var year = new MetricWindow(until.PlusWeeks(-weeks), until, DateTimeZone.Utc);
        var month = new MetricWindow(until.PlusWeeks(-4), until, DateTimeZone.Utc);
        var calendarFiles = summary.Files.Where(f => f.File.StartsWith("calendars", StringComparison.Ordinal)).ToList();
        var team = BenchReport.FirstTeam(services.GetRequiredService<OrgService>());
        var report = new BenchReport(Console.Out);
        report.Machine(clock);
        report.Line($"Calendars: {calendarFiles.Count:N0} people, {weeks} weeks back from {until:yyyy-MM-dd}");
        report.Table(
        [
            ("expand and store every calendar", $"{import.TotalSeconds:0.00} s: {calendarFiles.Sum(f => f.Imported):N0} occurrences, {summary.Rejected} rejected"),
            ("derivation (person-weeks; nothing else to derive)", $"{derive.TotalSeconds:0.00} s"),
            ("expansion and derivation", $"{(import + derive).TotalSeconds:0.00} s"),
            ($"metrics/meetings, one team ({team}), 4 weeks", BenchTiming.Warm(() => meetings.Get(month, new MetricScope(Team: team)))),
            ($"metrics/meetings, org-wide, {weeks} weeks", BenchTiming.Warm(() => meetings.Get(year, MetricScope.Org))),
            ("peak RSS", $"{BenchTiming.PeakRssMegabytes():N0} MB"),
        ]);
        return 0;
    }

    /// <summary>A clock that always reads one instant: the org's last day, whatever today is.</summary>
    private sealed class StoppedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }
}
