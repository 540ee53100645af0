using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace DevEx.Reports.Charts;

/// <summary>
/// Turns Skia's standalone SVG document into a fragment that can sit inline among many charts in one page:
/// no XML declaration, an accessible name, a viewBox so it scales, ids prefixed per chart (Skia numbers its clip
/// paths cl_1, cl_2... per document, so two charts would otherwise share ids), and Skia's text quirks cleaned up.
/// </summary>
internal static partial class InlineSvg
{
    private static long chartCounter;

    internal static string Make(string skiaSvg, int width, int height, string title, string textAlternative)
    {
        var prefix = "chart" + Interlocked.Increment(ref chartCounter).ToString(CultureInfo.InvariantCulture) + "-";
        var svg = XmlDeclaration().Replace(skiaSvg, "");
        svg = IdAttribute().Replace(svg, m => $"{m.Groups[1].Value}=\"{prefix}{m.Groups[2].Value}\"");
        svg = UrlReference().Replace(svg, m => $"url(#{prefix}{m.Groups[1].Value})");
        svg = HrefReference().Replace(svg, m => $"{m.Groups[1].Value}=\"#{prefix}{m.Groups[2].Value}\"");
        // Skia writes one x (and y) per glyph with a trailing ", ", which is not a valid SVG number list.
        svg = TrailingListComma().Replace(svg, "$1=\"$2\"");
        // Skia indents text content with newlines and tabs; trim it so nothing depends on white-space collapsing.
        svg = TextContent().Replace(svg, m => $"{m.Groups[1].Value}{m.Groups[2].Value.Trim()}</text>");
        svg = svg.Replace($"font-family=\"{ChartFont.Family}\"", $"font-family=\"'{ChartFont.Family}', Verdana, sans-serif\"", StringComparison.Ordinal);
        var open = SvgOpenTag().Match(svg);
        var attributes = $" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(textAlternative)}\"";
        var header = open.Value[..^1] + attributes + ">"
            + $"<title>{WebUtility.HtmlEncode(title)}</title><desc>{WebUtility.HtmlEncode(textAlternative)}</desc>";
        return string.Concat(svg.AsSpan(0, open.Index), header, svg.AsSpan(open.Index + open.Length)).Trim();
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"\b(id)=""([^""]+)""")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex(@"\b((?:xlink:)?href)=""#([^""]+)""")]
    private static partial Regex HrefReference();

    [GeneratedRegex(@"\b([xy])=""([^""]*?),\s*""")]
    private static partial Regex TrailingListComma();

    [GeneratedRegex(@"(<text\b[^>]*>)([^<]*)</text>")]
    private static partial Regex TextContent();

    [GeneratedRegex(@"<svg\b[^>]*>")]
    private static partial Regex SvgOpenTag();
}
