using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DevEx.Analytics.Adoption;
using DevEx.Analytics;
using DevEx.Analytics.Metrics;
using DevEx.SampleOrg;
using DevEx.Server.Cli;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Benchmarks.Org;

/// <summary>
/// <c>adoption</c>: the performance targets of the platform-adoption issue on the benchmark org (made by <c>org</c>):
/// the golden-path scorecards evaluated for every Component over 52 weeks (target under 5 s), then the adoption
/// endpoints and page over HTTP against the server as its own process, each asked once (computed) and again (kept
/// until the next derivation; target under 100 ms warm), org-wide and for one team.
/// </summary>
internal static class AdoptionBench
{
    public static Command Create(IClock clock)
    {
        var work = BenchDatabase.OrgWork();
        var repetitions = new Option<int>("--repetitions") { Description = "Timed warm requests per question, and scorecard runs", DefaultValueFactory = _ => 20 };
        var command = new Command("adoption", "Measure the scorecard run and the adoption endpoints on the benchmark org (run `org` first)") { work, repetitions };
        command.SetAction((parse, ct) => Run(parse.GetValue(work), parse.GetValue(repetitions), clock, ct));
        return command;
    }

    private static async Task<int> Run(string? work, int repetitions, IClock clock, CancellationToken ct)
    {
        if (BenchDatabase.OrgDatabase(work) is not { } database)
        {
            return 2;
        }
        var report = new BenchReport(Console.Out);
        report.Machine(clock, withTime: true);
        report.Line($"Load average (1, 5, 15 min) before: {BenchServer.LoadAverage()}");
        var until = new SampleOrganisationOptions().EffectiveUntil;
        var now = until.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var folder = Path.Combine(BenchServer.SampleData(), "scorecards");
        var set = ScorecardSet.Load(folder, ScorecardSet.List(folder).Files);
        var rows = new List<(string Measure, string Result)>();
        using (var services = CommandServices.Build([.. CommandServices.Database(database)]))
        {
            var deriver = new ScorecardDeriver(services.GetRequiredService<DuckDbDatabase>(), services.GetRequiredService<MetricOptions>());
            var runs = new List<ScorecardDerivation>();
            for (var i = 0; i < Math.Max(1, Math.Min(repetitions, 3)); i++)
            {
                runs.Add(deriver.Run(set, now, cancellationToken: ct));
                Console.Error.WriteLine($"scorecards: {runs[^1]}");
            }
            var last = runs[^1];
            // The services behind the endpoints, in this process, computed once each (no cache here).
            var quarter = new MetricWindow(until.PlusWeeks(-12), until, DateTimeZone.Utc);
            void Once(string measure, Action action)
            {
                var stopwatch = Stopwatch.StartNew();
                action();
                rows.Add((measure, string.Create(CultureInfo.InvariantCulture, $"{stopwatch.Elapsed.TotalMilliseconds:0} ms")));
                Console.Error.WriteLine($"{measure}: {stopwatch.Elapsed.TotalMilliseconds:0} ms");
            }
            Once("coverage org-wide, 12 weeks (computed)", () => services.GetRequiredService<AdoptionCoverageService>().Get(quarter, MetricScope.Org, ct));
            Once("scorecard summaries org-wide (computed)", () => services.GetRequiredService<ScorecardResultsService>().Summaries(set, MetricScope.Org, cancellationToken: ct));
            Once("impact org-wide, 12 weeks, with its bootstrap (computed)", () => services.GetRequiredService<AdoptionImpactService>().Get(set, quarter, MetricScope.Org, ct));
            rows.Add(("scorecards, every Component over 52 weeks (target < 5 s)", string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(", ", runs.Select(r => $"{r.Elapsed.TotalSeconds:0.00} s"))} ({last.Scorecards} scorecards, {last.Components:N0} Components, {last.Weeks} weeks, {last.CheckResults:N0} check results)")));
        }

        using var server = await BenchServer.Start(database, ct);
        var teams = System.Text.Json.Nodes.JsonNode.Parse(await server.Client.GetStringAsync("/api/v1/teams", ct))!.AsArray()
            .Select(t => t!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        var window = $"from={until.PlusWeeks(-12):yyyy-MM-dd}&to={until:yyyy-MM-dd}";
        var scorecard = set.Scorecards[0].Id;
        foreach (var scope in new[] { "", $"&team={teams[0]}" })
        {
            foreach (var path in new[] { "/api/v1/adoption/coverage", "/api/v1/adoption/scorecards", $"/api/v1/adoption/scorecards/{scorecard}/components",
                "/api/v1/adoption/impact", "/dashboards/adoption" })
            {
                var url = $"{path}?{window}{scope}";
                var first = await server.Time(url, ct);
                var warm = new List<double>();
                for (var i = 0; i < repetitions; i++)
                {
                    warm.Add(await server.Time(url, ct));
                }
                warm.Sort();
                rows.Add(($"{path} {(scope.Length == 0 ? "org-wide" : $"team {teams[0]}")}, 12 weeks", string.Create(CultureInfo.InvariantCulture,
                    $"first {first:0.0} ms; warm median {warm[warm.Count / 2]:0.0} ms, max {warm[^1]:0.0} ms (n={repetitions})")));
            }
        }
        report.Table(rows);
        report.Line($"Load average (1, 5, 15 min) after: {BenchServer.LoadAverage()}");
        return 0;
    }
}
