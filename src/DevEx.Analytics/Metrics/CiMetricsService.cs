using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>CI wait per change: queue + run summed over a pull request's runs; medians and percentiles over pull requests,
/// in wall-clock hours and in working hours of each pull request's owner team.</summary>
public sealed record CiWaitPerChange(long SampleSize, double? MedianHours, double? P75Hours, double? P90Hours, double? MedianQueueHours, double? MedianRunHours,
    double? MedianWorkingHours, double? P75WorkingHours, double? P90WorkingHours, double? MedianQueueWorkingHours, double? MedianRunWorkingHours);

public sealed record WorkflowCi(string Repo, string Workflow, long Runs, double? MedianQueueHours, double? MedianRunHours,
    long Reruns, double? RerunRate, long Failures, double? FailureRate);

public sealed record CiMetrics(LocalDate From, LocalDate To, CiWaitPerChange PerChange, IReadOnlyList<WorkflowCi> Workflows)
{
    public string Definition => "/docs/metrics#ci-wait";
}

/// <summary>CI wait per change (queries/ci_wait_per_change.sql) and per workflow (queries/ci_workflows.sql).</summary>
public sealed class CiMetricsService(QueryRunner queries)
{
    public CiMetrics Get(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default) =>
        new(window.From, window.To, PerChange(window, scope, cancellationToken), Workflows(window, scope, cancellationToken));

    public CiWaitPerChange PerChange(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default)
    {
        var rows = queries.Run<CiWaitRow>("ci_wait_per_change", MetricParameters.For(window, scope), cancellationToken);
        var row = rows.Count > 0 ? rows[0] : null;
        return new CiWaitPerChange(row?.SampleSize ?? 0, row?.MedianHours, row?.P75Hours, row?.P90Hours, row?.MedianQueueHours, row?.MedianRunHours,
            row?.MedianWorkingHours, row?.P75WorkingHours, row?.P90WorkingHours, row?.MedianQueueWorkingHours, row?.MedianRunWorkingHours);
    }

    public IReadOnlyList<WorkflowCi> Workflows(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default) =>
        queries.Run<WorkflowCi>("ci_workflows", MetricParameters.For(window, scope), cancellationToken);

    private sealed class CiWaitRow
    {
        public long SampleSize { get; init; }
        public double? MedianHours { get; init; }
        public double? P75Hours { get; init; }
        public double? P90Hours { get; init; }
        public double? MedianQueueHours { get; init; }
        public double? MedianRunHours { get; init; }
        public double? MedianWorkingHours { get; init; }
        public double? P75WorkingHours { get; init; }
        public double? P90WorkingHours { get; init; }
        public double? MedianQueueWorkingHours { get; init; }
        public double? MedianRunWorkingHours { get; init; }
    }
}
