using NodaTime;
using NodaTime.Text;

namespace DevEx.Analytics;

/// <summary>
/// The configurable parts of docs/metrics.md (configuration section <c>DevEx:Metrics</c>). Defaults are the contract's.
/// </summary>
public sealed class MetricOptions
{
    public const string Section = "DevEx:Metrics";

    /// <summary>Environments that count as production unless a service overrides it (case-insensitive regex).</summary>
    public string ProductionEnvironments { get; set; } = "^(prod|production)$";

    /// <summary>How long after a deployment a deployed revert PR still marks it failed (method revert).</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long after a deployment an incident without causedBy marks it failed (method window).</summary>
    public TimeSpan IncidentWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Incidents whose title matches this pattern (.NET regex, case-insensitive; unset = none) were not caused by a change
    /// (e.g. <c>outage|DNS</c>): they fail no deployment by the window rule and still count in incident time to restore.
    /// An incident that names a cause, or whose source says a change caused it, is not read by the pattern.
    /// </summary>
    public string? NotCausedByChangePattern { get; set; }

    /// <summary>Authors matching this pattern are bots and left out of pull-request flow.</summary>
    public string BotPattern { get; set; } = @"\[bot\]$";

    public IList<string> HotfixLabels { get; } = ["hotfix"];

    public string HotfixBranchPrefix { get; set; } = "hotfix/";

    /// <summary>Org-wide holidays (yyyy-MM-dd) excluded from working hours.</summary>
    public IList<string> Holidays { get; } = [];

    /// <summary><see cref="Holidays"/> as dates, as the working-hours calendars read them.</summary>
    public IReadOnlySet<LocalDate> HolidayDates() => Holidays.Select(h => LocalDatePattern.Iso.Parse(h).GetValueOrThrow()).ToHashSet();

    /// <summary>The org's time zone: the zone of from/to dates and of series periods.</summary>
    public string TimeZone { get; set; } = "UTC";
}
