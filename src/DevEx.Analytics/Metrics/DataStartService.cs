using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>The kinds of data a figure is computed from; each starts at its own first record in a scope.</summary>
public enum DataKind
{
    Deployments,
    PullRequests,
    Tickets,
    Calendars,
}

/// <summary>
/// When each kind of data starts in one scope (queries/data_start.sql); a kind with no data has no start. A period that
/// ends before (or as) a figure's data starts lies before the data: it has no value (shown as "–") and no change is
/// measured against it (docs/metrics.md#periods-before-the-data-starts). A period the data starts in has data: it is compared.
/// </summary>
public sealed record DataStarts(IReadOnlyDictionary<DataKind, Instant> Starts)
{
    public static DataStarts None { get; } = new(new Dictionary<DataKind, Instant>());

    public Instant? Of(DataKind kind) => Starts.TryGetValue(kind, out var start) ? start : null;

    /// <summary>True when the data of <paramref name="kind"/> started before <paramref name="period"/> ended.</summary>
    public bool Covers(DataKind kind, MetricWindow period) => Of(kind) is { } start && start < period.End;

    /// <summary>The data kind a wait of queries/wait_states.sql (or meetings) is computed from.</summary>
    public static DataKind OfWait(string wait) => wait switch
    {
        "ticket-wait" or "ticket-blocked" => DataKind.Tickets,
        "meetings" => DataKind.Calendars,
        _ => DataKind.PullRequests, // pickup, review, merge wait, deploy wait and CI are measured per merged pull request
    };
}

/// <summary>Reads <see cref="DataStarts"/> for a scope, or for each team in it.</summary>
public sealed class DataStartService(QueryRunner queries)
{
    public DataStarts For(MetricScope scope, CancellationToken cancellationToken = default) =>
        Group(Run(scope, MetricGrouping.None, cancellationToken)).GetValueOrDefault("") ?? DataStarts.None;

    /// <summary>Each team's data starts (the deployment's and pull request's owner team, the ticket's team, the person's teams).</summary>
    public IReadOnlyDictionary<string, DataStarts> ByTeam(MetricScope scope, CancellationToken cancellationToken = default) =>
        Group(Run(scope, MetricGrouping.Team, cancellationToken).Where(r => r.Grp is not null));

    private List<Row> Run(MetricScope scope, MetricGrouping grouping, CancellationToken cancellationToken)
    {
        var parameters = MetricParameters.For(new MetricWindow(new LocalDate(2000, 1, 1), new LocalDate(2000, 1, 2), DateTimeZone.Utc), scope);
        parameters.Add("group", grouping.ToString().ToLowerInvariant());
        return queries.Run<Row>("data_start", parameters, cancellationToken).ToList();
    }

    private static Dictionary<string, DataStarts> Group(IEnumerable<Row> rows) =>
        rows.GroupBy(r => r.Grp ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new DataStarts(g.ToDictionary(r => Kind(r.Kind), r => r.FirstAt)), StringComparer.Ordinal);

    private static DataKind Kind(string kind) => kind switch
    {
        "deployments" => DataKind.Deployments,
        "pull-requests" => DataKind.PullRequests,
        "tickets" => DataKind.Tickets,
        "calendars" => DataKind.Calendars,
        _ => throw new InvalidOperationException($"queries/data_start.sql returned an unknown kind '{kind}'."),
    };

    private sealed class Row
    {
        public string? Grp { get; init; }
        public string Kind { get; init; } = "";
        public Instant FirstAt { get; init; }
    }
}
