namespace DevEx.Server.Dashboards;

/// <summary>
/// The drill-down links a panel query returns (<c>x__link</c> columns) carry only what the row adds, e.g.
/// <c>/explain/deployments?failed=true#D3</c> or a period's <c>from</c> and <c>to</c>: a query does not know the page's
/// filters. A local link gets them here, in the order the built-in listings' links use (<see cref="Links.Explain"/>):
/// the view's from, to, team, service and repo, a parameter the link sets itself replacing the view's in place, then
/// the link's other parameters. A link elsewhere (a pull request on GitHub) is left as it is.
/// </summary>
internal static class QueryLinks
{
    public static IReadOnlyList<IReadOnlyList<object?>> WithFilters(IReadOnlyList<PanelColumn> columns, IReadOnlyList<IReadOnlyList<object?>> rows,
        DashboardFilter filter)
    {
        var links = Enumerable.Range(0, columns.Count).Where(i => columns[i].Name.EndsWith(PanelData.LinkSuffix, StringComparison.Ordinal)).ToList();
        if (links.Count == 0)
        {
            return rows;
        }
        return rows.Select(row =>
        {
            var copy = row.ToArray();
            foreach (var i in links)
            {
                if (copy[i] is string link && link.StartsWith('/'))
                {
                    copy[i] = Complete(link, filter);
                }
            }
            return (IReadOnlyList<object?>)copy;
        }).ToList();
    }

    public static string Complete(string link, DashboardFilter filter)
    {
        var hash = link.IndexOf('#');
        var fragment = hash >= 0 ? link[hash..] : "";
        var path = hash >= 0 ? link[..hash] : link;
        var question = path.IndexOf('?');
        var own = question >= 0 ? path[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries).ToList() : [];
        path = question >= 0 ? path[..question] : path;
        static string Name(string parameter) => parameter.Split('=')[0];
        var parameters = new List<string>();
        foreach (var view in filter.ToQuery(withInterval: false).Split('&'))
        {
            var replaced = own.FirstOrDefault(o => Name(o) == Name(view));
            parameters.Add(replaced ?? view);
        }
        parameters.AddRange(own.Where(o => !parameters.Contains(o)));
        return $"{path}?{string.Join('&', parameters)}{fragment}";
    }
}
