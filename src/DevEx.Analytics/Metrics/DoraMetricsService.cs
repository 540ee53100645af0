using System.Text.Json;
using DevEx.Store.Queries;
using NodaTime;

namespace DevEx.Analytics.Metrics;

/// <summary>
/// The five DORA metrics and incident time to restore for a window and scope, as one figure or as a series.
/// Every figure comes from one statement, queries/dora_metrics.sql; levels from queries/dora_levels.sql.
/// </summary>
public sealed class DoraMetricsService(QueryRunner queries, DoraLevelThresholds thresholds)
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
        // One statement for every figure (queries/dora_metrics.sql): a one-team question reads a few hundred rows, and
        // DuckDB's cost per statement and per scan outweighed them (docs/benchmarks.md, "Small questions").
        var rows = queries.Run<DoraPartRow>("dora_metrics", parameters, cancellationToken);
        var frequency = rows.Where(r => r.Part == "frequency").ToLookup(r => Key(r.Grp, r.Period!.Value));
        Dictionary<(string, LocalDate), DoraPartRow> ByKey(string part) =>
            rows.Where(r => r.Part == part).ToDictionary(r => Key(r.Grp, r.Period!.Value));
        var deployments = ByKey("deployments");
        var changes = ByKey("changes");
        var restores = ByKey("restores");
        var withoutSignal = rows.Where(r => r is { Part: "signal", AnySignal: false }).Select(r => r.Grp ?? NoGroup).ToHashSet(StringComparer.Ordinal);
        var groups = grouping == MetricGrouping.None
            ? [NoGroup]
            : frequency.Select(g => g.Key.Item1).Concat(changes.Keys.Select(k => k.Item1)).Concat(restores.Keys.Select(k => k.Item1)).ToHashSet();
        var figures = groups.ToDictionary(group => group, group => periods.Select(period => Assemble(period,
            frequency[(group, period.From)].ToList(), changes.GetValueOrDefault((group, period.From)),
            deployments.GetValueOrDefault((group, period.From)), restores.GetValueOrDefault((group, period.From)), withoutSignal.Contains(group))).ToList(), StringComparer.Ordinal);
        var levels = Levels(figures.Values.SelectMany(f => f).ToList(), cancellationToken);
        return figures.ToDictionary(f => f.Key, f => f.Value.Select(m => WithLevels(m, levels[m])).ToList(), StringComparer.Ordinal);
    }

    private static DoraMetrics Assemble(MetricWindow period, List<DoraPartRow> frequencyRows, DoraPartRow? lead, DoraPartRow? deployed,
        DoraPartRow? restore, bool noFailureSignal)
    {
        var deployments = frequencyRows.Sum(r => r.Deployments ?? 0);
        var deployDays = frequencyRows.Sum(r => r.DeployDays ?? 0);
        var medianDays = frequencyRows.Select(r => r.MedianDeployDaysPerWeek).FirstOrDefault();
        var all = deployed?.Deployments ?? 0;
        var failed = deployed?.FailedDeployments ?? 0;
        var rework = deployed?.ReworkDeployments ?? 0;
        // Recovery quantiles are over failed deployments only: a period without one has no recovery figures.
        var recovery = failed > 0 ? deployed : null;
        return new DoraMetrics(period.From, period.To,
            new DeploymentFrequency(deployments, deployments / period.Weeks, deployDays, medianDays, null),
            new ChangeLeadTime(lead?.SampleSize ?? 0, lead?.MedianHours, lead?.P75Hours, lead?.P90Hours,
                lead?.MedianWorkingHours, lead?.P75WorkingHours, lead?.P90WorkingHours, null),
            new ChangeFailRate(failed, all, all > 0 ? (double)failed / all : null, null,
                new FailureMethodCounts(deployed?.FailedExplicit ?? 0, deployed?.FailedRollback ?? 0, deployed?.FailedRevert ?? 0, deployed?.FailedWindow ?? 0),
                noFailureSignal && all > 0 ? ChangeFailRate.NoFailureSignalReason : null),
            new FailedDeploymentRecoveryTime(recovery?.SampleSize ?? 0, recovery?.MedianHours, recovery?.P75Hours, recovery?.P90Hours,
                recovery?.Unrecovered ?? 0, null),
            new DeploymentReworkRate(rework, all, all > 0 ? (double)rework / all : null),
            new IncidentTimeToRestore(restore?.SampleSize ?? 0, restore?.MedianHours, restore?.P75Hours, restore?.P90Hours));
    }

    private static DoraMetrics WithLevels(DoraMetrics m, LevelRow levels) => m with
    {
        DeploymentFrequency = m.DeploymentFrequency with { Level = levels.DeploymentFrequency },
        ChangeLeadTime = m.ChangeLeadTime with { Level = levels.ChangeLeadTime },
        ChangeFailRate = m.ChangeFailRate with { Level = levels.ChangeFailRate },
        FailedDeploymentRecoveryTime = m.FailedDeploymentRecoveryTime with { Level = levels.RecoveryTime },
    };

    /// <summary>Classifies every figure set of a request in one run of queries/dora_levels.sql.</summary>
    private Dictionary<DoraMetrics, LevelRow> Levels(List<DoraMetrics> all, CancellationToken cancellationToken)
    {
        var figures = all.Select((m, i) => new LevelInput(i,
            m.DeploymentFrequency.Deployments == 0 ? null : m.DeploymentFrequency.DeployDays / new MetricWindow(m.From, m.To, DateTimeZone.Utc).Weeks,
            m.DeploymentFrequency.MedianDeployDaysPerWeek, m.ChangeLeadTime.MedianHours,
            m.ChangeFailRate.NoFailureSignal is null ? m.ChangeFailRate.Rate : null, m.FailedDeploymentRecoveryTime.MedianHours));
        var parameters = new
        {
            figures = JsonSerializer.Serialize(figures, LevelJson),
            df_elite_days = thresholds.DeploymentFrequencyEliteDeployDaysPerWeek,
            df_high_per_week = thresholds.DeploymentFrequencyHighDeployDaysPerWeek,
            df_medium_per_week = thresholds.DeploymentFrequencyMediumDeployDaysPerWeek,
            lt_elite = thresholds.LeadTimeEliteHours,
            lt_high = thresholds.LeadTimeHighHours,
            lt_medium = thresholds.LeadTimeMediumHours,
            cfr_elite = thresholds.ChangeFailRateElite,
            cfr_high = thresholds.ChangeFailRateHigh,
            cfr_medium = thresholds.ChangeFailRateMedium,
            rt_elite = thresholds.RecoveryEliteHours,
            rt_high = thresholds.RecoveryHighHours,
            rt_medium = thresholds.RecoveryMediumHours,
        };
        var rows = queries.Run<LevelRow>("dora_levels", parameters, cancellationToken).ToDictionary(r => r.Key);
        return all.Select((m, i) => (m, i)).ToDictionary<(DoraMetrics m, int i), DoraMetrics, LevelRow>(x => x.m, x => rows[x.i], ReferenceEqualityComparer.Instance);
    }

    private static readonly JsonSerializerOptions LevelJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record LevelInput(int Key, double? DeployDaysPerWeek, double? MedianDeployDaysPerWeek, double? LeadTimeHours,
        double? ChangeFailRate, double? RecoveryHours);

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}
