namespace DevEx.Collectors.Jira;

/// <summary>
/// Configuration section <c>DevEx:Jira</c>: which Jira to read, as whom, and which issues. Secrets (ApiToken,
/// PersonalAccessToken) are never logged.
/// </summary>
public sealed class JiraOptions
{
    public const string Section = "DevEx:Jira";

    /// <summary>The site root, e.g. https://acme.atlassian.net or https://jira.acme.internal.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>cloud or datacenter; unset means cloud when the host ends with atlassian.net.</summary>
    public string? Flavor { get; set; }

    /// <summary>With <see cref="ApiToken"/>: Basic authentication (Jira Cloud).</summary>
    public string? Email { get; set; }

    public string? ApiToken { get; set; }

    /// <summary>A Data Center personal access token, sent as a Bearer token.</summary>
    public string? PersonalAccessToken { get; set; }

    /// <summary>Project keys to collect; or set <see cref="Jql"/>.</summary>
    public IList<string> Projects { get; } = [];

    /// <summary>A JQL filter used instead of <see cref="Projects"/> (without ORDER BY).</summary>
    public string? Jql { get; set; }

    /// <summary>Issues of this type are incidents.</summary>
    public string IncidentIssueType { get; set; } = "Incident";

    /// <summary>Issues with this label are incidents too (unset: only the issue type counts).</summary>
    public string? IncidentLabel { get; set; }

    /// <summary>A label <c>{prefix}NAME</c> names an incident's service.</summary>
    public string ServiceLabelPrefix { get; set; } = "service:";

    /// <summary>A field (e.g. customfield_10050) whose value names an incident's service, when no label does.</summary>
    public string? ServiceField { get; set; }

    /// <summary>Incidents with one of these labels (case-insensitive) were not caused by a change: they fail no deployment.</summary>
    public IList<string> NotCausedByChangeLabels { get; } = ["not-caused-by-change", "infrastructure"];

    /// <summary>A field (e.g. customfield_10060, "Root cause") whose value, when one of <see cref="NotCausedByChangeValues"/>,
    /// says no change caused the incident.</summary>
    public string? NotCausedByChangeField { get; set; }

    /// <summary>The values of <see cref="NotCausedByChangeField"/> (case-insensitive; a select option's value or name) that mean not caused by a change.</summary>
    public IList<string> NotCausedByChangeValues { get; } = ["infrastructure", "not caused by a change"];

    /// <summary>Cron expression of the recurring sync (UTC).</summary>
    public string Schedule { get; set; } = "15 * * * *";

    /// <summary>How many days back the first sync reads; later syncs read from their cursor.</summary>
    public int HistoryDays { get; set; } = 365;

    /// <summary>Project key → team id for the tickets of that project.</summary>
    public IDictionary<string, string> TeamByProject { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public bool IsCloud => Flavor is { Length: > 0 } flavor
        ? flavor.Equals("cloud", StringComparison.OrdinalIgnoreCase)
        : Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Host.EndsWith("atlassian.net", StringComparison.OrdinalIgnoreCase);

    /// <summary>The REST API version: 3 on Cloud, 2 on Data Center.</summary>
    public int ApiVersion => IsCloud ? 3 : 2;

    public bool HasCredentials => !string.IsNullOrWhiteSpace(PersonalAccessToken)
        || (!string.IsNullOrWhiteSpace(Email) && !string.IsNullOrWhiteSpace(ApiToken));

    public bool IsConfigured => Uri.TryCreate(BaseUrl, UriKind.Absolute, out _) && HasCredentials
        && (Projects.Count > 0 || !string.IsNullOrWhiteSpace(Jql));

    /// <summary>The sync_state scope: the sorted project list, or "jql" when a JQL filter is configured.</summary>
    public string CursorScope => !string.IsNullOrWhiteSpace(Jql)
        ? "jql"
        : string.Join(",", Projects.Select(p => p.Trim().ToUpperInvariant()).Order(StringComparer.Ordinal));
}
