using System.Text.Json.Nodes;
using DevEx.Server.Tests.Api;
using DevEx.Server.Tests.Reliability;
using ModelContextProtocol.Client;

namespace DevEx.Server.Tests.Mcp;

/// <summary>
/// <c>devex mcp</c>: the tools over stdio for a local client, run as the official C# client starts a local server (a
/// process it talks to on stdin and stdout), on a database holding the worked example of docs/metrics.md.
/// </summary>
public sealed class McpStdioTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", "mcp-stdio-" + Guid.NewGuid().ToString("N"));

    public McpStdioTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_local_client_gets_the_tools_and_the_figures_over_stdio()
    {
        var database = Path.Combine(directory, "devex.duckdb");
        using (var server = await ServerProcess.StartAsync(database))
        {
            await WorkedExampleImport.LoadAsync(server.Client);
            server.Stop(); // the command opens the database itself
        }

        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "devex",
            Command = "dotnet",
            Arguments = [Path.Combine(AppContext.BaseDirectory, "DevEx.Server.dll"), "mcp", "--db", database],
        }));
        var tools = await client.ListToolsAsync();
        var result = await client.CallToolAsync("get_dora_metrics", new Dictionary<string, object?> { ["from"] = "2026-02-02", ["to"] = "2026-02-09" });

        Assert.Contains(tools, t => t.Name == "get_weekly_report");
        Assert.NotEqual(true, result.IsError);
        var dora = JsonNode.Parse(result.StructuredContent!.Value.GetRawText())!["result"]!;
        Assert.Equal((4, 0.25), ((int)dora["deploymentFrequency"]!["deployments"]!, (double)dora["changeFailRate"]!["rate"]!));
    }
}
