namespace DevEx.Server.Pages;

/// <summary>Serves the metric definitions (docs/metrics.md, embedded) that every metric response links to.</summary>
internal static class DocsEndpoints
{
    private static readonly Lazy<string> Metrics = new(() =>
    {
        using var stream = typeof(DocsEndpoints).Assembly.GetManifestResourceStream("docs/metrics.md");
        return stream is null ? "docs/metrics.md was not embedded in this build." : new StreamReader(stream).ReadToEnd();
    });

    public static IEndpointRouteBuilder MapDocs(this IEndpointRouteBuilder app)
    {
        app.MapGet("/docs/metrics", () => TypedResults.Text(Metrics.Value, "text/markdown; charset=utf-8")).ExcludeFromDescription();
        return app;
    }
}
