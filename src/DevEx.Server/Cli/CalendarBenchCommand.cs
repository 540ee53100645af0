using System.CommandLine;
using System.Diagnostics;
using DevEx.Analytics;
using DevEx.Analytics.Calendar;
using DevEx.Analytics.Derivations;
using DevEx.Analytics.Metrics;
using DevEx.Collectors.Calendar;
using DevEx.Collectors.Import;
using DevEx.SampleOrg;
using DevEx.Store;
using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Server.Cli;

/// <summary>
/// <c>devex bench calendars</c>: the calendar benchmark of docs/benchmarks.md. Takes the catalog and the calendars of
/// the organisation <c>devex bench</c> generated (1,006 people by default), imports the catalog into a fresh database,
/// expands and stores every calendar over the org's whole span (52 weeks back from its last day), derives the
/// person-weeks, then times <c>metrics/meetings</c> for one team over 4 weeks and org-wide over the year.
/// </summary>
internal static class CalendarBenchCommand
{
    public static Command Create()
    {
        var organisation = new BenchOrganisation();
        var command = organisation.AddTo(new Command("calendars", "Measure calendar expansion, meeting derivation and metrics/meetings latency"));
        command.SetAction(parse =>
        {
            var (options, work, org, _) = organisation.Resolve(parse);
            return Run(options, work, org);
        });
        return command;
    }

    private static int Run(SampleOrganisationOptions options, string work, string org)
    {
        var weeks = options.Weeks;
        var input = Path.Combine(work, "calendars-only");
        CopyFolder(Path.Combine(org, "catalog"), Path.Combine(input, "catalog"));
        CopyFolder(Path.Combine(org, "calendars"), Path.Combine(input, "calendars"));
        var dbPath = Path.Combine(work, "calendars.duckdb");
        File.Delete(dbPath);
        File.Delete(dbPath + ".wal");
        using var database = DuckDbDatabase.OpenAndMigrate(dbPath);

        // The clock stands at the org's last day, so the rolling window covers its whole span.
        var until = options.EffectiveUntil;
        var clock = new StoppedClock(until.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());
        var calendarOptions = new CalendarOptions { WeeksBack = weeks, WeeksAhead = 0 };
        var stopwatch = Stopwatch.StartNew();
        var summary = new DirectoryImporter(database, clock, calendarOptions).Import(input);
        var import = stopwatch.Elapsed;
        stopwatch.Restart();
        new DerivationRunner(database, new MetricOptions()).Run();
        var derive = stopwatch.Elapsed;

        var meetings = new MeetingMetricsService(new QueryRunner(database), new MeetingOptions());
        var year = new MetricWindow(until.PlusWeeks(-weeks), until, DateTimeZone.Utc);
        var month = new MetricWindow(until.PlusWeeks(-4), until, DateTimeZone.Utc);
        var calendars = summary.Files.Count(f => f.File.StartsWith("calendars", StringComparison.Ordinal));
        var occurrences = summary.Files.Where(f => f.File.StartsWith("calendars", StringComparison.Ordinal)).Sum(f => f.Imported);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine($"Calendars: {calendars:N0} people, {weeks} weeks back from {until:yyyy-MM-dd}");
        Console.WriteLine();
        Console.WriteLine("| measure | result |");
        Console.WriteLine("| --- | --- |");
        Console.WriteLine($"| expand and store every calendar | {import.TotalSeconds:0.00} s: {occurrences:N0} occurrences, {summary.Rejected} rejected |");
        Console.WriteLine($"| derivation (person-weeks; nothing else to derive) | {derive.TotalSeconds:0.00} s |");
        Console.WriteLine($"| expansion and derivation | {(import + derive).TotalSeconds:0.00} s |");
        var team = BenchCommand.FirstTeam(database);
        foreach (var (measure, value) in new[]
                 {
                     BenchCommand.Time($"metrics/meetings, one team ({team}), 4 weeks", 20, () => meetings.Get(month, new MetricScope(Team: team))),
                     BenchCommand.Time($"metrics/meetings, org-wide, {weeks} weeks", 20, () => meetings.Get(year, MetricScope.Org)),
                 })
        {
            Console.WriteLine($"| {measure} | {value} |");
        }
        Console.WriteLine($"| peak RSS | {BenchCommand.PeakRssMegabytes():N0} MB |");
        return 0;
    }

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
