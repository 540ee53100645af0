using System.CommandLine;
using DevEx.Server.Mcp;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace DevEx.Server.Cli;

/// <summary>
/// <c>devex mcp [--db PATH]</c>: the MCP tools over stdio for a client on this machine (a desktop assistant, an editor),
/// on the local database, as the local administrator the command line is (docs/mcp.md). The same tools, JSON, audit
/// entries and rate limit as /mcp; stdout carries only the protocol. The database is held while it runs, as by the service.
/// </summary>
internal static class McpCommand
{
    public static Command Create()
    {
        var database = new Option<string?>("--db") { Description = "DuckDB file (default: DevEx:Database, data/devex.duckdb)" };
        var command = new Command("mcp", "Serve the read-only MCP tools over stdio (for a local AI client). Exit codes: 0 when the client closes stdin, 2 when the database cannot be opened") { database };
        command.SetAction((parse, cancellationToken) => Run(parse.GetValue(database), Console.Error, cancellationToken));
        return command;
    }

    internal static async Task<int> Run(string? databasePath, TextWriter error, CancellationToken cancellationToken)
    {
        await using var provider = CommandServices.Build(CommandServices.Database(databasePath), services => services.AddDevExMcpTools());
        if (DatabaseOpenFailure.ResolveOrExplain<Store.DuckDbDatabase>(provider, "ask the running service instead: its MCP endpoint is /mcp", error) is null)
        {
            return 2;
        }
        var options = new McpServerOptions { ToolCollection = [.. provider.GetServices<McpServerTool>()] };
        McpRegistration.Describe(options);
        var filter = provider.GetRequiredService<McpCallFilter>();
        options.Filters.Request.CallToolFilters.Add(filter.Wrap);
        var logging = provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>();
        await using var server = McpServer.Create(new StdioServerTransport("devex", logging), options, logging, provider);
        await server.RunAsync(cancellationToken);
        return 0;
    }
}
