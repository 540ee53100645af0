using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DevEx.Analytics.Derivations;
using DevEx.Analytics.Metrics;
using DevEx.Collectors.Import;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Benchmarks.Org;

/// <summary>
/// <c>tickets</c>: the tickets benchmark of docs/benchmarks.md. Writes N synthetic tickets of 50 teams
/// with T transitions each (a realistic back-and-forth workflow spread over a year), imports them into a fresh
/// database, derives, and times the ticket metrics for one team over 4 weeks and org-wide over a year.
/// </summary>
internal static class TicketBench
{
    private static readonly string[] Workflow =
        ["To Do", "In Progress", "In Review", "In Progress", "In Review", "Ready for QA", "In QA", "Blocked", "In QA", "Done"];

    public static Command Create(IClock clock)
    {
        var tickets = new Option<int>("--tickets") { DefaultValueFactory = _ => 200_000 };
        var transitions = new Option<int>("--transitions") { Description = "Transitions per ticket (at most 10)", DefaultValueFactory = _ => 10 };
        var work = new Option<string?>("--work") { Description = "Working folder (default: under the system temp folder)" };
        var command = new Command("tickets", "Measure ticket import, derivation and metric latency") { tickets, transitions, work };
        command.SetAction(parse => Run(parse.GetValue(tickets), Math.Clamp(parse.GetValue(transitions), 1, Workflow.Length), parse.GetValue(work), clock));
        return command;
    }

    private static int Run(int count, int transitions, string? work, IClock clock)
    {
        work ??= Path.Combine(Path.GetTempPath(), $"devex-bench-tickets-{count}x{transitions}");
        var data = Path.Combine(work, "org");
        var until = new LocalDate(2026, 11, 23);
        var stopwatch = Stopwatch.StartNew();
        Write(data, count, transitions, until);
        var generate = stopwatch.Elapsed;
        using var services = BenchDatabase.Fresh(Path.Combine(work, "bench.duckdb"));
        stopwatch.Restart();
        var summary = new DirectoryImporter(services.GetRequiredService<DuckDbDatabase>(), clock).Import(data);
        var import = stopwatch.Elapsed;
        stopwatch.Restart();
        services.GetRequiredService<DerivationRunner>().Run();
        var derive = stopwatch.Elapsed;
        var service = services.GetRequiredService<TicketMetricsService>();
        var year = new MetricWindow(until.PlusWeeks(-52), until, DateTimeZone.Utc);
        var month = new MetricWindow(until.PlusWeeks(-4), until, DateTimeZone.Utc);
        var rows = count + (long)count * transitions;
        var report = new BenchReport(Console.Out);
        report.Machine(clock);
        report.Line($"Tickets: {count:N0} of 50 teams, {transitions} transitions each ({(long)count * transitions:N0} transitions)");
        report.Table(
        [
            ("generate", $"{generate.TotalSeconds:0.0} s"),
            ("import", $"{import.TotalSeconds:0.00} s: {summary.Imported:N0} tickets, {rows:N0} rows ({rows / import.TotalSeconds:N0} rows/s), {summary.Rejected} rejected"),
            ("derivation (tickets and everything else)", $"{derive.TotalSeconds:0.00} s"),
            ("metrics/tickets, one team, 4 weeks", BenchTiming.Warm(() => service.Get(month, new MetricScope(Team: "team-00")))),
            ("metrics/tickets, org-wide, 52 weeks", BenchTiming.Warm(() => service.Get(year, MetricScope.Org))),
            ("peak RSS", $"{BenchTiming.PeakRssMegabytes():N0} MB"),
        ]);
        return 0;
    }

    /// <summary>Tickets created through the year before <paramref name="until"/>, 40 min to 2 days between steps.</summary>
    private static void Write(string folder, int count, int transitions, LocalDate until)
    {
        Directory.CreateDirectory(Path.Combine(folder, "catalog"));
        var catalog = new StringBuilder();
        for (var team = 0; team < 50; team++)
        {
            catalog.Append(CultureInfo.InvariantCulture, $"apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-{team:00}\nspec:\n  type: team\n  children: []\n---\n");
        }
        File.WriteAllText(Path.Combine(folder, "catalog", "teams.yaml"), catalog.ToString());
        var random = new Random(42);
        var start = until.PlusWeeks(-56).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var span = Duration.FromDays(7 * 52);
        using var writer = new StreamWriter(Path.Combine(folder, "tickets.ndjson"), false, new UTF8Encoding(false), 1 << 20);
        for (var i = 0; i < count; i++)
        {
            var team = i % 50;
            var at = start + Duration.FromSeconds((long)(random.NextDouble() * span.TotalSeconds));
            var line = new StringBuilder(1024);
            line.Append(CultureInfo.InvariantCulture, $"{{\"key\":\"T{team:00}-{i}\",\"project\":\"T{team:00}\",\"type\":\"Story\",\"createdAt\":\"{at}\",\"team\":\"team-{team:00}\",\"transitions\":[");
            var from = "To Do";
            for (var t = 0; t < transitions; t++)
            {
                at += Duration.FromMinutes(40 + random.Next(0, 48 * 60));
                var to = t == transitions - 1 ? "Done" : Workflow[Math.Min(t + 1, Workflow.Length - 1)];
                line.Append(CultureInfo.InvariantCulture, $"{(t > 0 ? "," : "")}{{\"at\":\"{at}\",\"from\":\"{from}\",\"to\":\"{to}\"}}");
                from = to;
            }
            line.Append("]}");
            writer.WriteLine(line.ToString());
        }
    }
}
