namespace DevEx.Analytics.Adoption;

/// <summary>
/// The figures a metric check may name (docs/adoption.md, "Check kinds"): a Component's service over the check's
/// trailing weeks, with the definitions of docs/metrics.md.
/// </summary>
public static class MetricThresholds
{
    public const string LeadTimeMedianHours = "change_lead_time_median_hours";
    public const string DeploymentsPerWeek = "deployments_per_week";
    public const string ChangeFailRate = "change_fail_rate";
    public const string RecoveryMedianHours = "recovery_median_hours";
    public const string PickupMedianWorkingHours = "pickup_median_working_hours";
    public const string ReviewMedianWorkingHours = "review_median_working_hours";

    public static IReadOnlyList<string> Known { get; } =
        [LeadTimeMedianHours, DeploymentsPerWeek, ChangeFailRate, RecoveryMedianHours, PickupMedianWorkingHours, ReviewMedianWorkingHours];
}
