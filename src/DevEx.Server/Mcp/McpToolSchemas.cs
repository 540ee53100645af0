using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Server;
using NodaTime;

namespace DevEx.Server.Mcp;

/// <summary>
/// The tools of the <c>[McpServerToolType]</c> classes, registered with the API's JSON (<see cref="McpJson"/>) and
/// with schemas every client can read: a NodaTime value (written by a converter, which the schema exporter cannot see
/// through) is described as the ISO text it is, and no sub-schema is left as a bare <c>true</c>, which clients built
/// on the TypeScript SDK refuse (the MCP Inspector did, on every dated result).
/// </summary>
internal static class McpToolSchemas
{
    private static readonly Dictionary<Type, (string Format, string Example)> Noda = new()
    {
        [typeof(LocalDate)] = ("date", "2026-11-16"),
        [typeof(Instant)] = ("date-time", "2026-11-16T09:30:00Z"),
        [typeof(LocalDateTime)] = ("date-time", "2026-11-16T09:30:00"),
        [typeof(OffsetDateTime)] = ("date-time", "2026-11-16T09:30:00+01:00"),
    };

    private static readonly AIJsonSchemaCreateOptions SchemaOptions = new() { TransformSchemaNode = Transform };

    public static IServiceCollection AddDevExTools(this IServiceCollection services, params Type[] toolTypes)
    {
        foreach (var type in toolTypes)
        {
            foreach (var method in type.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                         .Where(m => m.GetCustomAttribute<McpServerToolAttribute>() is not null))
            {
                services.AddSingleton(provider => McpServerTool.Create(method,
                    context => ActivatorUtilities.CreateInstance(context.Services ?? provider, type),
                    new McpServerToolCreateOptions { Services = provider, SerializerOptions = McpJson.Options, SchemaCreateOptions = SchemaOptions }));
            }
        }
        return services;
    }

    private static JsonNode Transform(AIJsonSchemaCreateContext context, JsonNode schema)
    {
        var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
        if (Noda.TryGetValue(type, out var noda))
        {
            var nullable = type != context.TypeInfo.Type;
            return new JsonObject
            {
                ["type"] = nullable ? new JsonArray("string", "null") : "string",
                ["format"] = noda.Format,
                ["examples"] = new JsonArray(noda.Example),
            };
        }
        return schema is JsonValue value && value.TryGetValue<bool>(out var any) && any ? new JsonObject() : schema;
    }
}
