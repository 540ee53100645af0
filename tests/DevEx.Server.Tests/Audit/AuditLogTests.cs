using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NodaTime;

namespace DevEx.Server.Tests.Audit;

/// <summary>
/// The audit log through HTTP: an admin's import and an API key's creation are entries, a panel CSV and a weekly report
/// download are exports, a metric read is nothing; an API key's use is one entry however often it is used within a
/// minute; only admins read the log.
/// </summary>
public sealed class AuditLogTests : IDisposable
{
    private static readonly string[] Viewer = ["viewer"], Admin = ["admin"];
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 3, 1, 12, 0));

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Admin_actions_and_exports_are_entries_and_reads_are_not()
    {
        var client = factory.CreateClient();
        var line = """{"id":"d1","service":"api","environment":"production","sha":"c1","finishedAt":"2026-02-02T09:30:00Z","status":"success"}""";
        (await client.PostAsync("/api/v1/import/deployments", new StringContent(line + "\n", Encoding.UTF8, "application/x-ndjson"))).EnsureSuccessStatusCode();
        (await client.GetAsync("/api/v1/metrics/dora?from=2026-02-02&to=2026-02-09")).EnsureSuccessStatusCode();
        (await client.GetAsync("/dashboards/dora/panels/deployment-frequency.csv?from=2026-02-02&to=2026-02-09")).EnsureSuccessStatusCode();

        var entries = await Entries(client, "");

        // Newest first: the CSV, then the import; the metric read left nothing.
        Assert.Equal(2, entries.Count);
        Assert.Equal(("local administrator", "export", "GET /dashboards/dora/panels/deployment-frequency.csv?from=2026-02-02&to=2026-02-09", 200), entries[0]);
        Assert.Equal(("local administrator", "admin", "POST /api/v1/import/deployments", 200), entries[1]);
    }

    [Fact]
    public async Task An_api_keys_use_is_one_entry_per_minute_and_a_viewer_cannot_read_the_log()
    {
        var client = factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "dash", roles = Viewer });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;

        for (var i = 0; i < 3; i++)
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/teams");
            read.Headers.Authorization = new("Bearer", key);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(read)).StatusCode);
        }
        using var audit = new HttpRequestMessage(HttpMethod.Get, "/api/v1/audit");
        audit.Headers.Authorization = new("Bearer", key);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(audit)).StatusCode);

        // The clock stands still: three reads and the refused one are one use (the first), and the key's creation an admin action.
        var entries = await Entries(client, "");
        Assert.Equal(("api-key:dash", "api-key", "api-key:dash used", (int?)null), (entries[0].Actor, entries[0].Kind, entries[0].Action, (int?)null));
        Assert.Single(entries, e => e.Kind == "api-key");
        Assert.Equal(("local administrator", "admin", "POST /api/v1/api-keys", 201), entries[1]);
        Assert.Equal(2, entries.Count);
    }

    [Fact]
    public async Task Forty_requests_at_once_with_a_key_are_one_use()
    {
        var client = factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "burst", roles = Viewer });
        var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;

        // The clock stands still: forty reads arriving together, all before the first one's recorded use is read back,
        // are one use: one entry, not one per request that saw no use yet.
        var reads = Enumerable.Range(0, 40).Select(async _ =>
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/teams");
            read.Headers.Authorization = new("Bearer", key);
            return (await client.SendAsync(read)).StatusCode;
        });
        Assert.All(await Task.WhenAll(reads), status => Assert.Equal(HttpStatusCode.OK, status));

        Assert.Single(await Entries(client, "?kind=api-key"));
    }

    [Fact]
    public async Task The_log_is_filtered_by_kind_and_a_bad_limit_is_a_400()
    {
        var client = factory.CreateClient();
        await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "ci", roles = Admin });
        (await client.GetAsync("/dashboards/dora/panels/lead-time.csv")).EnsureSuccessStatusCode();

        Assert.Equal(["export"], (await Entries(client, "?kind=export")).Select(e => e.Kind));
        var bad = await client.GetAsync("/api/v1/audit?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'limit' must be 1 to 1000", await bad.Content.ReadAsStringAsync());
    }

    private static async Task<List<(string Actor, string Kind, string Action, int? Status)>> Entries(HttpClient client, string query)
    {
        var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/audit" + query)).RootElement;
        return [.. json.EnumerateArray().Select(e => (e.GetProperty("actor").GetString()!, e.GetProperty("kind").GetString()!, e.GetProperty("action").GetString()!,
            e.GetProperty("status").ValueKind == JsonValueKind.Null ? (int?)null : e.GetProperty("status").GetInt32()))];
    }
}
