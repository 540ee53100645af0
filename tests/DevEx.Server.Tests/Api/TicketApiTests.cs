using System.Net;
using System.Text.Json;
using DevEx.Analytics.Derivations;
using DevEx.Store;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Api;

// Queries through the API: ticket_metrics, ticket_wip, ticket_time_by_status, ticket_explain, ticket_intervals,
// ticket_status_names, wait_states.
/// <summary>
/// The ticket endpoints over two hand-timed tickets of team web (UTC, Mon-Fri 09-17), written straight into the store
/// and derived. An override maps WEB "Peer Check" to wait; Jira calls "Doing" indeterminate (active).
/// WEB-1: Doing Mon 02-02 10:00, Peer Check Mon 14:00, Done Tue 10:00: cycle 24 h (working Mon 10-17 7 + Tue 09-10 1 = 8);
///   active 4 h (4 w); wait 20 h (working Mon 14-17 3 + Tue 09-10 1 = 4).
/// WEB-2: Doing Wed 09:00, Blocked Wed 11:00, Doing Wed 13:00, Done Wed 17:00: cycle 8 h (8 w); active 6 h; wait = blocked 2 h.
/// </summary>
public sealed class TicketApiTests : IAsyncLifetime, IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));
    private WebApplicationFactory<Program> app = null!;
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        app = factory.WithWebHostBuilder(b => b.UseSetting("DevEx:Tickets:StatusCategories:WEB:Peer Check", "wait"));
        client = app.CreateClient();
        var database = app.Services.GetRequiredService<DuckDbDatabase>();
        Instant At(int day, int hour) => Instant.FromUtc(2026, 2, day, hour, 0);
        using (var connection = database.Open())
        {
            TableWriter.Upsert(connection, Tables.Teams, [new TeamRow("web", null, null, "UTC", "Mon-Fri 09:00-17:00")]);
            TableWriter.Upsert(connection, Tables.TicketStatuses, [new TicketStatusRow("jira", "WEB", "Doing", "indeterminate")]);
            TableWriter.Upsert(connection, Tables.Tickets,
            [
                new TicketRow("WEB-1", "WEB", "story", At(2, 9), null, "Search", null, "web", [], "jira"),
                new TicketRow("WEB-2", "WEB", "bug", At(4, 8), null, "Login", null, "web", [], "jira"),
            ]);
            TableWriter.Upsert(connection, Tables.TicketTransitions,
            [
                new TicketTransitionRow("WEB-1", 0, At(2, 10), "To Do", "Doing"),
                new TicketTransitionRow("WEB-1", 1, At(2, 14), "Doing", "Peer Check"),
                new TicketTransitionRow("WEB-1", 2, At(3, 10), "Peer Check", "Done"),
                new TicketTransitionRow("WEB-2", 0, At(4, 9), "To Do", "Doing"),
                new TicketTransitionRow("WEB-2", 1, At(4, 11), "Doing", "Blocked"),
                new TicketTransitionRow("WEB-2", 2, At(4, 13), "Blocked", "Doing"),
                new TicketTransitionRow("WEB-2", 3, At(4, 17), "Doing", "Done"),
            ]);
        }
        app.Services.GetRequiredService<DerivationRunner>().Run();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        app.Dispose();
        factory.Dispose();
    }

    private async Task<JsonElement> Get(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Ticket_metrics_carry_the_hand_computed_values()
    {
        var metrics = await Get("/api/v1/metrics/tickets?from=2026-02-02&to=2026-02-09&team=web&project=WEB");
        var cycle = metrics.GetProperty("cycleTime");
        Assert.Equal(2, cycle.GetProperty("sampleSize").GetInt32());
        Assert.Equal(16.0, cycle.GetProperty("medianHours").GetDouble()); // 8 and 24
        Assert.Equal(20.0, cycle.GetProperty("p75Hours").GetDouble()); // 8 + 0.75 * 16
        Assert.Equal(22.4, cycle.GetProperty("p90Hours").GetDouble(), 9); // 8 + 0.9 * 16
        Assert.Equal(8.0, cycle.GetProperty("medianWorkingHours").GetDouble()); // 8 and 8
        // working: active 4 + 6 = 10, wait 4 + 2 = 6 -> 10 / 16; wall clock: active 4 + 6, wait 20 + 2 -> 10 / 32
        Assert.Equal(0.625, metrics.GetProperty("flowEfficiency").GetDouble(), 12);
        Assert.Equal(0.3125, metrics.GetProperty("flowEfficiencyWallClock").GetDouble(), 12);
        Assert.Equal(5.0, metrics.GetProperty("activeTime").GetProperty("medianHours").GetDouble()); // 4 and 6
        Assert.Equal(11.0, metrics.GetProperty("waitTime").GetProperty("medianHours").GetDouble()); // 20 and 2
        var blocked = metrics.GetProperty("blockedTime");
        Assert.Equal((2.0, 2.0), (blocked.GetProperty("medianHours").GetDouble(), blocked.GetProperty("medianWorkingHours").GetDouble()));
        Assert.Equal(2, metrics.GetProperty("throughput").GetInt32());
        Assert.Equal(0, metrics.GetProperty("wip").GetInt32());
        var byStatus = metrics.GetProperty("timeByStatus").EnumerateArray()
            .Select(s => (s.GetProperty("status").GetString(), s.GetProperty("category").GetString(), s.GetProperty("hours").GetDouble(),
                s.GetProperty("workingHours").GetDouble()))
            .ToList();
        // Doing: 4 + 2 + 4 = 10 h (10 w); Peer Check 20 h (4 w); Blocked 2 h (2 w)
        Assert.Equal([("Doing", "active", 10.0, 10.0), ("Peer Check", "wait", 20.0, 4.0), ("Blocked", "wait", 2.0, 2.0)], byStatus);
    }

    [Fact]
    public async Task Zero_samples_are_null()
    {
        var metrics = await Get("/api/v1/metrics/tickets?from=2026-03-02&to=2026-03-09");
        Assert.Equal(0, metrics.GetProperty("cycleTime").GetProperty("sampleSize").GetInt32());
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("cycleTime").GetProperty("medianHours").ValueKind);
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("flowEfficiency").ValueKind);
    }

    [Fact]
    public async Task Ticket_listing_shows_each_tickets_intervals()
    {
        var tickets = (await Get("/api/v1/tickets?from=2026-02-02&to=2026-02-09")).EnumerateArray().ToList();
        Assert.Equal(["WEB-1", "WEB-2"], tickets.Select(t => t.GetProperty("key").GetString()));
        var web1 = tickets[0];
        Assert.Equal((24.0, 8.0), (web1.GetProperty("cycleHours").GetDouble(), web1.GetProperty("cycleWorkingHours").GetDouble()));
        var intervals = web1.GetProperty("intervals").EnumerateArray()
            .Select(i => (i.GetProperty("status").GetString(), i.GetProperty("category").GetString())).ToList();
        Assert.Equal([("To Do", "backlog"), ("Doing", "active"), ("Peer Check", "wait"), ("Done", "done")], intervals);
        Assert.Equal(JsonValueKind.Null, web1.GetProperty("intervals")[3].GetProperty("endAt").ValueKind);
    }

    [Fact]
    public async Task Wait_states_list_pull_request_and_ticket_waits()
    {
        var waits = (await Get("/api/v1/metrics/wait-states?from=2026-02-02&to=2026-02-09")).GetProperty("waits").EnumerateArray().ToList();
        Assert.Equal(8, waits.Count);
        // ticket wait: WEB-1 4 w, WEB-2 2 w -> median 3; the most working hours (6), so first
        Assert.Equal(("ticket-wait", 2, 3.0), (waits[0].GetProperty("wait").GetString(), waits[0].GetProperty("sampleSize").GetInt32(),
            waits[0].GetProperty("medianWorkingHours").GetDouble()));
        var pickup = waits.Single(w => w.GetProperty("wait").GetString() == "pr-pickup");
        Assert.Equal((0, JsonValueKind.Null), (pickup.GetProperty("sampleSize").GetInt32(), pickup.GetProperty("medianHours").ValueKind));
    }

    [Fact]
    public async Task Status_mapping_says_why()
    {
        var mappings = (await Get("/api/v1/status-mapping")).EnumerateArray()
            .ToDictionary(m => m.GetProperty("status").GetString()!, m => (m.GetProperty("project").GetString(), m.GetProperty("category").GetString(),
                m.GetProperty("reason").GetString()));
        Assert.Equal(("WEB", "wait", "override DevEx:Tickets:StatusCategories:WEB:Peer Check"), mappings["Peer Check"]);
        Assert.Equal(("WEB", "active", "source category 'indeterminate'"), mappings["Doing"]);
        Assert.Equal(("WEB", "wait", "default rule: contains 'block'"), mappings["Blocked"]);
        Assert.Equal(("WEB", "done", "default rule: name is 'done'"), mappings["Done"]);
    }
}
