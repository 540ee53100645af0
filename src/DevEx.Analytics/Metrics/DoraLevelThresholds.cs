namespace DevEx.Analytics.Metrics;

/// <summary>
/// DORA level thresholds (configuration section <c>DevEx:Metrics:Levels</c>); defaults from the 2024 report,
/// read as docs/metrics.md states them. Applied by <see cref="DoraLevels"/>.
/// </summary>
public sealed class DoraLevelThresholds
{
    public const string Section = "DevEx:Metrics:Levels";

    public double DeploymentFrequencyEliteDeployDaysPerWeek { get; set; } = 5;
    public double DeploymentFrequencyHighDeployDaysPerWeek { get; set; } = 1;
    public double DeploymentFrequencyMediumDeployDaysPerWeek { get; set; } = 12.0 / 52.0;
    public double LeadTimeEliteHours { get; set; } = 24;
    public double LeadTimeHighHours { get; set; } = 24 * 7;
    public double LeadTimeMediumHours { get; set; } = 24 * 30;
    public double ChangeFailRateElite { get; set; } = 0.05;
    public double ChangeFailRateHigh { get; set; } = 0.10;
    public double ChangeFailRateMedium { get; set; } = 0.15;
    public double RecoveryEliteHours { get; set; } = 1;
    public double RecoveryHighHours { get; set; } = 24;
    public double RecoveryMediumHours { get; set; } = 24 * 7;
}
