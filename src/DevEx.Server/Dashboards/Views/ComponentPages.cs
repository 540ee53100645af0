using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace DevEx.Server.Dashboards.Views;

/// <summary>
/// Renders a page component to HTML on the server (<see cref="HtmlRenderer"/>: no circuit, no script); every text and
/// attribute is encoded by the renderer, so a page cannot forget to escape.
/// </summary>
internal sealed class ComponentPages(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    /// <summary>The component as an HTML response with <paramref name="status"/>.</summary>
    public async Task<IResult> PageAsync<TComponent>(IDictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TComponent : IComponent =>
        TypedResults.Content(await RenderAsync<TComponent>(parameters), "text/html; charset=utf-8", Encoding.UTF8, status);
}
