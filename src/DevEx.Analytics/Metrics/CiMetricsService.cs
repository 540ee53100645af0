using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

public sealed record CiWaitPerChange(long SampleSize, double? MedianHours, double? P75Hours, double? P90Hours, double? MedianQueueHours, double? MedianRunHours);

public sealed record WorkflowCi(string Repo, string Workflow, long Runs, double? MedianQueueHours, double? MedianRunHours,
    long Reruns, double? RerunRate, long Failures, double? FailureRate);

public sealed record CiMetrics(LocalDate From, LocalDate To, CiWaitPerChange PerChange, IReadOnlyList<WorkflowCi> Workflows)
{
    public string Definition => "/docs/metrics#ci-wait";
}

/// <summary>CI wait per change (queries/ci_wait_per_change.sql) and per workflow (queries/ci_workflows.sql).</summary>
public sealed class CiMetricsService(QueryRunner queries)
{
    public CiMetrics Get(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default)
    {
        var parameters = MetricParameters.For(window, scope);
        var perChangeRows = queries.Run<CiWaitRow>("ci_wait_per_change", parameters, cancellationToken);
        var perChange = perChangeRows.Count > 0 ? perChangeRows[0] : null;
        var workflows = queries.Run<WorkflowCi>("ci_workflows", parameters, cancellationToken);
        return new CiMetrics(window.From, window.To,
            new CiWaitPerChange(perChange?.SampleSize ?? 0, perChange?.MedianHours, perChange?.P75Hours, perChange?.P90Hours,
                perChange?.MedianQueueHours, perChange?.MedianRunHours),
            workflows);
    }

    private sealed class CiWaitRow
    {
        public long SampleSize { get; init; }
        public double? MedianHours { get; init; }
        public double? P75Hours { get; init; }
        public double? P90Hours { get; init; }
        public double? MedianQueueHours { get; init; }
        public double? MedianRunHours { get; init; }
    }
}
