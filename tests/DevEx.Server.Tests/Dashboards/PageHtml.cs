using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// Reads a server-rendered page through an HTML parser (AngleSharp), as a browser would: one panel, its stat, its table's
/// headers, rows and links, an explain listing's row ids. Text is what a reader sees (entities decoded, tags gone).
/// </summary>
internal static class PageHtml
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The HTML of panel <paramref name="id"/> (its section).</summary>
    public static string Panel(string html, string id)
    {
        using var document = Parse(html);
        var panel = document.GetElementById($"panel-{id}");
        Assert.True(panel is not null, $"no panel {id}");
        return panel.OuterHtml;
    }

    /// <summary>A stat panel's value as shown ("7 h", "33.3%").</summary>
    public static string Stat(string panel) => Fragment(panel, f => StatValue(f)?.TextContent.Trim() ?? "");

    /// <summary>Where a stat panel's value links to, or null.</summary>
    public static string? StatLink(string panel) => Fragment(panel, f => StatValue(f)?.QuerySelector("a")?.GetAttribute("href"));

    /// <summary>The header cells of the fragment's first table.</summary>
    public static List<string> Headers(string fragment) => Fragment(fragment, f =>
        Table(f).QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList());

    /// <summary>The body rows of the fragment's first table, each cell as text.</summary>
    public static List<List<string>> Rows(string fragment) => Fragment(fragment, f =>
        BodyRows(f).Select(r => r.Select(c => c.TextContent.Trim()).ToList()).ToList());

    /// <summary>The link of each cell of each body row (null where a cell has none).</summary>
    public static List<List<string?>> Links(string fragment) => Fragment(fragment, f =>
        BodyRows(f).Select(r => r.Select(c => c.QuerySelector("a")?.GetAttribute("href")).ToList()).ToList());

    /// <summary>Row ids of an explain listing, in order.</summary>
    public static List<string> RowIds(string html) => Fragment(html, f => f.QuerySelectorAll("tbody tr[id]").Select(r => r.Id!).ToList());

    /// <summary>The cells of the explain listing's row <paramref name="id"/>, as text.</summary>
    public static List<string> RowCells(string html, string id) => Fragment(html, f =>
    {
        var row = f.GetElementById(id);
        Assert.True(row is not null, $"no row {id}");
        return row.Children.Select(c => c.TextContent.Trim()).ToList();
    });

    /// <summary>Where the link with text <paramref name="text"/> in row <paramref name="id"/> goes, or null.</summary>
    public static string? RowLink(string html, string id, string text) => Fragment(html, f =>
        f.GetElementById(id)?.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent == text)?.GetAttribute("href"));

    /// <summary>The text of every element matching <paramref name="selector"/>.</summary>
    public static List<string> Texts(string html, string selector) => Fragment(html, f =>
        f.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList());

    /// <summary>The links (href by text) of every anchor matching <paramref name="selector"/>.</summary>
    public static List<(string Text, string? Href)> Anchors(string html, string selector = "a") => Fragment(html, f =>
        f.QuerySelectorAll(selector).Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList());

    private static IElement? StatValue(IDocument fragment) => fragment.QuerySelector("p.stat-value");

    private static IElement Table(IDocument fragment)
    {
        var table = fragment.QuerySelector("table");
        Assert.True(table is not null, "no table");
        return table;
    }

    private static IEnumerable<List<IElement>> BodyRows(IDocument fragment) =>
        Table(fragment).QuerySelectorAll("tbody tr").Select(r => r.Children.Where(c => c.LocalName is "td" or "th").ToList());

    private static T Fragment<T>(string html, Func<IDocument, T> read)
    {
        using var document = Parse(html);
        return read(document);
    }
}
