using DevEx.Server.Dashboards;

namespace DevEx.Server.Pages;

/// <summary>
/// Serves the metric definitions (docs/metrics.md, embedded) that every metric response links to: GET /docs/metrics as
/// an HTML page in the site's layout, its headings carrying the ids that <c>/docs/metrics#dora-metrics</c> links use, and
/// GET /docs/metrics.md as the markdown itself, for tools and people who want the source.
/// </summary>
internal static class DocsEndpoints
{
    private static readonly Lazy<string> Metrics = new(() =>
    {
        using var stream = typeof(DocsEndpoints).Assembly.GetManifestResourceStream("docs/metrics.md");
        return stream is null ? "docs/metrics.md was not embedded in this build." : new StreamReader(stream).ReadToEnd();
    });

    private static readonly Lazy<MarkdownPage> MetricsPage = new(() => MarkdownPage.From(Metrics.Value, "Metric definitions"));

    public static IEndpointRouteBuilder MapDocs(this IEndpointRouteBuilder app)
    {
        var docs = app.MapGroup("/docs").ExcludeFromDescription().RequireAuthorization(Auth.DevExPolicies.Reader);
        docs.MapGet("/metrics", (DashboardPages pages) => pages.Document(MetricsPage.Value.Title,
            "Source: docs/metrics.md (as markdown: /docs/metrics.md).", MetricsPage.Value.Html));
        docs.MapGet("/metrics.md", () => TypedResults.Text(Metrics.Value, "text/markdown; charset=utf-8"));
        return app;
    }
}
