using System.Text.RegularExpressions;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Resolves a number's drill-down link: the source's own link column (x__link), else a link template of the
/// definition with {column} placeholders filled from the row. A local link keeps the page's filters.
/// </summary>
internal static partial class PanelLinks
{
    public static string? For(PanelData data, IReadOnlyList<object?> row, string column, string? template, DashboardFilter filter)
    {
        if (data.Value(row, column + PanelData.LinkSuffix) is string own && own.Length > 0)
        {
            return own;
        }
        return template is null ? null : Apply(template, data, row, filter);
    }

    public static string Apply(string template, PanelData? data, IReadOnlyList<object?>? row, DashboardFilter filter)
    {
        var link = Placeholder().Replace(template, m =>
            data is not null && row is not null && data.Has(m.Groups[1].Value)
                ? Uri.EscapeDataString(Format.Raw(data.Value(row, m.Groups[1].Value)))
                : m.Value);
        return link.StartsWith('/') ? WithFilters(link, filter) : link;
    }

    /// <summary>Adds the page's window and scope to a local link, leaving parameters the link sets itself.</summary>
    public static string WithFilters(string link, DashboardFilter filter)
    {
        var hash = link.IndexOf('#');
        var fragment = hash >= 0 ? link[hash..] : "";
        var path = hash >= 0 ? link[..hash] : link;
        var present = path.Contains('?')
            ? path[(path.IndexOf('?') + 1)..].Split('&').Select(p => p.Split('=')[0]).ToHashSet(StringComparer.Ordinal)
            : [];
        var added = filter.ToQuery(withInterval: false).Split('&').Where(p => !present.Contains(p.Split('=')[0]));
        var query = string.Join('&', added);
        return query.Length == 0 ? link : $"{path}{(path.Contains('?') ? "&" : "?")}{query}{fragment}";
    }

    [GeneratedRegex(@"\{([a-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
