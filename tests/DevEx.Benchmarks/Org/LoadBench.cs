using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DevEx.SampleOrg;
using NodaTime;

namespace DevEx.Benchmarks.Org;

/// <summary>
/// <c>load</c>: a steady mixed load (issue 14 item 7): API reads and dashboard pages at a fixed rate for a fixed time against
/// the server as its own process on the benchmark org's database. Open loop: each request is sent at its scheduled
/// moment whether or not earlier ones were answered, and its latency counts from that moment, so a server that falls
/// behind shows it in the percentiles (no coordinated omission). The mix: every team's DORA figures, series,
/// pull-request flow and CI for 4, 12 and 52 weeks; the teams list; the DORA, pull-request and overview pages, org-wide and
/// per team; and a share of questions no one asked before (one team's 4 weeks ending a new day back), which no kept
/// answer serves. Reports latency percentiles (the whole run, and after the first minute, once the pages and answers of the
/// mix are kept), errors (non-2xx and transport failures), and the server's resident memory every
/// 10 s (flat: within 10 % of the first minute's).
/// </summary>
internal static class LoadBench
{
    private static readonly int[] WindowWeeks = [4, 12, 52];
    private static readonly string[] ApiPaths = ["/api/v1/metrics/dora?", "/api/v1/metrics/dora/series?interval=month&", "/api/v1/metrics/pr-flow?", "/api/v1/metrics/ci?"];
    private static readonly string[] PagePaths = ["/", "/dashboards/dora", "/dashboards/pull-requests"];

    public static Command Create(IClock clock)
    {
        var work = BenchDatabase.OrgWork();
        var rate = new Option<int>("--rate") { Description = "Requests per second", DefaultValueFactory = _ => 500 };
        var seconds = new Option<int>("--seconds") { Description = "How long to keep the rate", DefaultValueFactory = _ => 600 };
        var fresh = new Option<int>("--fresh-per-mille") { Description = "Of every 1,000 requests, how many ask a window no one asked before (computed, not kept)", DefaultValueFactory = _ => 20 };
        var role = new Option<string>("--role") { Description = "The role of the API key every request carries (made through the API at start)", DefaultValueFactory = _ => "admin" };
        var coldStart = new Option<bool>("--cold") { Description = "Start timing at once, from no kept answer, instead of after a warm-up pass that asks each URL of the mix once" };
        var sample = new Option<bool>("--sample") { Description = "On the bundled sample organisation (a new database the server seeds at start, as `dotnet run` does) instead of the benchmark org" };
        var command = new Command("load", "Mixed API and dashboard load at a fixed rate on the benchmark org (run `org` first) or the sample") { work, rate, seconds, fresh, role, sample, coldStart };
        command.SetAction((parse, ct) => Run(parse.GetValue(work), parse.GetValue(rate), parse.GetValue(seconds), parse.GetValue(fresh), parse.GetValue(role)!,
            parse.GetValue(sample), parse.GetValue(coldStart), clock, ct));
        return command;
    }

    private static async Task<int> Run(string? work, int rate, int seconds, int freshPerMille, string role, bool sample, bool cold, IClock clock, CancellationToken ct)
    {
        var database = sample ? Path.Combine(Path.GetTempPath(), $"devex-load-sample-{Guid.NewGuid():N}.duckdb") : BenchDatabase.OrgDatabase(work);
        if (database is null)
        {
            return 2;
        }
        using var server = await BenchServer.Start(database, ct, sample ? SampleSeeding() : null);
        // Authenticated reads: an API key made by the local admin (loopback, the default mode), sent with every request.
        using var created = await server.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = $"load-{Guid.NewGuid():N}", roles = new[] { role }, expiresInDays = 1 }, ct);
        created.EnsureSuccessStatusCode();
        var key = JsonNode.Parse(await created.Content.ReadAsStringAsync(ct))!["key"]!.GetValue<string>();
        server.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        var teams = JsonNode.Parse(await server.Client.GetStringAsync("/api/v1/teams", ct))!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ToList();
        // The sample is shifted at seeding so that its last week is this week; the benchmark org ends where its generator stops.
        var until = sample ? clock.GetCurrentInstant().InUtc().Date : new SampleOrganisationOptions().EffectiveUntil;
        var urls = Mix(teams, until);
        var report = new BenchReport(Console.Out);
        report.Machine(clock, withTime: true);
        if (!cold)
        {
            // As a service that has been up a while: each question of the mix asked once (4 at a time) before the clock starts.
            var warming = Stopwatch.StartNew();
            await Parallel.ForEachAsync(urls.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
                async (url, token) => (await server.Client.GetAsync(url, token)).Dispose());
            report.Line(string.Create(CultureInfo.InvariantCulture, $"warm-up: each of the {urls.Distinct().Count()} URLs of the mix asked once, 4 at a time, in {warming.Elapsed.TotalSeconds:0.0} s (not timed below)"));
        }
        report.Line($"{rate} requests/s for {seconds} s over {urls.Count} URLs ({teams.Count} teams), {freshPerMille} per 1,000 for a window no one asked "
            + $"before; every request with an API key of role {role}; load average before: {BenchServer.LoadAverage()}");

        var latencies = new ConcurrentBag<(double Second, double Milliseconds, string Path)>();
        var errors = new ConcurrentDictionary<string, int>();
        var memory = new List<(int Second, long Rss)>();
        var inFlight = new List<Task>();
        var clockStart = Stopwatch.GetTimestamp();
        var total = rate * seconds;
        var nextMemory = 0;
        var freshAsked = 0;
        for (var i = 0; i < total; i++)
        {
            var due = clockStart + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }
            var elapsed = (int)Stopwatch.GetElapsedTime(clockStart).TotalSeconds;
            if (elapsed >= nextMemory)
            {
                memory.Add((elapsed, server.Memory().Now));
                nextMemory += 10;
            }
            // Fresh questions: one team's DORA figures for a 4-week window ending a new day back, the n-th fresh question
            // taking the n-th team and day (over 10 years of days: no pair repeats within 21,900 of them). Spread evenly (every
            // 50th request for 20 per 1,000), not 20 in a row every 1,000, which was a burst of computations every 2 s.
            string url;
            if ((long)i * freshPerMille % 1000 < freshPerMille)
            {
                var end = until.PlusDays(-(freshAsked % 3650));
                url = $"/api/v1/metrics/dora?team={teams[freshAsked % teams.Count]}&from={end.PlusWeeks(-4):yyyy-MM-dd}&to={end:yyyy-MM-dd}";
                freshAsked++;
            }
            else
            {
                url = urls[i % urls.Count];
            }
            inFlight.Add(Send(server.Client, url, due, clockStart, latencies, errors, ct));
            if (inFlight.Count > 4 * rate)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }
        await Task.WhenAll(inFlight);
        memory.Add((seconds, server.Memory().Now));

        var sorted = latencies.Select(l => l.Milliseconds).Order().ToList();
        var steady = latencies.Where(l => l.Second >= 60).Select(l => l.Milliseconds).Order().ToList();
        static double At(List<double> times, double q) => times.Count == 0 ? double.NaN : times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * q) - 1)];
        static string Percentiles(List<double> times) => string.Create(CultureInfo.InvariantCulture,
            $"p50 {At(times, 0.5):0.0} ms, p90 {At(times, 0.9):0.0} ms, p99 {At(times, 0.99):0.0} ms, max {(times.Count == 0 ? double.NaN : times[^1]):0.0} ms ({times.Count:N0} answers)");
        var achieved = total / Stopwatch.GetElapsedTime(clockStart).TotalSeconds;
        var afterFirstMinute = memory.Where(m => m.Second >= 60).Select(m => m.Rss).DefaultIfEmpty(memory[^1].Rss).ToList();
        report.Table([
            ("requests", $"{total:N0} sent, {sorted.Count:N0} answered 2xx, {errors.Values.Sum():N0} errors"),
            ("rate achieved", string.Create(CultureInfo.InvariantCulture, $"{achieved:0} requests/s")),
            ("latency from the scheduled send, whole run", Percentiles(sorted)),
            ("latency from the scheduled send, after the first minute", Percentiles(steady)),
            ("server resident memory", $"{memory[0].Rss:N0} MB at start, {afterFirstMinute[0]:N0} MB after the first minute, "
                + $"{afterFirstMinute.Min():N0}–{afterFirstMinute.Max():N0} MB from then on, {memory[^1].Rss:N0} MB at the end; peak (VmHWM) {server.Memory().Peak:N0} MB"),
            ("load average after", BenchServer.LoadAverage()),
        ]);
        // Where the time goes: p99 per 10 s of the run (a backlog that drains, or spikes that recur), and per path after the first minute.
        report.Line("p99 per 10 s from the start: " + string.Join(", ", latencies.GroupBy(l => (int)l.Second / 10).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key * 10}s {At([.. g.Select(l => l.Milliseconds).Order()], 0.99):0}"))));
        foreach (var path in latencies.Where(l => l.Second >= 60).GroupBy(l => l.Path).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            report.Line($"after the first minute, {path.Key}: {Percentiles([.. path.Select(l => l.Milliseconds).Order()])}");
        }
        foreach (var (kind, count) in errors.OrderByDescending(e => e.Value))
        {
            report.Line($"error: {count} × {kind}");
        }
        return 0;
    }

    private static async Task Send(HttpClient client, string url, long due, long start, ConcurrentBag<(double Second, double Milliseconds, string Path)> latencies,
        ConcurrentDictionary<string, int> errors, CancellationToken ct)
    {
        try
        {
            using var response = await client.GetAsync(url, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                latencies.Add((Stopwatch.GetElapsedTime(start, due).TotalSeconds, Stopwatch.GetElapsedTime(due).TotalMilliseconds, url.Split('?')[0]));
            }
            else
            {
                errors.AddOrUpdate($"{(int)response.StatusCode} {url.Split('?')[0]}", 1, (_, n) => n + 1);
            }
        }
        catch (HttpRequestException e)
        {
            errors.AddOrUpdate($"{e.HttpRequestError} {url.Split('?')[0]}", 1, (_, n) => n + 1);
        }
    }

    /// <summary>The server seeds the bundled sample into its new database at start (sample-data/ of this checkout).</summary>
    private static Dictionary<string, string> SampleSeeding() => new()
    {
        ["DevEx__SeedSampleData"] = "true",
        ["DevEx__SampleData"] = BenchServer.SampleData(),
    };

    /// <summary>The URLs cycled through: API reads for every team and window, the org-wide ones, and the pages.</summary>
    private static List<string> Mix(List<string> teams, LocalDate until)
    {
        var windows = WindowWeeks.Select(w => $"from={until.PlusWeeks(-w):yyyy-MM-dd}&to={until:yyyy-MM-dd}").ToList();
        var scopes = teams.Select(t => $"&team={t}").Prepend("").ToList();
        var api = from scope in scopes
                  from window in windows
                  from path in ApiPaths
                  select path + window + scope;
        var pages = from scope in scopes
                    from path in PagePaths
                    select path + "?" + windows[1] + scope;
        // Interleaved so that every second of the run sees the same mix: 4 API reads for each page, and the teams list.
        var apiList = api.ToList();
        var pageList = pages.ToList();
        var mix = new List<string>();
        for (int a = 0, p = 0; a < apiList.Count; a++)
        {
            mix.Add(apiList[a]);
            if (a % 4 == 3)
            {
                mix.Add(pageList[p++ % pageList.Count]);
            }
            if (a % 50 == 49)
            {
                mix.Add("/api/v1/teams");
            }
        }
        return mix;
    }
}
