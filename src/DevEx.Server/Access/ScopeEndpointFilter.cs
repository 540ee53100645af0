namespace DevEx.Server.Access;

/// <summary>
/// The scope rule on every reader endpoint of the API: the request's team, service and repo (query string) against the
/// caller's roles, by the endpoint's <see cref="Surface"/>; a refusal is a 403 problem saying why.
/// </summary>
internal sealed class ScopeEndpointFilter(ScopeAccess access) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var surface = http.GetEndpoint()?.Metadata.GetMetadata<ShowsMetadata>()?.Surface ?? Surface.Figures;
        var query = http.Request.Query;
        return access.Refusal(http.User, surface, query["team"], query["service"], query["repo"]) is { } refusal
            ? ValueTask.FromResult<object?>(Forbidden(refusal))
            : next(context);
    }

    public static IResult Forbidden(string refusal) =>
        TypedResults.Problem(refusal, statusCode: StatusCodes.Status403Forbidden, title: "Outside what your role may see");
}
