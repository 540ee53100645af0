using NodaTime;

namespace DevEx.Analytics.Metrics;

// Rows of the DORA queries in queries/, mapped by Dapper from snake_case columns.

internal sealed class FrequencyRow
{
    public LocalDate Period { get; init; }
    public string? Grp { get; init; }
    public long Deployments { get; init; }
    public long DeployDays { get; init; }
    public double? MedianDeployDaysPerWeek { get; init; }
}

internal sealed class DurationRow
{
    public LocalDate Period { get; init; }
    public string? Grp { get; init; }
    public long SampleSize { get; init; }
    public double? MedianHours { get; init; }
    public double? P75Hours { get; init; }
    public double? P90Hours { get; init; }
    public double? MedianWorkingHours { get; init; }
    public double? P75WorkingHours { get; init; }
    public double? P90WorkingHours { get; init; }
    public long Unrecovered { get; init; }
}

internal sealed class FailRateRow
{
    public LocalDate Period { get; init; }
    public string? Grp { get; init; }
    public long FailedDeployments { get; init; }
    public long Deployments { get; init; }
    public long FailedExplicit { get; init; }
    public long FailedRollback { get; init; }
    public long FailedRevert { get; init; }
    public long FailedWindow { get; init; }
}

internal sealed class ReworkRow
{
    public LocalDate Period { get; init; }
    public string? Grp { get; init; }
    public long ReworkDeployments { get; init; }
    public long Deployments { get; init; }
}

internal sealed class FailureSignalRow
{
    public string? Grp { get; init; }
    public bool HasIncidents { get; init; }
    public bool HasFailedStatus { get; init; }
    public bool HasPullRequests { get; init; }
    public bool HasFailedDeployment { get; init; }

    public bool Any => HasIncidents || HasFailedStatus || HasPullRequests || HasFailedDeployment;
}
