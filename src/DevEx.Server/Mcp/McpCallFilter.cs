using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.RateLimiting;
using DevEx.Store.State;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using NodaTime;

namespace DevEx.Server.Mcp;

/// <summary>
/// Around every tool call: the caller's rate limit (<see cref="McpOptions.CallsPerMinute"/> per caller, a fixed window
/// of a minute; past it the call is refused with the seconds to wait), then the call, then an audit entry of kind
/// <c>mcp-tool</c>: who, the tool, its arguments, the rows returned (a listing's items, 1 for a figure, 0 for an error).
/// </summary>
internal sealed class McpCallFilter(AuditLog audit, IOptions<McpOptions> options, IOptions<Audit.AuditOptions> auditOptions, ILogger<McpCallFilter> logger)
{
    public const string AuditKind = "mcp-tool";

    private readonly ConcurrentDictionary<string, RateLimiter> limiters = new(StringComparer.Ordinal);

    public McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var caller = McpCalls.Caller(context.User).Identity?.Name ?? "anonymous";
            var tool = context.Params?.Name ?? "?";
            using var lease = Limiter(caller).AttemptAcquire();
            if (!lease.IsAcquired)
            {
                var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                Record(caller, tool, context.Params, "refused: rate limit", 429);
                return Error($"Rate limit: {options.Value.CallsPerMinute} tool calls per minute per caller (DevEx:Mcp:CallsPerMinute); try again in {Math.Ceiling(wait.TotalSeconds):0} s.");
            }
            try
            {
                var result = await next(context, cancellationToken);
                Record(caller, tool, context.Params, $"rows {Rows(result)}", result.IsError == true ? 400 : 200);
                return result;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Record(caller, tool, context.Params, $"error: {e.Message}", 400);
                throw;
            }
        };

    private RateLimiter Limiter(string caller) => limiters.GetOrAdd(caller, _ => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
    {
        PermitLimit = Math.Max(1, options.Value.CallsPerMinute),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    }));

    /// <summary>The rows a result carries: a listing's items, a figure's 1, an error's 0.</summary>
    private static int Rows(CallToolResult result) =>
        result.IsError == true ? 0
        : result.StructuredContent is { ValueKind: JsonValueKind.Object } structured && structured.TryGetProperty("items", out var items)
            && items.ValueKind == JsonValueKind.Array ? items.GetArrayLength()
        : 1;

    private void Record(string caller, string tool, CallToolRequestParams? parameters, string outcome, int status)
    {
        var arguments = parameters?.Arguments is { Count: > 0 } args ? JsonSerializer.Serialize(args) : "{}";
        try
        {
            audit.Record(caller, AuditKind, $"{tool} {arguments} {outcome}", status, Duration.FromDays(auditOptions.Value.RetentionDays));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not write the audit entry of tool {Tool}", tool);
        }
    }

    private static CallToolResult Error(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };
}
