using NodaTime;

namespace DevEx.Analytics.Metrics;

// The DORA response contract (docs/api.md): field names are read by outside tests, so change them only with care.
// Levels are lower-case elite|high|medium|low; rates are fractions; a value over zero samples is null.

public sealed record DeploymentFrequency(long Deployments, double PerWeek, long DeployDays, double? MedianDeployDaysPerWeek, string? Level);

public sealed record ChangeLeadTime(
    long SampleSize, double? MedianHours, double? P75Hours, double? P90Hours,
    double? MedianWorkingHours, double? P75WorkingHours, double? P90WorkingHours, string? Level);

public sealed record FailureMethodCounts(long Explicit, long Rollback, long Revert, long Window);

/// <summary>
/// <see cref="NoFailureSignal"/> is set (and <see cref="Level"/> null) when nothing imported for the scope could mark a
/// deployment failed (queries/dora_failure_signal.sql): a 0 % there is not a measurement.
/// </summary>
public sealed record ChangeFailRate(long FailedDeployments, long Deployments, double? Rate, string? Level, FailureMethodCounts ByMethod,
    string? NoFailureSignal = null)
{
    public const string NoFailureSignalReason = "no failure signal: import incidents or deployment statuses";

    /// <summary>What a page shows in the level's place: the level, else why there is none.</summary>
    public string? LevelOrReason => Level ?? NoFailureSignal;
}

public sealed record FailedDeploymentRecoveryTime(long SampleSize, double? MedianHours, double? P75Hours, double? P90Hours, long Unrecovered, string? Level);

public sealed record DeploymentReworkRate(long ReworkDeployments, long Deployments, double? Rate);

public sealed record IncidentTimeToRestore(long SampleSize, double? MedianHours, double? P75Hours, double? P90Hours);

public sealed record DoraMetrics(
    LocalDate From, LocalDate To,
    DeploymentFrequency DeploymentFrequency,
    ChangeLeadTime ChangeLeadTime,
    ChangeFailRate ChangeFailRate,
    FailedDeploymentRecoveryTime FailedDeploymentRecoveryTime,
    DeploymentReworkRate DeploymentReworkRate,
    IncidentTimeToRestore IncidentTimeToRestore)
{
    public string Definition => "/docs/metrics#dora-metrics";
}
