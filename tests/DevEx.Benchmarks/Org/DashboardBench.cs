using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DevEx.SampleOrg;
using DevEx.Store.Time;
using NodaTime;

namespace DevEx.Benchmarks.Org;

/// <summary>
/// <c>dashboards</c>: server time of every dashboard page over the benchmark org's database (made by <c>org</c>).
/// Starts the service (the DevEx.Server build beside this program) on it, then requests each page uncached (a window no request used
/// before, so every panel is computed and every chart drawn) and cached (the same URL again), org-wide and for one
/// team. Times are taken at the client over loopback: request sent to body read. Prints a Markdown table, the first
/// request after start on its own line, and the machine's load average before and after.
/// </summary>
internal static class DashboardBench
{
    private static readonly string[] Pages = ["/", "/dashboards/dora", "/dashboards/pull-requests", "/dashboards/tickets", "/dashboards/meetings",
        "/dashboards/data-quality", "/explain/deployments", "/explain/changes", "/explain/pull-requests", "/explain/tickets", "/explain/incidents",
        "/explain/data-quality", "/explain/identities"];

    public static Command Create(IClock clock)
    {
        var work = new Option<string?>("--work") { Description = "The folder of `org` (default: its folder under the system temp folder)" };
        var repetitions = new Option<int>("--repetitions") { Description = "Uncached and cached requests per page", DefaultValueFactory = _ => 5 };
        var db = new Option<string?>("--db") { Description = "Measure this database instead (e.g. data/devex.duckdb with the bundled sample); the window ends this week" };
        var command = new Command("dashboards", "Measure dashboard page times on the benchmark org (run `org` first)") { work, repetitions, db };
        command.SetAction((parse, ct) => Run(parse.GetValue(work), parse.GetValue(repetitions), parse.GetValue(db), clock, ct));
        return command;
    }

    private static async Task<int> Run(string? work, int repetitions, string? db, IClock clock, CancellationToken ct)
    {
        work ??= Path.Combine(Path.GetTempPath(), "devex-bench-50x52x20");
        var database = Path.GetFullPath(db ?? Path.Combine(work, "bench.duckdb"));
        if (!File.Exists(database))
        {
            Console.Error.WriteLine($"No database at {database}: run `org` first (or the service, for the sample).");
            return 2;
        }
        var until = db is null ? new SampleOrganisationOptions().EffectiveUntil : IsoWeekStart.Of(clock.GetCurrentInstant().InUtc().Date);
        using var server = await BenchServer.Start(database, ct);
        // The first page request after start, before anything else asks the service: JIT and first loads show here.
        var first = await server.Time($"/?from={until.PlusWeeks(-12).PlusDays(-100):yyyy-MM-dd}&to={until.PlusDays(-100):yyyy-MM-dd}", ct);
        var team = (await server.Client.GetStringAsync("/api/v1/teams", ct)).Split("\"id\":\"")[1].Split('"')[0];
        new BenchReport(Console.Out).Machine(clock, withTime: true);
        Console.WriteLine($"Load average (1, 5, 15 min) before: {BenchServer.LoadAverage()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"First request after start (/, a window no one asked for): {first:0} ms"));
        Console.WriteLine($"Database: {database}; window: 12 weeks before {until:yyyy-MM-dd}, shifted a day per uncached request");
        Console.WriteLine();
        Console.WriteLine("| page | scope | uncached median (max) | cached median |");
        Console.WriteLine("| --- | --- | --- | --- |");
        var shift = 0;
        foreach (var page in Pages)
        {
            foreach (var scope in new[] { "", $"&team={team}" })
            {
                var uncached = new List<double>();
                var cached = new List<double>();
                for (var i = 0; i < repetitions; i++)
                {
                    var to = until.PlusDays(-shift++);
                    var query = $"{page}?from={to.PlusWeeks(-12):yyyy-MM-dd}&to={to:yyyy-MM-dd}{scope}";
                    uncached.Add(await server.Time(query, ct));
                    cached.Add(await server.Time(query, ct));
                }
                uncached.Sort();
                cached.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {page} | {(scope.Length == 0 ? "org" : team)} | {uncached[uncached.Count / 2]:0} ms ({uncached[^1]:0} ms) | {cached[cached.Count / 2]:0.0} ms |"));
            }
        }
        Console.WriteLine();
        Console.WriteLine($"Load average (1, 5, 15 min) after: {BenchServer.LoadAverage()}");
        return 0;
    }
}
