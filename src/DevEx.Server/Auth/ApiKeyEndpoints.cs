using DevEx.Server.Api;
using DevEx.Server.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DevEx.Server.Auth;

/// <summary>
/// What an admin posts to create a key; <see cref="ExpiresInDays"/> defaults to 90. <see cref="Person"/>: the catalog
/// User the key belongs to (their /api/v1/me views), none for automation.
/// </summary>
internal sealed record ApiKeyRequest(string? Name, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Teams, int? ExpiresInDays, string? Person = null);

/// <summary>/api/v1/api-keys: list, create (the key is in the answer, once) and revoke API keys; admins only.</summary>
internal static class ApiKeyEndpoints
{
    public const int DefaultDays = 90;

    public static RouteGroupBuilder MapApiKeys(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization(DevExPolicies.Admin);
        keys.MapGet("", (ApiKeyService service) => TypedResults.Ok(service.List()))
            .WithSummary("Every API key with its roles, teams, expiry and last use (never the key itself)");
        keys.MapPost("", Results<Created<CreatedApiKey>, ProblemHttpResult> (ApiKeyRequest request, ApiKeyService service) =>
            {
                var (created, error) = service.Create(request.Name, request.Roles ?? [], request.Teams ?? [], request.ExpiresInDays ?? DefaultDays, request.Person);
                return created is null
                    ? Problems.BadRequest(error!.Parameter, error.Detail)
                    : TypedResults.Created($"/api/v1/api-keys/{created.Details.Id}", created);
            })
            .ProducesBadRequest()
            .WithSummary("Create an API key; the answer holds the key, which is not shown again");
        keys.MapDelete("/{id}", Results<Ok<ApiKeySummary>, ProblemHttpResult> (string id, ApiKeyService service) =>
                service.Revoke(id) is { } revoked ? TypedResults.Ok(revoked) : Problems.NotFound("id", $"No active API key '{id}'."))
            .ProducesParameterProblems()
            .WithSummary("Revoke an API key: it is refused from now on; the answer is the key as revoked");
        return keys;
    }
}
