using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DevEx.Reports.Html;

/// <summary>
/// Renders a Razor component to an HTML string on the server (<see cref="HtmlRenderer"/>: no web host, no circuit, no
/// script). The renderer encodes every text and attribute value, so markup cannot forget to escape; the components take
/// display-ready models and inject nothing.
/// </summary>
public static class ComponentHtml
{
    /// <summary>Encodes what HTML needs (&lt; &gt; &amp; quotes and +) and leaves other text readable ("–", "→", "·").</summary>
    private static readonly IServiceProvider Readable = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    private static readonly IServiceProvider Strict = new ServiceCollection().BuildServiceProvider();

    /// <summary>
    /// The component's HTML. <paramref name="readableText"/> keeps characters beyond ASCII as they are (a file people
    /// open); otherwise they are written as character references, as <see cref="HtmlEncoder.Default"/> does.
    /// </summary>
    public static async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters, bool readableText = false)
        where TComponent : IComponent
    {
        var renderer = new HtmlRenderer(readableText ? Readable : Strict, NullLoggerFactory.Instance);
        await using (renderer.ConfigureAwait(false))
        {
            return await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters)).ConfigureAwait(true)).ToHtmlString())
                .ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <see cref="RenderAsync{TComponent}"/> for callers that are not async (file writers): components here render
    /// synchronously on the renderer's own dispatcher, so waiting cannot deadlock.
    /// </summary>
    public static string Render<TComponent>(IDictionary<string, object?> parameters, bool readableText = false) where TComponent : IComponent =>
        RenderAsync<TComponent>(parameters, readableText).GetAwaiter().GetResult();
}
