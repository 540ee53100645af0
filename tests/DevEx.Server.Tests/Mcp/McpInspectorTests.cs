using System.Diagnostics;
using System.Text.Json.Nodes;
using DevEx.Server.Tests.Api;
using DevEx.Server.Tests.Reliability;

namespace DevEx.Server.Tests.Mcp;

/// <summary>
/// The MCP Inspector's command line (tests/McpInspector, from npm) against the service running as a process of its own
/// on the worked example of docs/metrics.md: tools/list, and a tools/call of get_dora_metrics whose figures are the
/// REST API's. A loopback request without sign-in configured is the local administrator, as on the API.
/// </summary>
public sealed class McpInspectorTests : IDisposable
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "McpInspector");
    private static readonly string Cli = Path.Combine(Folder, "node_modules", "@modelcontextprotocol", "inspector-cli", "build", "index.js");

    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", "mcp-inspector-" + Guid.NewGuid().ToString("N"));

    public McpInspectorTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task The_inspector_lists_the_tools_and_gets_the_dora_figures_of_the_rest_api()
    {
        await NodePackages.EnsureInstalledAsync(Folder, "@modelcontextprotocol/inspector-cli");
        using var server = await ServerProcess.StartAsync(Path.Combine(directory, "devex.duckdb"));
        await WorkedExampleImport.LoadAsync(server.Client);
        var endpoint = new Uri(server.BaseAddress, "/mcp").ToString();

        var list = JsonNode.Parse(await InspectAsync(endpoint, "--method", "tools/list"))!;
        var call = JsonNode.Parse(await InspectAsync(endpoint, "--method", "tools/call", "--tool-name", "get_dora_metrics",
            "--tool-arg", "from=2026-02-02", "--tool-arg", "to=2026-02-09", "--tool-arg", "team=core"))!;

        var names = list["tools"]!.AsArray().Select(t => (string?)t!["name"]).ToList();
        Assert.Contains("get_dora_metrics", names);
        Assert.All(list["tools"]!.AsArray(), t => Assert.True((bool?)t!["annotations"]!["readOnlyHint"]));
        Assert.NotEqual(true, (bool?)call["isError"]);
        var dora = call["structuredContent"]!["result"]!;
        Assert.Equal((4, 23.0), ((int)dora["deploymentFrequency"]!["deployments"]!, (double)dora["changeLeadTime"]!["medianHours"]!));
        var rest = JsonNode.Parse(await server.Client.GetStringAsync("/api/v1/metrics/dora?from=2026-02-02&to=2026-02-09&team=core"));
        Assert.True(JsonNode.DeepEquals(rest, dora), $"REST {rest}\nInspector {dora}");
    }

    /// <summary>Runs the Inspector's CLI (URL first: its list options would take it as a value) and returns what it printed, a JSON document.</summary>
    private static async Task<string> InspectAsync(string endpoint, params string[] arguments)
    {
        var start = new ProcessStartInfo("node", [Cli, endpoint, "--transport", "http", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"inspector exited {process.ExitCode}: {await error}{await output}");
        return await output;
    }
}
