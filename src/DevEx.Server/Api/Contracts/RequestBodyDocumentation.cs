using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DevEx.Server.Api.Contracts;

/// <summary>
/// Documents a body the handler reads itself (an import stream) without <c>.Accepts</c>, whose metadata would also make
/// routing refuse other content types with 415, which the import endpoint does not do (any body is read as text).
/// </summary>
internal static class RequestBodyDocumentation
{
    public static RouteHandlerBuilder DocumentsTextBody(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var body = new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType>() };
            foreach (var contentType in contentTypes)
            {
                body.Content[contentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
            operation.RequestBody = body;
            return Task.CompletedTask;
        });
}
