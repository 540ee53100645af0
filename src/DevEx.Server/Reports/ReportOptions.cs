namespace DevEx.Server.Reports;

/// <summary>Weekly reports (configuration section <c>DevEx:Reports</c>): schedule, files, links and webhooks.</summary>
public sealed class ReportOptions
{
    public const string Section = "DevEx:Reports";

    /// <summary>Cron of each team's recurring report job, evaluated in the team's own time zone.</summary>
    public string Schedule { get; set; } = "0 7 * * 1";

    /// <summary>Where scheduled reports are written: <c>&lt;OutputDirectory&gt;/&lt;team&gt;/&lt;week&gt;.&lt;ext&gt;</c>.</summary>
    public string OutputDirectory { get; set; } = "data/reports";

    /// <summary>The service's public base URL, for links in reports and chat messages (e.g. https://devex.acme.example).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Per team, a Slack-compatible incoming-webhook URL (a secret: never logged or stored). Keys are team ids, matched
    /// case-insensitively as configuration keys are (<c>Webhooks:Core</c> is team <c>core</c>'s); a key naming no team
    /// is named in a warning at start and at each hourly schedule refresh.
    /// </summary>
    public Dictionary<string, string> Webhooks { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>HTTP attempts per delivery in one run (the webhook client's retry pipeline; Hangfire does not retry the job).</summary>
    public int DeliveryAttempts { get; set; } = 4;

    /// <summary>How many weeks back a run still delivers weeks whose delivery failed for good (oldest first, before its own).</summary>
    public int OwedWeeks { get; set; } = 4;

    /// <summary>The wait before the second attempt; it doubles before each further one.</summary>
    public TimeSpan DeliveryBackoff { get; set; } = TimeSpan.FromSeconds(5);
}
