namespace DevEx.Server.Audit;

/// <summary>The audit log's settings (configuration section <c>DevEx:Audit</c>).</summary>
internal sealed class AuditOptions
{
    public const string Section = "DevEx:Audit";

    /// <summary>How many days entries are kept; older ones are deleted once a day.</summary>
    public int RetentionDays { get; set; } = 365;
}
