using System.Text.Json.Serialization;
using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>One wait: its median in hours and working hours (null over zero samples) and the hours it accounts for.</summary>
public sealed record WaitState(string Wait, string Source, long SampleSize, double? MedianHours, double? MedianWorkingHours,
    double? TotalHours, double? TotalWorkingHours)
{
    /// <summary>
    /// The hours the wait accounts for, as "where time is lost" orders and shows them: working hours of the team. Wall
    /// clock only where no sample has working hours (none since migration 008 gave CI waits theirs), as wait_states.sql orders.
    /// Not a field of the API's JSON, which has both totals.
    /// </summary>
    [JsonIgnore]
    public double? HoursAccountedFor => TotalWorkingHours ?? TotalHours;
}

public sealed record WaitStates(LocalDate From, LocalDate To, IReadOnlyList<WaitState> Waits)
{
    public string Definition => "/docs/metrics#wait-states";
}

/// <summary>Where time is lost (queries/wait_states.sql): pull-request, CI, deploy and ticket waits side by side.</summary>
public sealed class WaitStatesService(QueryRunner queries)
{
    public WaitStates Get(MetricWindow window, MetricScope scope, string? project = null, CancellationToken cancellationToken = default) =>
        new(window.From, window.To, Run(window, scope, project, null, MetricGrouping.None, cancellationToken).Select(r => r.Wait).ToList());

    /// <summary>
    /// The waits of each team in the scope (the PR's owner team, the ticket's team), from one query; those of pull requests
    /// and tickets no catalog team owns under <see cref="MetricScope.Unowned"/>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<WaitState>> ByTeam(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default) =>
        Run(window, scope, null, null, MetricGrouping.Team, cancellationToken)
            // A wait nothing had comes back once with no group and no samples (wait_states.sql lists every wait): not unowned's.
            .Where(r => r.Group is not null || r.Wait.SampleSize > 0)
            .GroupBy(r => r.Group ?? MetricScope.Unowned, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<WaitState>)g.Select(r => r.Wait).ToList(), StringComparer.Ordinal);

    /// <summary>The waits per period of the window; a period in which nothing waited has an empty list.</summary>
    public IReadOnlyList<(MetricWindow Period, IReadOnlyList<WaitState> Waits)> Series(MetricWindow window, MetricScope scope, MetricInterval interval,
        CancellationToken cancellationToken = default)
    {
        var periods = window.Periods(interval);
        var rows = Run(window, scope, null, interval, MetricGrouping.None, cancellationToken)
            .Where(r => r.Period is not null)
            .ToLookup(r => periods.Last(p => p.From <= (r.Period!.Value > window.From ? r.Period.Value : window.From)).From);
        return periods.Select(p => (p, (IReadOnlyList<WaitState>)rows[p.From].Select(r => r.Wait).ToList())).ToList();
    }

    private List<(LocalDate? Period, string? Group, WaitState Wait)> Run(MetricWindow window, MetricScope scope, string? project,
        MetricInterval? interval, MetricGrouping grouping, CancellationToken cancellationToken)
    {
        var parameters = TicketParameters.For(window, scope, project, interval);
        parameters.Add("group", grouping.ToString().ToLowerInvariant());
        return queries.Run<dynamic>("wait_states", parameters, cancellationToken)
            .Select(r => (IDictionary<string, object?>)r)
            .Select(r => (r["period"] is null ? (LocalDate?)null : QueryValues.Date(r["period"]), (string?)r["grp"],
                new WaitState((string)r["wait"]!, (string)r["source"]!, QueryValues.Long(r["sample_size"]),
                    QueryValues.Double(r["median_hours"]), QueryValues.Double(r["median_working_hours"]),
                    QueryValues.Double(r["total_hours"]), QueryValues.Double(r["total_working_hours"]))))
            .ToList();
    }
}
