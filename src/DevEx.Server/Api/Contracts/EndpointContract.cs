namespace DevEx.Server.Api.Contracts;

/// <summary>The problem responses an endpoint declares, so that clients generated from /openapi/v1.json expect them.</summary>
internal static class EndpointContract
{
    /// <summary>400 for a bad parameter (the problem's <c>parameter</c> names it).</summary>
    public static TBuilder ProducesBadRequest<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblem(StatusCodes.Status400BadRequest);

    /// <summary>400 for a bad parameter and 404 for an unknown team, service, repository or other named thing.</summary>
    public static TBuilder ProducesParameterProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
}
