namespace DevEx.Analytics.Metrics;

/// <summary>
/// Classifies computed DORA figures into elite | high | medium | low (docs/metrics.md#dora-levels); null where the figure
/// is null. Four comparisons per metric against configured thresholds: done in process, since as a statement of its own
/// (queries/dora_levels.sql before) it cost a DuckDB planning round on every request's critical path, after the metric
/// queries (docs/benchmarks.md, "Small questions").
/// </summary>
public sealed class DoraLevels(DoraLevelThresholds thresholds)
{
    public const string Elite = "elite", High = "high", Medium = "medium", Low = "low";

    /// <summary>
    /// Elite on the median deploy-days per week (on demand, most days); high and medium on deploy-days per week over the
    /// window, so one busy day does not make a month weekly. No deployments: null.
    /// </summary>
    public string? DeploymentFrequency(double? deployDaysPerWeek, double? medianDeployDaysPerWeek) =>
        deployDaysPerWeek is not { } perWeek ? null
        : medianDeployDaysPerWeek >= thresholds.DeploymentFrequencyEliteDeployDaysPerWeek ? Elite
        : perWeek >= thresholds.DeploymentFrequencyHighDeployDaysPerWeek ? High
        : perWeek >= thresholds.DeploymentFrequencyMediumDeployDaysPerWeek ? Medium
        : Low;

    /// <summary>Median lead time in hours: elite, high and medium strictly below their thresholds.</summary>
    public string? ChangeLeadTime(double? medianHours) =>
        Below(medianHours, thresholds.LeadTimeEliteHours, thresholds.LeadTimeHighHours, thresholds.LeadTimeMediumHours);

    /// <summary>A rate of 0–1: elite, high and medium at or below their thresholds.</summary>
    public string? ChangeFailRate(double? rate) => rate is not { } r ? null
        : r <= thresholds.ChangeFailRateElite ? Elite
        : r <= thresholds.ChangeFailRateHigh ? High
        : r <= thresholds.ChangeFailRateMedium ? Medium
        : Low;

    /// <summary>Median failed-deployment recovery time in hours: elite, high and medium strictly below their thresholds.</summary>
    public string? RecoveryTime(double? medianHours) =>
        Below(medianHours, thresholds.RecoveryEliteHours, thresholds.RecoveryHighHours, thresholds.RecoveryMediumHours);

    private static string? Below(double? value, double elite, double high, double medium) => value is not { } v ? null
        : v < elite ? Elite
        : v < high ? High
        : v < medium ? Medium
        : Low;
}
