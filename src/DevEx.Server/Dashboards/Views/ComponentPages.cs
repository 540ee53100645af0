using System.Text;
using DevEx.Reports.Html;
using Microsoft.AspNetCore.Components;

namespace DevEx.Server.Dashboards.Views;

/// <summary>
/// A page component as an HTML response, rendered on the server by <see cref="ComponentHtml"/> (HtmlRenderer: no circuit,
/// no script); every text and attribute is encoded by the renderer, so a page cannot forget to escape.
/// </summary>
internal static class ComponentPages
{
    public static async Task<IResult> PageAsync<TComponent>(IDictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TComponent : IComponent =>
        TypedResults.Content(await ComponentHtml.RenderAsync<TComponent>(parameters).ConfigureAwait(false), "text/html; charset=utf-8", Encoding.UTF8, status);
}
