using Microsoft.AspNetCore.Http.HttpResults;

namespace DevEx.Server.Api;

/// <summary>RFC 7807 problems with a message a person can act on, naming the parameter at fault.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string parameter, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: $"Invalid parameter '{parameter}'",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static ProblemHttpResult NotFound(string parameter, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: $"Unknown {parameter}",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
