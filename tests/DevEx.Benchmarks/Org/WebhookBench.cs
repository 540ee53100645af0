using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DevEx.SampleOrg;
using NodaTime;

namespace DevEx.Benchmarks.Org;

/// <summary>
/// <c>webhooks</c>: how fast the service answers GitHub webhook deliveries (issue 13 item 2: p99 under 100 ms) while the
/// derivation queue works through what they changed. The server runs as its own process on a copy of the benchmark
/// org's database (made by <c>org</c>); each delivery is GitHub's <c>pull_request_review</c> example payload (octokit/webhooks,
/// tests/DevEx.Server.Tests/Fixtures) turned into an approval, with a new review id, of a merged pull request of one of
/// 10 repositories, signed with X-Hub-Signature-256, posted over one keep-alive connection. Two runs: back to back (each
/// delivery sent when the last was answered) and paced at 2 per second.
/// </summary>
internal static class WebhookBench
{
    private const string Secret = "bench-webhook-secret";

    public static Command Create(IClock clock)
    {
        var work = BenchDatabase.OrgWork();
        var burst = new Option<int>("--burst") { Description = "Deliveries sent back to back", DefaultValueFactory = _ => 300 };
        var paced = new Option<int>("--paced") { Description = "Deliveries sent at 2 per second", DefaultValueFactory = _ => 120 };
        var command = new Command("webhooks", "Measure webhook answer times on the benchmark org (run `org` first)") { work, burst, paced };
        command.SetAction((parse, ct) => Run(parse.GetValue(work), parse.GetValue(burst), parse.GetValue(paced), clock, ct));
        return command;
    }

    private static async Task<int> Run(string? work, int burst, int paced, IClock clock, CancellationToken ct)
    {
        if (BenchDatabase.OrgDatabase(work) is not { } source)
        {
            return 2;
        }
        // Deliveries write: they go to a copy, so the org's database stays as `org` left it for the other benches.
        var database = Path.Combine(BenchDatabase.OrgFolder(work), "webhooks.duckdb");
        File.Copy(source, database, overwrite: true);
        File.Delete(database + ".wal");
        using var server = await BenchServer.Start(database, ct, new Dictionary<string, string>
        {
            ["DevEx__GitHub__WebhookSecret"] = Secret,
            ["DevEx__WarmDashboards"] = "false",
        });
        var until = new SampleOrganisationOptions().EffectiveUntil;
        var targets = await MergedPullRequests(server, until, ct);
        var template = JsonNode.Parse(await File.ReadAllTextAsync(Checkout.File("tests", "DevEx.Server.Tests", "Fixtures", "github-webhooks", "pull_request_review", "submitted.payload.json"), ct))!;
        var report = new BenchReport(Console.Out);
        report.Machine(clock, withTime: true);
        report.Line($"Database: a copy of {source}; {targets.Count} repositories: {string.Join(", ", targets.Select(t => t.Repo))}");
        report.Line();
        report.Line("| run | deliveries | p50 | p90 | p99 | max | not 202 | load average before → after |");
        report.Line("| --- | --- | --- | --- | --- | --- | --- | --- |");
        var next = 0;
        foreach (var (name, count, gap) in new[] { ("back to back", burst, TimeSpan.Zero), ("2 per second", paced, TimeSpan.FromMilliseconds(500)) })
        {
            var load = BenchServer.LoadAverage();
            var times = new List<double>();
            var refused = 0;
            for (var i = 0; i < count; i++, next++)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                using var response = await server.Client.SendAsync(Delivery(template, targets[next % targets.Count], next), ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                refused += response.StatusCode == System.Net.HttpStatusCode.Accepted ? 0 : 1;
                if (gap > TimeSpan.Zero)
                {
                    await Task.Delay(gap, ct);
                }
            }
            times.Sort();
            double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * q) - 1)];
            report.Line(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {count} | {At(0.5):0.0} ms | {At(0.9):0.0} ms | {At(0.99):0.0} ms | {times[^1]:0.0} ms | {refused} | {load} → {BenchServer.LoadAverage()} |"));
        }
        var (peak, now) = server.Memory();
        report.Line();
        report.Line($"Server memory after both runs: peak (VmHWM) {peak:N0} MB, resident now {now:N0} MB");
        return 0;
    }

    private sealed record Target(string Repo, int Number);

    /// <summary>One merged pull request in each of the first 10 repositories with merges in the org's last 4 weeks.</summary>
    private static async Task<List<Target>> MergedPullRequests(BenchServer server, LocalDate until, CancellationToken ct)
    {
        var json = await server.Client.GetStringAsync($"/api/v1/pull-requests?from={until.PlusWeeks(-4):yyyy-MM-dd}&to={until:yyyy-MM-dd}", ct);
        var targets = JsonNode.Parse(json)!.AsArray()
            .Select(p => new Target(p!["repo"]!.GetValue<string>(), p["number"]!.GetValue<int>()))
            .DistinctBy(t => t.Repo)
            .Take(10)
            .ToList();
        return targets.Count > 0 ? targets : throw new InvalidOperationException("No pull request was merged in the org's last 4 weeks: run `org` again.");
    }

    private static HttpRequestMessage Delivery(JsonNode template, Target target, int sequence)
    {
        var payload = template.DeepClone();
        var (owner, name) = (target.Repo.Split('/')[0], target.Repo.Split('/')[1]);
        payload["repository"]!["full_name"] = target.Repo;
        payload["repository"]!["name"] = name;
        payload["repository"]!["owner"]!["login"] = owner;
        payload["pull_request"]!["number"] = target.Number;
        payload["review"]!["id"] = 9_000_000_000L + sequence;
        payload["review"]!["state"] = "approved";
        var body = payload.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/github")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-GitHub-Event", "pull_request_review");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256",
            "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))));
        return request;
    }
}
