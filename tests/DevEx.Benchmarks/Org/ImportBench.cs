using System.CommandLine;
using System.Diagnostics;
using DevEx.Collectors.Import;
using DevEx.Store;
using DevEx.Store.Queries;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Benchmarks.Org;

/// <summary>
/// <c>import</c>: the import-rate benchmark of docs/benchmarks.md (issue 13, item 7). Imports the NDJSON files and the
/// catalog of the organisation <c>org</c> generated, without its calendars (their expansion is measured by
/// <c>calendars</c>), into a fresh database, as <c>devex import</c> does before it derives; several times, printing per
/// run the wall time, the rows per second and what the run cost the process: CPU, bytes allocated, GC pause and
/// collections. The machine is often shared, so the load average is printed with each run.
/// </summary>
internal static class ImportBench
{
    public static Command Create(IClock clock)
    {
        var organisation = new BenchOrganisation();
        var repetitions = new Option<int>("--repetitions") { Description = "Imports, each into a fresh database", DefaultValueFactory = _ => 3 };
        var command = organisation.AddTo(new Command("import", "Measure the import rate (NDJSON files and catalog, no calendars)") { repetitions });
        command.SetAction(parse =>
        {
            var (_, work, org, _) = organisation.Resolve(parse);
            return Run(work, org, parse.GetValue(repetitions), clock);
        });
        return command;
    }

    private static int Run(string work, string org, int repetitions, IClock clock)
    {
        var input = Path.Combine(work, "import-only");
        CopyWithoutCalendars(org, input);
        var report = new BenchReport(Console.Out);
        report.Machine(clock, withTime: true);
        report.Line();
        report.Line("| run | wall | rows/s | CPU | allocated | GC pause | gen0/1/2 | load average (1, 5, 15 min) |");
        report.Line("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (var run = 1; run <= repetitions; run++)
        {
            using var services = BenchDatabase.Fresh(Path.Combine(work, "import.duckdb"));
            var database = services.GetRequiredService<DuckDbDatabase>();
            var before = Cost.Now();
            var stopwatch = Stopwatch.StartNew();
            new DirectoryImporter(database, clock).Import(input);
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var cost = Cost.Now() - before;
            var rows = CountRows(services.GetRequiredService<QueryRunner>());
            report.Line($"| {run} | {seconds:0.00} s | {rows / seconds:N0} ({rows:N0} rows) | {cost.Cpu.TotalSeconds:0.00} s | {cost.Allocated / 1e9:0.00} GB "
                + $"| {cost.Pause.TotalSeconds:0.00} s | {cost.Gen0}/{cost.Gen1}/{cost.Gen2} | {LoadAverage()} |");
        }
        return 0;
    }

    private static void CopyWithoutCalendars(string org, string input)
    {
        Directory.CreateDirectory(Path.Combine(input, "catalog"));
        foreach (var file in Directory.EnumerateFiles(org, "*.ndjson"))
        {
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)), overwrite: true);
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(org, "catalog")))
        {
            File.Copy(file, Path.Combine(input, "catalog", Path.GetFileName(file)), overwrite: true);
        }
    }

    private static long CountRows(QueryRunner queries) => queries.RunSql<long>("""
        SELECT (SELECT count(*) FROM repositories) + (SELECT count(*) FROM commits) + (SELECT count(*) FROM pull_requests)
             + (SELECT count(*) FROM pull_request_commits) + (SELECT count(*) FROM reviews) + (SELECT count(*) FROM review_requests)
             + (SELECT count(*) FROM pipeline_runs) + (SELECT count(*) FROM deployments) + (SELECT count(*) FROM incidents)
             + (SELECT count(*) FROM tickets) + (SELECT count(*) FROM ticket_transitions)
             + (SELECT count(*) FROM teams) + (SELECT count(*) FROM people) + (SELECT count(*) FROM identities)
             + (SELECT count(*) FROM team_memberships) + (SELECT count(*) FROM services) + (SELECT count(*) FROM service_repositories)
        """, new { }).Single();

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>What the process has spent so far: CPU, bytes allocated, GC pause, collections per generation.</summary>
    private readonly record struct Cost(TimeSpan Cpu, long Allocated, TimeSpan Pause, int Gen0, int Gen1, int Gen2)
    {
        public static Cost Now() => new(Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true),
            GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

        public static Cost operator -(Cost a, Cost b) =>
            new(a.Cpu - b.Cpu, a.Allocated - b.Allocated, a.Pause - b.Pause, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2);
    }
}
