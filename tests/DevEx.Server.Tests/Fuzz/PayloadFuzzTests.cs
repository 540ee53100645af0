using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using DevEx.Collectors.Import;
using DevEx.Collectors.Tests.Import;
using DevEx.Server.Import;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit.Abstractions;

namespace DevEx.Server.Tests.Fuzz;

/// <summary>
/// A bounded fuzz run through the whole service: random and mutated bodies of every import kind and of the catalog
/// (POST /api/v1/import/{kind}), signed GitHub webhook deliveries of every recorded event (mutated after the recording,
/// signed after the mutation so they reach the parser), and calendars imported from a folder. Every body mixes broken
/// records with good ones of keys of their own. Zero crashes (no 5xx, no exception) and zero good rows lost (every
/// good record is stored). Runs for DEVEX_FUZZ_SECONDS (default 30); each round has a seed of its own, printed on
/// failure, and DEVEX_FUZZ_SEED replays from that round.
/// </summary>
public sealed class PayloadFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const string Secret = "fuzz-secret";
    private readonly DevExAppFactory factory = CreateFactory();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "devex-tests", "fuzz-" + Guid.NewGuid().ToString("N"));

    private static DevExAppFactory CreateFactory()
    {
        var factory = new DevExAppFactory(Instant.FromUtc(2026, 3, 1, 12, 0));
        factory.Settings["DevEx:GitHub:WebhookSecret"] = Secret;
        return factory;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [Fact]
    public async Task Random_and_mutated_payloads_never_crash_the_service_nor_lose_a_good_row()
    {
        var budget = TimeSpan.FromSeconds(Setting("DEVEX_FUZZ_SECONDS", 30));
        var firstSeed = Setting("DEVEX_FUZZ_SEED", 20261207);
        var client = factory.CreateClient();
        var targets = Targets();
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        for (var seed = firstSeed; clock.Elapsed < budget || rounds < targets.Count; seed++, rounds++)
        {
            var target = targets[rounds % targets.Count];
            try
            {
                await target.Run(client, new Random(seed), seed);
            }
            catch (Exception e)
            {
                Assert.Fail($"{target.Name}, seed {seed} (replay: DEVEX_FUZZ_SEED={seed - rounds % targets.Count} with the targets in order): {e}");
            }
        }
        output.WriteLine($"{rounds} rounds over {targets.Count} targets in {clock.Elapsed.TotalSeconds:0.0} s, seeds {firstSeed}..{firstSeed + rounds - 1}");
    }

    private sealed record Target(string Name, Func<HttpClient, Random, int, Task> Run);

    private List<Target> Targets() =>
    [
        .. ImportKinds.All.Select(kind => new Target(kind.FileName(), (client, random, seed) => ImportKindAsync(client, kind, random, seed))),
        new("catalog", CatalogAsync),
        .. Webhooks().Select(w => new Target($"webhook {w.Event} {w.File}", (client, random, _) => WebhookAsync(client, w.Event, w.Body, random))),
        new("calendars", (_, random, seed) => CalendarAsync(random, seed)),
    ];

    private DuckDbDatabase Database => factory.Services.GetRequiredService<DuckDbDatabase>();

    private long Scalar(string sql)
    {
        using var connection = Database.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 400)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static Mutation AnyMutation(Random random)
    {
        // The 10 MB string is slow to push through: one round in twenty.
        var mutations = Enum.GetValues<Mutation>().Where(m => m != Mutation.HugeString || random.Next(20) == 0).ToArray();
        return mutations[random.Next(mutations.Length)];
    }

    private static async Task<JsonElement> PostImportAsync(HttpClient client, string route, byte[] body)
    {
        var response = await client.PostAsync($"/api/v1/import/{route}", new ByteArrayContent(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Good lines good-{seed}-{i}... keyed by the round, broken template lines and random bytes, shuffled.</summary>
    private async Task ImportKindAsync(HttpClient client, ImportKind kind, Random random, int seed)
    {
        var good = Enumerable.Range(0, random.Next(1, 4)).Select(i => Good(kind, seed, i)).ToList();
        var lines = good.Select(Encoding.UTF8.GetBytes).ToList();
        var templates = ImportSamples.Templates(kind);
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            lines.Add(random.Next(5) == 0 ? RandomBytes(random) : LineMutator.Mutate(templates[random.Next(templates.Count)], AnyMutation(random), random));
        }
        lines = [.. lines.OrderBy(_ => random.Next())];
        var body = lines.SelectMany(l => l.Where(b => b != (byte)'\n').Append((byte)'\n')).ToArray();
        var route = Path.GetFileNameWithoutExtension(kind.FileName()).Replace('_', '-');

        var result = await PostImportAsync(client, route, body);

        Assert.Equal(ImportSamples.NonBlankLines(body), result.GetProperty("imported").GetInt32() + result.GetProperty("rejected").GetInt32());
        Assert.Equal(good.Count, Scalar(StoredGood(kind, seed)));
    }

    /// <summary>A valid line of <paramref name="kind"/> whose key holds the round's seed.</summary>
    private static string Good(ImportKind kind, int seed, int i)
    {
        var line = JsonNode.Parse(ImportSamples.Good(kind, 0))!.AsObject();
        var key = $"good-{seed}-{i}";
        switch (kind)
        {
            case ImportKind.Repositories: line["repo"] = $"acme/{key}"; break;
            case ImportKind.Commits: line["sha"] = key; break;
            case ImportKind.PullRequests: line["repo"] = $"acme/{key}"; break;
            case ImportKind.Tickets: line["key"] = key; break;
            case ImportKind.RepositoryFiles: line["path"] = $"{key}.yaml"; break;
            default: line["id"] = key; break;
        }
        return line.ToJsonString();
    }

    private static string StoredGood(ImportKind kind, int seed) => kind switch
    {
        ImportKind.Repositories => $"SELECT count(*) FROM repositories WHERE repo LIKE 'acme/good-{seed}-%'",
        ImportKind.Commits => $"SELECT count(*) FROM commits WHERE sha LIKE 'good-{seed}-%'",
        ImportKind.PullRequests => $"SELECT count(*) FROM pull_requests WHERE repo LIKE 'acme/good-{seed}-%'",
        ImportKind.PipelineRuns => $"SELECT count(*) FROM pipeline_runs WHERE id LIKE 'good-{seed}-%'",
        ImportKind.Deployments => $"SELECT count(*) FROM deployments WHERE id LIKE 'good-{seed}-%'",
        ImportKind.Incidents => $"SELECT count(*) FROM incidents WHERE id LIKE 'good-{seed}-%'",
        ImportKind.Tickets => $"SELECT count(*) FROM tickets WHERE key LIKE 'good-{seed}-%'",
        ImportKind.RepositoryFiles => $"SELECT count(*) FROM repository_file_versions WHERE path LIKE 'good-{seed}-%'",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string GoodGroup(string name) => $"""
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: {name}
        spec:
          type: team
          children: []
        """;

    private static readonly string[] CatalogTemplates = SampleCatalogDocuments();

    private static string[] SampleCatalogDocuments() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "sample-data", "catalog"), "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split("\n---", StringSplitOptions.RemoveEmptyEntries))
            .Select(d => d.Trim('\n', '-')).Where(d => d.Contains("kind:", StringComparison.Ordinal)).ToArray();

    /// <summary>Good Groups good-{seed}-{i} between broken documents of the sample organisation's catalog.</summary>
    private async Task CatalogAsync(HttpClient client, Random random, int seed)
    {
        var good = Enumerable.Range(0, random.Next(1, 3)).Select(i => $"good-{seed}-{i}").ToList();
        var documents = good.Select(g => Encoding.UTF8.GetBytes(GoodGroup(g))).ToList();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            documents.Add(YamlMutator.Mutate(CatalogTemplates[random.Next(CatalogTemplates.Length)], AnyMutation(random), random));
        }
        documents = [.. documents.OrderBy(_ => random.Next())];
        var body = documents.SelectMany((d, i) => (i == 0 ? [] : "\n---\n"u8.ToArray()).Concat(d)).ToArray();

        await PostImportAsync(client, "catalog", body);

        Assert.Equal(good.Count, Scalar($"SELECT count(*) FROM teams WHERE id LIKE 'good-{seed}-%'"));
    }

    private static IEnumerable<(string Event, string File, string Body)> Webhooks()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "github-webhooks");
        foreach (var file in Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file);
            var name = Path.GetFileName(file);
            var eventName = relative.StartsWith("reallyfastci", StringComparison.Ordinal)
                ? (name.Contains("push", StringComparison.Ordinal) ? "push" : "pull_request")
                : relative.Split(Path.DirectorySeparatorChar)[0];
            yield return (eventName, relative, JsonNode.Parse(File.ReadAllText(file))!.ToJsonString());
        }
    }

    private static Task<HttpResponseMessage> PostWebhookAsync(HttpClient client, string eventName, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/github") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)));
        return client.SendAsync(request);
    }

    /// <summary>A broken delivery is answered without a 5xx; the recorded one, delivered after it, is still accepted.</summary>
    private static async Task WebhookAsync(HttpClient client, string eventName, string body, Random random)
    {
        var broken = random.Next(6) == 0 ? RandomBytes(random) : LineMutator.Mutate(body, AnyMutation(random), random);
        var answer = await PostWebhookAsync(client, eventName, broken);
        Assert.True((int)answer.StatusCode < 500, $"broken {eventName}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");

        var intact = await PostWebhookAsync(client, eventName, Encoding.UTF8.GetBytes(body));
        Assert.True(intact.IsSuccessStatusCode, $"recorded {eventName} after a broken one: {(int)intact.StatusCode} {await intact.Content.ReadAsStringAsync()}");
    }

    private static readonly string[] CalendarTemplates =
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "sample-data", "calendars"), "*.ics").Order(StringComparer.Ordinal).Take(4).Select(File.ReadAllText)];

    /// <summary>A broken sample calendar next to a good one of a person of the round, whose one meeting has a start of its own.</summary>
    private Task CalendarAsync(Random random, int seed)
    {
        var calendars = Directory.CreateDirectory(Path.Combine(folder, seed.ToString(CultureInfo.InvariantCulture), "calendars")).FullName;
        File.WriteAllBytes(Path.Combine(calendars, $"broken-{seed}@example.com.ics"), CalendarMutator.Mutate(CalendarTemplates[random.Next(CalendarTemplates.Length)], random));
        // 2026-02-02 00:00 UTC plus the round in minutes: a start no other round's good meeting has.
        var start = Instant.FromUtc(2026, 2, 2, 0, 0).Plus(Duration.FromMinutes(seed % 100_000));
        var stamp = start.ToString("uuuuMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var end = start.Plus(Duration.FromMinutes(30)).ToString("uuuuMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(calendars, $"good-{seed}@example.com.ics"), $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fuzz//EN\r\nBEGIN:VEVENT\r\n"
            + $"UID:good-{seed}@fuzz\r\nDTSTAMP:{stamp}\r\nDTSTART:{stamp}\r\nDTEND:{end}\r\nSUMMARY:Sync\r\n"
            + $"ATTENDEE;PARTSTAT=ACCEPTED:mailto:good-{seed}@example.com\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:other@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");

        factory.Services.GetRequiredService<ImportService>().ImportDirectory(Path.GetDirectoryName(calendars)!);

        Assert.Equal(1, Scalar($"SELECT count(*) FROM calendar_occurrences WHERE start_at = '{start:uuuu-MM-dd'T'HH:mm:ss'Z'}'::TIMESTAMPTZ"));
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        factory.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
