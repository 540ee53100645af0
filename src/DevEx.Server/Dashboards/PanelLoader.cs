using DevEx.Server.Access;
using DevEx.Server.Caching;
using DevEx.Analytics;
using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Loads a panel's table from its built-in source or its queries/ file, through the cache (live sources excepted).
/// A query's cache key holds a fingerprint of its SQL, so an edited queries/ file counts at the next request.
/// </summary>
internal sealed class PanelLoader(PanelSourceRegistry sources, QueryFiles queries, QueryRunner runner, MetricOptions options, ResultCache cache)
{
    /// <summary>
    /// The panel's table; without <paramref name="teamMeetings"/>, a source's table without teams' meeting figures
    /// (<see cref="PanelSource.WithoutTeamMeetings"/>), for a reader who may not see them.
    /// </summary>
    public PanelData Load(PanelDefinition panel, DashboardFilter filter, bool teamMeetings, CancellationToken cancellationToken)
    {
        if (panel.Source is { } name)
        {
            var source = sources.Find(name)!;
            var load = Redacts(source, teamMeetings) ? source.WithoutTeamMeetings! : source.Load;
            return source.Live ? load(filter, cancellationToken) : cache.GetOrAdd(DataKey(panel, filter, teamMeetings), () => load(filter, cancellationToken));
        }
        var sql = Sql(panel.Query!);
        return cache.GetOrAdd(QueryKey(panel, sql, filter), () => RunQuery(sql, panel.Group ?? "none", filter, cancellationToken));
    }

    /// <summary>
    /// What the panel shows, as the scope rule reads it: a built-in source's own; a query panel's <c>shows</c>, else
    /// per-team rows for a grouping by team or service and figures otherwise.
    /// </summary>
    public Surface Shows(PanelDefinition panel) => panel.Source is { } name ? sources.Find(name)!.Shows
        : panel.Shows ?? (panel.Group is "team" or "service" ? Surface.PerTeam : Surface.Figures);

    /// <summary>Whether the panel shows a live source, whose data and HTML are never cached.</summary>
    public bool IsLive(PanelDefinition panel) => panel.Source is { } name && sources.Find(name) is { Live: true };

    /// <summary>What a panel's data depends on: its source (or its query and that query's text) and the filters.</summary>
    public string DataKey(PanelDefinition panel, DashboardFilter filter, bool teamMeetings) =>
        panel.Source is { } name
            ? Redacts(sources.Find(name)!, teamMeetings) ? $"{SourceKey(name, filter)}|without-team-meetings" : SourceKey(name, filter)
            : QueryKey(panel, Sql(panel.Query!), filter);

    private static bool Redacts(PanelSource source, bool teamMeetings) => !teamMeetings && source.WithoutTeamMeetings is not null;

    /// <summary>The cache key of a built-in source's data, shared with sources that reuse another's result.</summary>
    public static string SourceKey(string source, DashboardFilter filter) => $"{source}?{filter.Key}";

    private static string QueryKey(PanelDefinition panel, string sql, DashboardFilter filter) =>
        $"query:{panel.Query}#{ContentFingerprint.Of(sql)}?{filter.Key}&group={panel.Group ?? "none"}";

    // A built-in query is embedded at build time; any other is read from disk each time, so an edit counts at once.
    private string Sql(string name) => queries.IsBuiltIn(name) ? QueryCatalog.Get(name) : queries.ReadFromDisk(name);

    /// <summary>
    /// Runs a query with the view's parameters ($from, $to, $team, $service, $repo, $interval…, $group), the configured bot
    /// pattern ($bot_pattern) and the start of the period before ($previous_from, $previous_from_date); a local link it
    /// returns in a <c>…__link</c> column gets the view's filters (<see cref="QueryLinks"/>).
    /// </summary>
    private PanelData RunQuery(string sql, string group, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var parameters = MetricParameters.For(filter.Window, filter.Scope, filter.Interval);
        parameters.Add("group", group);
        parameters.Add("project", null);
        parameters.Add("bot_pattern", options.BotPattern);
        // The period of the same length just before the window, for a figure's _previous: [$previous_from, $from).
        parameters.Add("previous_from", filter.Previous.Start.ToDateTimeUtc());
        parameters.Add("previous_from_date", filter.Previous.From.ToDateTimeUnspecified());
        var table = runner.TableSql(sql, parameters, cancellationToken);
        var columns = table.Columns.Select(Column).ToList();
        return new PanelData(columns, QueryLinks.WithFilters(columns, table.Rows, filter)) { SeriesColours = WaitColours.ForQueries };
    }

    private static PanelColumn Column(QueryColumn column)
    {
        var (name, type) = (column.Name, column.Type);
        var unit = name.EndsWith("_hours", StringComparison.Ordinal) ? "hours"
            : name.EndsWith("_rate", StringComparison.Ordinal) || name == "rate" ? "rate"
            : name == "period" || type == typeof(DateOnly) ? "date"
            : type == typeof(DateTime) ? "instant"
            : type == typeof(string) || type == typeof(bool) ? "text"
            : "number";
        return new PanelColumn(name, Humanize(name), unit);
    }

    private static string Humanize(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..].Replace('_', ' ');
}
