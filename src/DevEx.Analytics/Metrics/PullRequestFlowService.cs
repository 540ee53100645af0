using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>Median, p75 and p90 of one phase, in wall-clock and working hours; null over zero samples.</summary>
public sealed record PhaseDurations(
    long SampleSize, double? MedianHours, double? P75Hours, double? P90Hours,
    double? MedianWorkingHours, double? P75WorkingHours, double? P90WorkingHours);

public sealed record PullRequestFlow(
    LocalDate From, LocalDate To, long SampleSize,
    PhaseDurations Coding, PhaseDurations Pickup, PhaseDurations Review, PhaseDurations MergeWait, PhaseDurations DeployWait,
    double? MedianReviewRounds, double? MeanReviewRounds, double? MedianSize, long ClampedSpans)
{
    public string Definition => "/docs/metrics#pull-request-flow";
}

/// <summary>Pull-request flow (queries/pr_flow.sql): the lead-time breakdown into coding, pickup, review, merge wait and deploy wait.</summary>
public sealed class PullRequestFlowService(QueryRunner queries)
{
    private static readonly string[] Phases = ["coding", "pickup", "review", "merge_wait", "deploy_wait"];

    public PullRequestFlow Get(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default) =>
        Compute(window, scope, null, cancellationToken)[0];

    public IReadOnlyList<PullRequestFlow> Series(MetricWindow window, MetricScope scope, MetricInterval interval, CancellationToken cancellationToken = default) =>
        Compute(window, scope, interval, cancellationToken);

    private List<PullRequestFlow> Compute(MetricWindow window, MetricScope scope, MetricInterval? interval, CancellationToken cancellationToken)
    {
        var periods = interval is { } i ? window.Periods(i) : [window];
        var rows = queries.Run<dynamic>("pr_flow", MetricParameters.For(window, scope, interval), cancellationToken)
            .Select(r => (IDictionary<string, object?>)r)
            .ToDictionary(r => periods.Last(p => p.From <= Max(QueryValues.Date(r["period"]), window.From)).From);
        return periods.Select(p => Assemble(p, rows.GetValueOrDefault(p.From))).ToList();
    }

    private static PullRequestFlow Assemble(MetricWindow period, IDictionary<string, object?>? row)
    {
        PhaseDurations Phase(string name) => row is null
            ? new PhaseDurations(0, null, null, null, null, null, null)
            : new PhaseDurations(QueryValues.Long(row[$"{name}_sample_size"]),
                QueryValues.Double(row[$"{name}_median_hours"]), QueryValues.Double(row[$"{name}_p75_hours"]), QueryValues.Double(row[$"{name}_p90_hours"]),
                QueryValues.Double(row[$"{name}_median_working_hours"]), QueryValues.Double(row[$"{name}_p75_working_hours"]),
                QueryValues.Double(row[$"{name}_p90_working_hours"]));
        var phases = Phases.Select(Phase).ToList();
        return new PullRequestFlow(period.From, period.To, row is null ? 0 : QueryValues.Long(row["sample_size"]),
            phases[0], phases[1], phases[2], phases[3], phases[4],
            row is null ? null : QueryValues.Double(row["median_review_rounds"]),
            row is null ? null : QueryValues.Double(row["mean_review_rounds"]),
            row is null ? null : QueryValues.Double(row["median_size"]),
            row is null ? 0 : QueryValues.Long(row["clamped_spans"]));
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}
