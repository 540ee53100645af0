using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace DevEx.Server.Api.Contracts;

/// <summary>
/// Schema corrections the generator cannot infer: NodaTime values are written as ISO-8601 strings (the serializer's
/// NodaTime converters), and a <see cref="SeriesPeriod{T}"/> carries the properties of its figures beside its coverage.
/// </summary>
internal static class ContractSchemas
{
    public static OpenApiOptions AddDevExContract(this OpenApiOptions options) => options.AddSchemaTransformer(TransformAsync);

    private static async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(Instant) || type == typeof(LocalDate))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = type == typeof(Instant) ? "date-time" : "date";
            schema.Properties?.Clear();
            return;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(SeriesPeriod<>))
        {
            var figures = await context.GetOrCreateSchemaAsync(type.GetGenericArguments()[0], null, ct);
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            foreach (var (name, property) in figures.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                schema.Properties.TryAdd(name, property);
            }
            schema.AdditionalPropertiesAllowed = false;
            schema.AdditionalProperties = null;
        }
    }
}
