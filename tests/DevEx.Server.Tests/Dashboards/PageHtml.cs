using System.Net;
using System.Text.RegularExpressions;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>Reads a server-rendered dashboard page: one panel, its stat, and its table rows as text and links.</summary>
internal static partial class PageHtml
{
    /// <summary>The HTML of panel <paramref name="id"/>, from its section to its end.</summary>
    public static string Panel(string html, string id)
    {
        var start = html.IndexOf($"id=\"panel-{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no panel {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    /// <summary>A stat panel's value as shown ("7 h", "33.3%").</summary>
    public static string Stat(string panel) => Text(StatValue().Match(panel).Groups[1].Value);

    /// <summary>Where a stat panel's value links to, or null.</summary>
    public static string? StatLink(string panel) => Href(StatValue().Match(panel).Groups[1].Value);

    /// <summary>The header cells of the fragment's first table.</summary>
    public static List<string> Headers(string fragment) =>
        [.. HeaderCell().Matches(fragment[fragment.IndexOf("<thead>", StringComparison.Ordinal)..fragment.IndexOf("</thead>", StringComparison.Ordinal)])
            .Select(m => Text(m.Groups[1].Value))];

    /// <summary>The body rows of the fragment's first table, each cell as text (tags removed, entities decoded).</summary>
    public static List<List<string>> Rows(string fragment) => [.. BodyRows(fragment).Select(r => r.Select(c => Text(c)).ToList())];

    /// <summary>The link of each cell of each body row (null where a cell has none).</summary>
    public static List<List<string?>> Links(string fragment) => [.. BodyRows(fragment).Select(r => r.Select(Href).ToList())];

    /// <summary>Row ids of an explain listing, in order.</summary>
    public static List<string> RowIds(string html) => [.. RowId().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static IEnumerable<List<string>> BodyRows(string fragment)
    {
        var start = fragment.IndexOf("<tbody>", StringComparison.Ordinal);
        Assert.True(start >= 0, "no table body");
        var body = fragment[start..fragment.IndexOf("</tbody>", start, StringComparison.Ordinal)];
        return Row().Matches(body).Select(r => Cell().Matches(r.Groups[1].Value).Select(c => c.Groups[1].Value).ToList());
    }

    private static string Text(string cell) => WebUtility.HtmlDecode(Tag().Replace(cell, "")).Trim();

    private static string? Href(string cell) => Anchor().Match(cell) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("<p class=\"stat-value\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex StatValue();

    [GeneratedRegex("<th scope=\"col\">(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex HeaderCell();

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<t[hd]\\b[^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<a href=\"([^\"]*)\"")]
    private static partial Regex Anchor();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("<tr id=\"([^\"]+)\">")]
    private static partial Regex RowId();
}
