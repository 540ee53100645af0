using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>
/// The five DORA metrics and incident time to restore for a window and scope, as one figure or as a series.
/// Each figure comes from its queries/ file; levels from <see cref="DoraLevels"/>.
/// </summary>
public sealed class DoraMetricsService(QueryRunner queries, DoraLevels levels)
{
    public DoraMetrics Get(MetricWindow window, MetricScope scope, CancellationToken cancellationToken = default) =>
        Compute(window, scope, null, MetricGrouping.None, cancellationToken)[NoGroup][0];

    public IReadOnlyList<DoraMetrics> Series(MetricWindow window, MetricScope scope, MetricInterval interval, CancellationToken cancellationToken = default) =>
        Compute(window, scope, interval, MetricGrouping.None, cancellationToken)[NoGroup];

    /// <summary>
    /// The metrics of every team or service inside the scope in one pass of the same queries (grouped by the
    /// owning team or the service); a team or service without deployments, changes or incidents has no entry. By team,
    /// what no catalog team owns is the entry <see cref="MetricScope.Unowned"/>, so that the entries sum to the scope.
    /// </summary>
    public IReadOnlyDictionary<string, DoraMetrics> ByGroup(MetricWindow window, MetricScope scope, MetricGrouping grouping,
        CancellationToken cancellationToken = default)
    {
        if (grouping == MetricGrouping.None)
        {
            throw new ArgumentException("Group by team or service.", nameof(grouping));
        }
        return Compute(window, scope, null, grouping, cancellationToken)
            .Where(g => g.Key != NoGroup)
            .ToDictionary(g => g.Key, g => g.Value[0], StringComparer.Ordinal);
    }

    // Rows of an ungrouped query carry a NULL group; so do those of a query by team whose service no catalog team owns.
    private const string NoGroup = "";

    private Dictionary<string, List<DoraMetrics>> Compute(MetricWindow window, MetricScope scope, MetricInterval? interval,
        MetricGrouping grouping, CancellationToken cancellationToken)
    {
        // Shared by the queries running at once: the runner binds its own Dapper parameters from it per query.
        var parameters = MetricParameters.For(window, scope, interval);
        parameters.Add("group", grouping.ToString().ToLowerInvariant());
        var periods = interval is { } i ? window.Periods(i) : [window];
        var nullGroup = grouping == MetricGrouping.Team ? MetricScope.Unowned : NoGroup;
        (string, LocalDate) Key(string? group, LocalDate period) => (group ?? nullGroup, periods.Last(p => p.From <= Max(period, window.From)).From);
        // The seven queries are independent, and each costs 1-5 ms of DuckDB's per-operator work although one team's month
        // is a few hundred rows: run side by side on their own connections (docs/benchmarks.md, "Small questions").
        IReadOnlyList<FrequencyRow> frequencyRows = [];
        IReadOnlyList<DurationRow> leadTimeRows = [], recoveryRows = [], restoreRows = [];
        IReadOnlyList<FailRateRow> failRateRows = [];
        IReadOnlyList<ReworkRow> reworkRows = [];
        IReadOnlyList<FailureSignalRow> signalRows = [];
        try
        {
            Parallel.Invoke(new ParallelOptions { CancellationToken = cancellationToken },
                () => frequencyRows = queries.Run<FrequencyRow>("dora_deployment_frequency", parameters, cancellationToken),
                () => leadTimeRows = queries.Run<DurationRow>("dora_change_lead_time", parameters, cancellationToken),
                () => failRateRows = queries.Run<FailRateRow>("dora_change_fail_rate", parameters, cancellationToken),
                () => recoveryRows = queries.Run<DurationRow>("dora_failed_deployment_recovery_time", parameters, cancellationToken),
                () => reworkRows = queries.Run<ReworkRow>("dora_deployment_rework_rate", parameters, cancellationToken),
                () => restoreRows = queries.Run<DurationRow>("incident_time_to_restore", parameters, cancellationToken),
                () => signalRows = queries.Run<FailureSignalRow>("dora_failure_signal", parameters, cancellationToken));
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
        {
            // A query's own error (a DuckDB message naming the query), not "One or more errors occurred".
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failed.InnerExceptions[0]).Throw();
        }
        var frequency = frequencyRows.ToLookup(r => Key(r.Grp, r.Period));
        var leadTime = leadTimeRows.ToDictionary(r => Key(r.Grp, r.Period));
        var failRate = failRateRows.ToDictionary(r => Key(r.Grp, r.Period));
        var recovery = recoveryRows.ToDictionary(r => Key(r.Grp, r.Period));
        var rework = reworkRows.ToDictionary(r => Key(r.Grp, r.Period));
        var restore = restoreRows.ToDictionary(r => Key(r.Grp, r.Period));
        var withoutSignal = signalRows.Where(r => !r.Any).Select(r => r.Grp ?? nullGroup).ToHashSet(StringComparer.Ordinal);
        var groups = grouping == MetricGrouping.None
            ? [NoGroup]
            : frequency.Select(g => g.Key.Item1).Concat(leadTime.Keys.Select(k => k.Item1)).Concat(restore.Keys.Select(k => k.Item1)).ToHashSet();
        var figures = groups.ToDictionary(group => group, group => periods.Select(period => Assemble(period,
            frequency[(group, period.From)].ToList(), leadTime.GetValueOrDefault((group, period.From)), failRate.GetValueOrDefault((group, period.From)),
            recovery.GetValueOrDefault((group, period.From)), rework.GetValueOrDefault((group, period.From)),
            restore.GetValueOrDefault((group, period.From)), withoutSignal.Contains(group))).ToList(), StringComparer.Ordinal);
        return figures.ToDictionary(f => f.Key, f => f.Value.Select(WithLevels).ToList(), StringComparer.Ordinal);
    }

    private DoraMetrics Assemble(MetricWindow period, List<FrequencyRow> frequencyRows, DurationRow? lead, FailRateRow? fail,
        DurationRow? recovery, ReworkRow? rework, DurationRow? restore, bool noFailureSignal)
    {
        var deployments = frequencyRows.Sum(r => r.Deployments);
        var deployDays = frequencyRows.Sum(r => r.DeployDays);
        var medianDays = frequencyRows.Select(r => r.MedianDeployDaysPerWeek).FirstOrDefault();
        var rate = fail is { Deployments: > 0 } ? (double)fail.FailedDeployments / fail.Deployments : (double?)null;
        return new DoraMetrics(period.From, period.To,
            new DeploymentFrequency(deployments, deployments / period.Weeks, deployDays, medianDays, null),
            new ChangeLeadTime(lead?.SampleSize ?? 0, lead?.MedianHours, lead?.P75Hours, lead?.P90Hours,
                lead?.MedianWorkingHours, lead?.P75WorkingHours, lead?.P90WorkingHours, null),
            new ChangeFailRate(fail?.FailedDeployments ?? 0, fail?.Deployments ?? 0, rate, null,
                new FailureMethodCounts(fail?.FailedExplicit ?? 0, fail?.FailedRollback ?? 0, fail?.FailedRevert ?? 0, fail?.FailedWindow ?? 0),
                noFailureSignal && fail is { Deployments: > 0 } ? ChangeFailRate.NoFailureSignalReason : null),
            new FailedDeploymentRecoveryTime(recovery?.SampleSize ?? 0, recovery?.MedianHours, recovery?.P75Hours, recovery?.P90Hours,
                recovery?.Unrecovered ?? 0, null),
            new DeploymentReworkRate(rework?.ReworkDeployments ?? 0, rework?.Deployments ?? 0,
                rework is { Deployments: > 0 } ? (double)rework.ReworkDeployments / rework.Deployments : null),
            new IncidentTimeToRestore(restore?.SampleSize ?? 0, restore?.MedianHours, restore?.P75Hours, restore?.P90Hours));
    }

    private DoraMetrics WithLevels(DoraMetrics m) => m with
    {
        DeploymentFrequency = m.DeploymentFrequency with
        {
            Level = levels.DeploymentFrequency(
                m.DeploymentFrequency.Deployments == 0 ? null : m.DeploymentFrequency.DeployDays / new MetricWindow(m.From, m.To, DateTimeZone.Utc).Weeks,
                m.DeploymentFrequency.MedianDeployDaysPerWeek),
        },
        ChangeLeadTime = m.ChangeLeadTime with { Level = levels.ChangeLeadTime(m.ChangeLeadTime.MedianHours) },
        // Without any failure signal in the data, a 0 % rate is no evidence of elite: no level.
        ChangeFailRate = m.ChangeFailRate with { Level = levels.ChangeFailRate(m.ChangeFailRate.NoFailureSignal is null ? m.ChangeFailRate.Rate : null) },
        FailedDeploymentRecoveryTime = m.FailedDeploymentRecoveryTime with { Level = levels.RecoveryTime(m.FailedDeploymentRecoveryTime.MedianHours) },
    };

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}
