using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using DevEx.Server.Auth;
using DevEx.Server.Tests.Api;
using DevEx.Server.Tests.Auth;
using DevEx.Store;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using NodaTime;

namespace DevEx.Server.Tests.Mcp;

/// <summary>
/// /mcp through the official C# MCP client, on the worked example of docs/metrics.md (team core, service api; the week
/// of 2026-02-02: 4 deployments, lead times 24, 23 and 2 h, one failed deployment of four, recovered in 1 h), with the
/// same API keys and provider tokens as the REST API.
/// </summary>
[Collection(OidcProviderCollection.Name)]
public sealed class McpServerTests(OidcProviderFixture fixture) : IAsyncLifetime
{
    private static readonly string[] Tools =
    [
        "explain_metric", "get_adoption", "get_dora_metrics", "get_dora_series", "get_meeting_load", "get_pr_flow", "get_ticket_flow", "get_wait_states",
        "get_weekly_report", "list_services", "list_teams", "where_is_time_lost",
    ];

    private DevExAppFactory service = null!;
    private HttpClient http = null!;
    private Func<string[], string[], string> key = null!;

    public async Task InitializeAsync()
    {
        service = OidcProviderFixture.Service(fixture.Provider, Instant.FromUtc(2026, 2, 11, 12, 0));
        service.Settings["DevEx:Mcp:CallsPerMinute"] = "40";
        http = service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var keys = service.Services.GetRequiredService<ApiKeyService>();
        var count = 0;
        key = (roles, teams) => keys.Create($"mcp-{count++}", roles, teams, 1).Created!.Key;
        http.DefaultRequestHeaders.Authorization = new("Bearer", key([DevExRoles.Admin], []));
        await WorkedExampleImport.LoadAsync(http);
        http.DefaultRequestHeaders.Authorization = null;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await service.DisposeAsync();
    }

    private Task<McpClient> ConnectAsync(string bearer) => McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
    {
        Endpoint = new Uri(http.BaseAddress!, "/mcp"),
        TransportMode = HttpTransportMode.StreamableHttp,
        AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {bearer}" },
    }, http, ownsHttpClient: false));

    [Fact]
    public async Task Every_tool_is_read_only_and_calling_each_one_leaves_the_database_as_it_was()
    {
        await using var client = await ConnectAsync(key([DevExRoles.Admin], []));
        var tools = await client.ListToolsAsync();
        Assert.Equal(Tools, tools.Select(t => t.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.All(tools, t => Assert.Equal((true, false, true), (t.ProtocolTool.Annotations?.ReadOnlyHint, t.ProtocolTool.Annotations?.DestructiveHint,
            t.ProtocolTool.Annotations?.IdempotentHint)));
        Assert.All(tools, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
        var before = Snapshot();

        foreach (var tool in Tools)
        {
            var arguments = new Dictionary<string, object?> { ["from"] = "2026-02-02", ["to"] = "2026-02-09", ["team"] = "core" };
            if (tool.StartsWith("list_", StringComparison.Ordinal))
            {
                arguments = [];
            }
            else if (tool == "get_weekly_report")
            {
                arguments = new() { ["team"] = "core", ["week"] = "2026-W06" };
            }
            else if (tool == "explain_metric")
            {
                arguments["metric"] = "change_lead_time";
            }
            var result = await client.CallToolAsync(tool, arguments);
            Assert.True(result.IsError != true, $"{tool}: {Text(result)}");
        }

        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Dora_metrics_are_the_hand_computed_figures_and_those_of_the_rest_api()
    {
        var reader = key([DevExRoles.Member], ["core"]);
        await using var client = await ConnectAsync(reader);

        var result = await client.CallToolAsync("get_dora_metrics", new Dictionary<string, object?> { ["from"] = "2026-02-02", ["to"] = "2026-02-09", ["team"] = "core" });

        var answer = JsonNode.Parse(result.StructuredContent!.Value.GetRawText())!;
        Assert.Equal(("2026-02-02", "2026-02-09", "core", "GET /api/v1/metrics/dora", "/docs/metrics#dora-metrics"),
            ((string?)answer["from"], (string?)answer["to"], (string?)answer["team"], (string?)answer["endpoint"], (string?)answer["definition"]));
        var dora = answer["result"]!;
        Assert.Equal(4, (int)dora["deploymentFrequency"]!["deployments"]!);
        Assert.Equal((3, 23.0), ((int)dora["changeLeadTime"]!["sampleSize"]!, (double)dora["changeLeadTime"]!["medianHours"]!));
        Assert.Equal(0.25, (double)dora["changeFailRate"]!["rate"]!);
        Assert.Equal(1.0, (double)dora["failedDeploymentRecoveryTime"]!["medianHours"]!);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/metrics/dora?from=2026-02-02&to=2026-02-09&team=core");
        request.Headers.Authorization = new("Bearer", reader);
        var rest = JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.True(JsonNode.DeepEquals(rest, dora), $"REST {rest}\nMCP {dora}");
    }

    [Fact]
    public async Task Explain_metric_lists_the_changes_behind_the_lead_time_longest_first_and_refuses_the_organisations_rows_to_a_member()
    {
        await using var client = await ConnectAsync(key([DevExRoles.Member], ["core"]));

        var changes = await client.CallToolAsync("explain_metric",
            new Dictionary<string, object?> { ["metric"] = "change_lead_time", ["from"] = "2026-02-02", ["to"] = "2026-02-09", ["team"] = "core" });
        var orgWide = await client.CallToolAsync("explain_metric", new Dictionary<string, object?> { ["metric"] = "change_lead_time" });
        var unknown = await client.CallToolAsync("explain_metric", new Dictionary<string, object?> { ["metric"] = "happiness" });

        // The worked example's three changes of the week, by hand: k2 (authored 02-02 10:00Z, shipped by D2 02-03 10:00Z) 24 h;
        // pull request #7 (first commit r1 at 02-02 06:00-05:00 = 11:00Z, merged as s7, shipped by D2) 23 h; k3 (02-03 12:00Z,
        // shipped by D3 14:00Z) 2 h.
        var list = JsonNode.Parse(changes.StructuredContent!.Value.GetRawText())!["result"]!;
        Assert.Equal([24.0, 23.0, 2.0], list["items"]!.AsArray().Select(c => (double)c!["leadTimeHours"]!).ToList());
        Assert.Equal((3, false), ((int)list["total"]!, (bool)list["truncated"]!));
        Assert.True(orgWide.IsError);
        Assert.Contains("sees rows of their own teams only", Text(orgWide));
        Assert.Contains("'metric' must be one of change_lead_time, deployment_frequency", Text(unknown));
    }

    [Fact]
    public async Task Where_is_time_lost_ranks_the_waits_of_the_rest_api_against_the_previous_period_of_the_same_length()
    {
        var reader = key([DevExRoles.Member], ["core"]);
        await using var client = await ConnectAsync(reader);

        var result = await client.CallToolAsync("where_is_time_lost", new Dictionary<string, object?> { ["from"] = "2026-02-02", ["to"] = "2026-02-09", ["team"] = "core" });

        var lost = JsonNode.Parse(result.StructuredContent!.Value.GetRawText())!["result"]!;
        Assert.Equal(("2026-01-26", "2026-02-02"), ((string?)lost["previousFrom"], (string?)lost["previousTo"]));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/metrics/wait-states?from=2026-02-02&to=2026-02-09&team=core");
        request.Headers.Authorization = new("Bearer", reader);
        var rest = JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync())!["waits"]!.AsArray();
        var hours = lost["waits"]!.AsArray().Select(w => (string?)w!["wait"]).ToList();
        Assert.Equal(rest.Select(w => (string?)w!["wait"]).OrderBy(w => hours.IndexOf(w)).ToList(), hours);
        Assert.Equal(rest.Count, hours.Count);
    }

    [Fact]
    public async Task A_team_outside_the_callers_scope_and_a_bad_window_are_refused_with_the_apis_reasons()
    {
        await using var client = await ConnectAsync(key([DevExRoles.Member], ["payments"]));

        var outside = await client.CallToolAsync("get_dora_metrics", new Dictionary<string, object?> { ["team"] = "core" });
        var badWindow = await client.CallToolAsync("get_pr_flow", new Dictionary<string, object?> { ["from"] = "2026-02-09", ["to"] = "2026-02-02" });
        var unknown = await client.CallToolAsync("get_weekly_report", new Dictionary<string, object?> { ["team"] = "nobody" });

        Assert.True(outside.IsError);
        Assert.Contains("Outside what your role may see: role member sees organisation-level figures and the teams 'payments'", Text(outside));
        Assert.True(badWindow.IsError);
        Assert.Contains("'to' (2026-02-02) must be after 'from' (2026-02-09)", Text(badWindow));
        Assert.Contains("No team 'nobody'", Text(unknown));
    }

    [Fact]
    public async Task Each_call_is_in_the_audit_log_with_its_tool_arguments_and_rows()
    {
        await using var client = await ConnectAsync(key([DevExRoles.Admin], []));

        await client.CallToolAsync("list_teams");
        await client.CallToolAsync("get_dora_metrics", new Dictionary<string, object?> { ["team"] = "core", ["from"] = "2026-02-02" });

        using var connection = service.Services.GetRequiredService<DuckDbDatabase>().Open();
        var entries = connection.Query<string>("SELECT action FROM audit_log WHERE kind = 'mcp-tool' ORDER BY occurred_at, action").AsList();
        Assert.Equal(["get_dora_metrics {\"team\":\"core\",\"from\":\"2026-02-02\"} rows 1", "list_teams {} rows 1"], entries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_provider_token_needs_the_mcp_read_scope_and_a_missing_one_is_told_where_the_metadata_is()
    {
        using var anonymous = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent("{}") };
        var refused = await http.SendAsync(anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer resource_metadata=\"http://localhost/.well-known/oauth-protected-resource\"", refused.Headers.WwwAuthenticate.ToString());
        var metadata = JsonNode.Parse(await http.GetStringAsync("/.well-known/oauth-protected-resource"))!;
        Assert.Equal(("http://localhost/mcp", fixture.Provider.Issuer, "mcp:read"),
            ((string?)metadata["resource"], (string?)metadata["authorization_servers"]![0], (string?)metadata["scopes_supported"]![0]));

        var apiOnly = await fixture.Provider.ClientCredentialsTokenAsync("automation", OidcProviderFixture.Secret);
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(apiOnly));
        Assert.Contains("403", ex.Message, StringComparison.Ordinal);

        var withScope = await fixture.Provider.ClientCredentialsTokenAsync("automation", OidcProviderFixture.Secret, scope: "api mcp:read");
        await using var client = await ConnectAsync(withScope);
        Assert.Equal(Tools.Length, (await client.ListToolsAsync()).Count);
    }

    /// <summary>Every table's row count and content hash, but the audit log (each call is an entry) and the API keys (their last use).</summary>
    private Dictionary<string, (long Rows, string Hash)> Snapshot()
    {
        using var connection = service.Services.GetRequiredService<DuckDbDatabase>().Open();
        var tables = connection.Query<string>("SELECT table_name FROM duckdb_tables() WHERE table_name NOT IN ('audit_log', 'api_keys') ORDER BY 1").AsList();
        return tables.ToDictionary(t => t, t => connection.QuerySingle<(long, string)>($"SELECT count(*), coalesce(bit_xor(hash(x))::VARCHAR, '') FROM \"{t}\" x"));
    }

    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
}
