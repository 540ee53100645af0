using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Hosting;

/// <summary>
/// Kestrel refuses a body over <see cref="RequestLimitOptions.MaxRequestBodyBytes"/> with 413 (by Content-Length before it is
/// read, by counting when it is chunked). An endpoint that needs more says so with <see cref="WithBodyLimit{TBuilder}"/>;
/// routing applies it (IRequestSizeLimitMetadata) before the endpoint reads.
/// </summary>
internal static class HardeningRequestLimits
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<RequestLimitOptions>().BindConfiguration(RequestLimitOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes > 0 && o.ImportMaxBodyBytes > 0,
                $"{RequestLimitOptions.Section}:MaxRequestBodyBytes and ImportMaxBodyBytes must be positive numbers of bytes")
            .ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);
        services.AddExceptionHandler<HardeningBadRequests>();
        return services;
    }

    /// <summary>The endpoint's own body limit, read from the options when the endpoint is built.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, Func<RequestLimitOptions, long> limit) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => endpoint.Metadata.Add(
            new BodyLimit(limit(endpoint.ApplicationServices.GetRequiredService<IOptions<RequestLimitOptions>>().Value))));
        return builder;
    }

    /// <summary>A fixed body limit (a protocol's own, such as GitHub's 25 MB per delivery).</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithBodyLimit(_ => bytes);

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
