using System.Net;
using System.Text.Json;
using NodaTime;

namespace DevEx.Server.Tests.Api;

// Queries through the API: dora_* and incident_time_to_restore, explain_deployments, explain_changes,
// explain_pull_requests, pr_flow, org_teams, org_services, data_quality_unmapped_identities.
/// <summary>The DORA API over the worked example of docs/metrics.md, imported through the import API.</summary>
public sealed class DoraApiTests : IAsyncLifetime, IDisposable
{
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        client = factory.CreateClient();
        await WorkedExampleImport.LoadAsync(client);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => factory.Dispose();

    private async Task<JsonElement> Get(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Dora_fields_carry_the_hand_computed_values()
    {
        var dora = await Get("/api/v1/metrics/dora?from=2026-02-02&to=2026-02-09");
        var frequency = dora.GetProperty("deploymentFrequency");
        Assert.Equal(4, frequency.GetProperty("deployments").GetInt32());
        Assert.Equal(4.0, frequency.GetProperty("perWeek").GetDouble());
        Assert.Equal(2.0, frequency.GetProperty("medianDeployDaysPerWeek").GetDouble());
        Assert.Equal("high", frequency.GetProperty("level").GetString());
        var lead = dora.GetProperty("changeLeadTime");
        Assert.Equal(3, lead.GetProperty("sampleSize").GetInt32());
        Assert.Equal(23.0, lead.GetProperty("medianHours").GetDouble());
        Assert.Equal(23.5, lead.GetProperty("p75Hours").GetDouble());
        Assert.Equal("elite", lead.GetProperty("level").GetString());
        var fail = dora.GetProperty("changeFailRate");
        Assert.Equal((1, 4, 0.25, "low"), (fail.GetProperty("failedDeployments").GetInt32(), fail.GetProperty("deployments").GetInt32(),
            fail.GetProperty("rate").GetDouble(), fail.GetProperty("level").GetString()));
        var recovery = dora.GetProperty("failedDeploymentRecoveryTime");
        Assert.Equal((1, 1.0, "high"), (recovery.GetProperty("sampleSize").GetInt32(), recovery.GetProperty("medianHours").GetDouble(),
            recovery.GetProperty("level").GetString()));
        var rework = dora.GetProperty("deploymentReworkRate");
        Assert.Equal((2, 4, 0.5), (rework.GetProperty("reworkDeployments").GetInt32(), rework.GetProperty("deployments").GetInt32(),
            rework.GetProperty("rate").GetDouble()));
        var restore = dora.GetProperty("incidentTimeToRestore");
        Assert.Equal((1, 1.5), (restore.GetProperty("sampleSize").GetInt32(), restore.GetProperty("medianHours").GetDouble()));
    }

    [Fact]
    public async Task Default_window_is_the_last_twelve_full_iso_weeks_as_on_the_dashboards()
    {
        // The clock says Wed 2026-02-11: the window is the 84 days 2025-11-17 .. 2026-02-09, holding the example's week.
        var dora = await Get("/api/v1/metrics/dora");
        Assert.Equal("2025-11-17", dora.GetProperty("from").GetString());
        Assert.Equal("2026-02-09", dora.GetProperty("to").GetString());
        var frequency = dora.GetProperty("deploymentFrequency");
        Assert.Equal(4 / 12.0, frequency.GetProperty("perWeek").GetDouble(), 9); // 4 deployments in 12 weeks
        Assert.Equal(0.0, frequency.GetProperty("medianDeployDaysPerWeek").GetDouble()); // deploy-days: eleven 0s, then 2
    }

    [Theory]
    // The clock says Wed 2026-02-11 (UTC, the org zone). From alone in the current week runs to the end of today (to is
    // exclusive: 02-12); from before it, to the end of the last full week (02-09); to alone at or before the default start
    // (2025-11-17) starts 12 weeks (84 days) earlier.
    [InlineData("from=2026-02-09", "2026-02-09", "2026-02-12")]
    [InlineData("from=2026-02-11", "2026-02-11", "2026-02-12")]
    [InlineData("from=2026-02-02", "2026-02-02", "2026-02-09")]
    [InlineData("to=2025-11-17", "2025-08-25", "2025-11-17")]
    public async Task A_window_given_by_one_end_never_runs_past_today(string query, string from, string to)
    {
        var dora = await Get($"/api/v1/metrics/dora?{query}");
        Assert.Equal((from, to), (dora.GetProperty("from").GetString(), dora.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task Team_and_service_scopes_find_the_same_deployments()
    {
        var team = await Get("/api/v1/metrics/dora?from=2026-02-02&to=2026-02-09&team=core");
        var service = await Get("/api/v1/metrics/dora?from=2026-02-02&to=2026-02-09&service=api");
        Assert.Equal(4, team.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32());
        Assert.Equal(4, service.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32());
    }

    [Fact]
    public async Task Absent_data_gives_nulls_not_zeros()
    {
        var dora = await Get("/api/v1/metrics/dora?from=2026-03-02&to=2026-03-09");
        Assert.Equal(0, dora.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32());
        Assert.Equal(JsonValueKind.Null, dora.GetProperty("deploymentFrequency").GetProperty("level").ValueKind);
        Assert.Equal(JsonValueKind.Null, dora.GetProperty("changeLeadTime").GetProperty("medianHours").ValueKind);
        Assert.Equal(JsonValueKind.Null, dora.GetProperty("changeFailRate").GetProperty("rate").ValueKind);
        Assert.Equal(JsonValueKind.Null, dora.GetProperty("failedDeploymentRecoveryTime").GetProperty("medianHours").ValueKind);
    }

    [Fact]
    public async Task Series_gives_the_same_figures_per_week()
    {
        var series = await Get("/api/v1/metrics/dora/series?from=2026-01-26&to=2026-02-09&interval=week");
        var periods = series.GetProperty("periods");
        Assert.Equal(2, periods.GetArrayLength());
        Assert.Equal(0, periods[0].GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32());
        Assert.Equal("2026-02-02", periods[1].GetProperty("from").GetString());
        Assert.Equal(23.0, periods[1].GetProperty("changeLeadTime").GetProperty("medianHours").GetDouble());
        // Whole ISO weeks: neither is partial.
        Assert.All(periods.EnumerateArray(), p => Assert.Equal((false, 7, 7),
            (p.GetProperty("partial").GetBoolean(), p.GetProperty("days").GetInt32(), p.GetProperty("periodDays").GetInt32())));
    }

    [Fact]
    public async Task Months_cut_by_the_window_are_marked_partial_with_their_days_in_the_series()
    {
        // 2026-01-26 .. 2026-02-09 by month: January 26..31 = 6 of 31 days, February 1..8 = 8 of 28; both partial.
        var periods = (await Get("/api/v1/metrics/dora/series?from=2026-01-26&to=2026-02-09&interval=month")).GetProperty("periods");
        Assert.Equal([(true, 6, 31, "2026-01-26"), (true, 8, 28, "2026-02-01")], periods.EnumerateArray().Select(p =>
            (p.GetProperty("partial").GetBoolean(), p.GetProperty("days").GetInt32(), p.GetProperty("periodDays").GetInt32(), p.GetProperty("from").GetString())));
        // The figures are still there: the 4 deployments of the worked example are in February.
        Assert.Equal(4, periods[1].GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32());
    }

    [Fact]
    public async Task Deployment_listing_explains_failure_rework_and_recovery()
    {
        var deployments = (await Get("/api/v1/deployments?from=2026-02-02&to=2026-02-09")).EnumerateArray()
            .ToDictionary(d => d.GetProperty("id").GetString()!);
        var d3 = deployments["D3"];
        Assert.True(d3.GetProperty("failed").GetBoolean());
        Assert.Equal("rollback", d3.GetProperty("failureMethod").GetString());
        Assert.True(d3.GetProperty("rework").GetBoolean());
        Assert.Equal("2026-02-03T15:00:00Z", d3.GetProperty("recoveredAt").GetString());
        Assert.Equal(2, deployments["D2"].GetProperty("changeCount").GetInt32());
        Assert.Equal("2026-02-02T09:00:00Z", deployments["D1"].GetProperty("finishedAt").GetString()); // written 10:00+01:00
        Assert.Equal(JsonValueKind.Null, deployments["D4"].GetProperty("failureMethod").ValueKind);
        var failedOnly = await Get("/api/v1/deployments?from=2026-02-02&to=2026-02-09&failed=true");
        Assert.Equal(1, failedOnly.GetArrayLength());
    }

    [Fact]
    public async Task Change_listing_gives_kind_ref_start_deployment_and_lead_time()
    {
        var changes = (await Get("/api/v1/changes?from=2026-02-02&to=2026-02-09")).EnumerateArray()
            .Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("ref").GetString(), c.GetProperty("startedAt").GetString(),
                c.GetProperty("deploymentId").GetString(), c.GetProperty("leadTimeHours").GetDouble()))
            .OrderBy(c => c.Item2).ToList();
        Assert.Equal(
        [
            ("pr", "acme/api#7", "2026-02-02T11:00:00Z", "D2", 23.0),
            ("commit", "k2", "2026-02-02T10:00:00Z", "D2", 24.0),
            ("commit", "k3", "2026-02-03T12:00:00Z", "D3", 2.0),
        ], changes);
    }

    [Fact]
    public async Task Pull_request_listing_and_flow_show_phases()
    {
        var pulls = await Get("/api/v1/pull-requests?from=2026-02-02&to=2026-02-09");
        var pr = Assert.Single(pulls.EnumerateArray());
        Assert.Equal(7, pr.GetProperty("number").GetInt32());
        Assert.Equal(1.0, pr.GetProperty("deployWaitHours").GetDouble()); // merged Tue 09:00, D2 Tue 10:00
        var flow = await Get("/api/v1/metrics/pr-flow?from=2026-02-02&to=2026-02-09");
        Assert.Equal(1, flow.GetProperty("sampleSize").GetInt32());
        Assert.Equal(1.0, flow.GetProperty("deployWait").GetProperty("medianHours").GetDouble());
        Assert.Equal(JsonValueKind.Null, flow.GetProperty("pickup").GetProperty("medianHours").ValueKind); // never reviewed
        foreach (var phase in new[] { "coding", "pickup", "review", "mergeWait", "deployWait" })
        {
            foreach (var field in new[] { "medianHours", "p75Hours", "p90Hours", "medianWorkingHours", "p75WorkingHours", "p90WorkingHours" })
            {
                Assert.True(flow.GetProperty(phase).TryGetProperty(field, out _), $"{phase}.{field}");
            }
        }
        // By day from Wed 02-04 to 02-06: PR #7 merged Tue 02-03 is in neither period; days are never partial (1 of 1).
        // By ISO week from Wed 02-04 to Mon 02-09: one week, Wed..Sun = 5 of its 7 days, partial.
        var weeks = (await Get("/api/v1/metrics/pr-flow/series?from=2026-02-04&to=2026-02-09&interval=week")).GetProperty("periods");
        var week = Assert.Single(weeks.EnumerateArray());
        Assert.Equal((true, 5, 7), (week.GetProperty("partial").GetBoolean(), week.GetProperty("days").GetInt32(), week.GetProperty("periodDays").GetInt32()));
        var days = (await Get("/api/v1/metrics/pr-flow/series?from=2026-02-04&to=2026-02-06&interval=day")).GetProperty("periods");
        Assert.All(days.EnumerateArray(), d => Assert.Equal((false, 1, 1),
            (d.GetProperty("partial").GetBoolean(), d.GetProperty("days").GetInt32(), d.GetProperty("periodDays").GetInt32())));
        Assert.Equal(2, days.GetArrayLength());
    }

    [Fact]
    public async Task Teams_and_services_list_the_catalog()
    {
        var teams = await Get("/api/v1/teams");
        Assert.Equal("core", Assert.Single(teams.EnumerateArray()).GetProperty("id").GetString());
        var service = Assert.Single((await Get("/api/v1/services")).EnumerateArray());
        Assert.Equal(("api", "core"), (service.GetProperty("id").GetString(), service.GetProperty("ownerTeam").GetString()));
        Assert.Equal("acme/api", service.GetProperty("repos")[0].GetString());
    }

    [Fact]
    public async Task Data_quality_lists_identities_no_catalog_user_claims()
    {
        // The example names no User: its 6 commits are by dev@example.com and its pull request by "dev".
        var quality = await Get("/api/v1/data-quality");
        var unmapped = quality.GetProperty("unmappedIdentities").EnumerateArray()
            .Select(i => (i.GetProperty("identity").GetString(), i.GetProperty("occurrences").GetInt32())).ToList();
        Assert.Equal([("dev@example.com", 6), ("dev", 1)], unmapped);
        Assert.Equal(0, quality.GetProperty("clampedSpans").GetInt32());
    }
}
