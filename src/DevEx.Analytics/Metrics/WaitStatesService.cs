using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>One wait: its median in hours and working hours (null over zero samples) and the hours it accounts for.</summary>
public sealed record WaitState(string Wait, string Source, long SampleSize, double? MedianHours, double? MedianWorkingHours,
    double? TotalHours, double? TotalWorkingHours);

public sealed record WaitStates(LocalDate From, LocalDate To, IReadOnlyList<WaitState> Waits)
{
    public string Definition => "/docs/metrics#wait-states";
}

/// <summary>Where time is lost (queries/wait_states.sql): pull-request, CI, deploy and ticket waits side by side.</summary>
public sealed class WaitStatesService(QueryRunner queries)
{
    public WaitStates Get(MetricWindow window, MetricScope scope, string? project = null, CancellationToken cancellationToken = default)
    {
        var waits = queries.Run<dynamic>("wait_states", TicketParameters.For(window, scope, project), cancellationToken)
            .Select(r => (IDictionary<string, object?>)r)
            .Select(r => new WaitState((string)r["wait"]!, (string)r["source"]!, QueryValues.Long(r["sample_size"]),
                QueryValues.Double(r["median_hours"]), QueryValues.Double(r["median_working_hours"]),
                QueryValues.Double(r["total_hours"]), QueryValues.Double(r["total_working_hours"])))
            .ToList();
        return new WaitStates(window.From, window.To, waits);
    }
}
