namespace DevEx.Server.Mcp;

/// <summary>Section <c>DevEx:Mcp</c>: the MCP endpoint for AI agents (docs/mcp.md).</summary>
public sealed class McpOptions
{
    public const string Section = "DevEx:Mcp";

    /// <summary>Serve /mcp at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The scope a provider's bearer token must carry to call /mcp (API keys and local requests need none).</summary>
    public string Scope { get; set; } = "mcp:read";

    /// <summary>Tool calls per caller per minute; a call past it is refused with the wait, not queued.</summary>
    public int CallsPerMinute { get; set; } = 120;
}
