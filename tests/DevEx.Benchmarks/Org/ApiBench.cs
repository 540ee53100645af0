using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using DevEx.SampleOrg;
using NodaTime;

namespace DevEx.Benchmarks.Org;

/// <summary>
/// <c>api</c>: the DORA questions of issue 13 item 9 over HTTP, against the server as its own process on the benchmark
/// org's database (made by <c>org</c>): one team's last 4 weeks, its monthly series for a year, org-wide for a year.
/// First the request after start (JIT, first loads: a window the start-up warming did not ask for), then each question
/// warm, asked for a new window each time (computed: no kept answer can serve it) and asked again (the answer kept since
/// the last derivation), then one team's 4 weeks for every team once.
/// </summary>
internal static class ApiBench
{
    public static Command Create(IClock clock)
    {
        var work = BenchDatabase.OrgWork();
        var repetitions = new Option<int>("--repetitions") { Description = "Timed requests per question", DefaultValueFactory = _ => 50 };
        var command = new Command("api", "Measure the DORA API's small and large questions on the benchmark org (run `org` first)") { work, repetitions };
        command.SetAction((parse, ct) => Run(parse.GetValue(work), parse.GetValue(repetitions), clock, ct));
        return command;
    }

    private static async Task<int> Run(string? work, int repetitions, IClock clock, CancellationToken ct)
    {
        if (BenchDatabase.OrgDatabase(work) is not { } database)
        {
            return 2;
        }
        var until = new SampleOrganisationOptions().EffectiveUntil;
        var monthStart = new LocalDate(until.Year, until.Month, 1);
        using var server = await BenchServer.Start(database, ct);
        var teams = JsonNode.Parse(await server.Client.GetStringAsync("/api/v1/teams", ct))!.AsArray().Select(t => t!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        var team = teams[0];
        // Each question for a window ending `shift` days before the org's last day: 0 repeats the question, a new shift
        // each time asks one no one asked before (its answer is computed, not the one kept since the last derivation).
        var questions = new (string Name, Func<int, string> Url)[]
        {
            ($"one team ({team}), 4 weeks", shift => $"/api/v1/metrics/dora?team={team}&from={until.PlusDays(-shift).PlusWeeks(-4):yyyy-MM-dd}&to={until.PlusDays(-shift):yyyy-MM-dd}"),
            ($"one team ({team}), monthly series, 12 months",
                shift => $"/api/v1/metrics/dora/series?team={team}&interval=month&from={monthStart.PlusMonths(-12).PlusDays(-shift):yyyy-MM-dd}&to={monthStart.PlusDays(-shift):yyyy-MM-dd}"),
            ("org-wide, 52 weeks", shift => $"/api/v1/metrics/dora?from={until.PlusDays(-shift).PlusWeeks(-52):yyyy-MM-dd}&to={until.PlusDays(-shift):yyyy-MM-dd}"),
        };
        var report = new BenchReport(Console.Out);
        var first = await server.Time(questions[0].Url(1), ct);
        var second = await server.Time(questions[0].Url(2), ct);
        var firstSeries = await server.Time(questions[1].Url(1), ct);
        report.Machine(clock, withTime: true);
        report.Line($"Load average (1, 5, 15 min) before: {BenchServer.LoadAverage()}");
        report.Line(string.Create(CultureInfo.InvariantCulture,
            $"First request after start ({questions[0].Name}, a window the start-up warming did not ask for): {first:0.0} ms, then another new window {second:0.0} ms; the series after it: {firstSeries:0.0} ms"));
        report.Line();
        report.Line("| question | asked | median | p95 | max |");
        report.Line("| --- | --- | --- | --- | --- |");
        var shift = 10;
        foreach (var (name, url) in questions)
        {
            var computed = Enumerable.Range(0, repetitions + 5).Select(_ => url(shift++)).ToList();
            report.Line(Row(name, "a new window each time (computed)", await Times(server, computed, 5, repetitions, ct)));
            report.Line(Row(name, "again (kept since the last derivation)", await Times(server, [url(0)], 5, repetitions, ct)));
        }
        var everyTeam = teams.Select(t => $"/api/v1/metrics/dora?team={t}&from={until.PlusDays(-shift).PlusWeeks(-4):yyyy-MM-dd}&to={until.PlusDays(-shift):yyyy-MM-dd}").ToList();
        report.Line(Row($"one team, 4 weeks", $"each of the {teams.Count} teams once (computed)", await Times(server, everyTeam, 0, teams.Count, ct)));
        report.Line();
        report.Line($"Load average (1, 5, 15 min) after: {BenchServer.LoadAverage()}");
        return 0;
    }

    /// <summary>Warm-up requests, then the timed ones, cycling through <paramref name="urls"/>; sorted.</summary>
    private static async Task<List<double>> Times(BenchServer server, List<string> urls, int warmUp, int count, CancellationToken ct)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await server.Time(urls[i % urls.Count], ct);
        }
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            times.Add(await server.Time(urls[i % urls.Count], ct));
        }
        times.Sort();
        return times;
    }

    private static string Row(string name, string asked, List<double> times) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {asked} | {times[times.Count / 2]:0.0} ms | {times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]:0.0} ms | {times[^1]:0.0} ms |");
}
