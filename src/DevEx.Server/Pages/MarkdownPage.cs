using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DevEx.Server.Pages;

/// <summary>
/// A markdown document as the body of a page: its leading level-1 heading becomes the page's title (the layout writes
/// the one h1), every other heading gets the id GitHub gives it ("## DORA metrics" → <c>id="dora-metrics"</c>), so the
/// same <c>#anchor</c> works here and on the file in the repository. Raw HTML in the source is escaped, not passed on.
/// </summary>
internal sealed record MarkdownPage(string Title, string Html)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .DisableHtml()
        .Build();

    public static MarkdownPage From(string markdown, string fallbackTitle)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var title = fallbackTitle;
        if (document.Count > 0 && document[0] is HeadingBlock { Level: 1 } heading)
        {
            title = Text(heading.Inline);
            document.RemoveAt(0);
        }
        return new MarkdownPage(title, document.ToHtml(Pipeline));
    }

    private static string Text(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}
