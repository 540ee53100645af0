using System.Text.Json;
using DevEx.Store.Rows;
using NodaTime;

namespace DevEx.Collectors.Jira;

/// <summary>A field change of one changelog history, e.g. status QA → To Do.</summary>
public sealed record JiraChange(string HistoryId, Instant At, string Field, string? From, string? To);

/// <summary>
/// An issue as rows: its ticket, status transitions (seq 0, 1, ... oldest first) and incident, if it is one; and its
/// project's id, which team-managed statuses are scoped by.
/// </summary>
public sealed record JiraIssueRows(TicketRow Ticket, IReadOnlyList<TicketTransitionRow> Transitions, IncidentRow? Incident, string? ProjectId);

/// <summary>A status of /rest/api/{v}/status: global, or (team-managed projects) scoped to one project id.</summary>
public sealed record JiraStatus(string Name, string Category, string? ProjectId)
{
    public bool AppliesTo(string? projectId) => ProjectId is null || ProjectId == projectId;

    public TicketStatusRow Row(string projectKey) => new(JiraMapper.Source, projectKey, Name, Category);
}

/// <summary>An issue mapped to rows, or the reason it could not be.</summary>
public sealed record JiraMapResult(string Key, JiraIssueRows? Rows, string? Reject);

/// <summary>
/// Jira issues (search results with <c>expand=changelog</c>) to DevEx rows. Pure: the caller fetches the full
/// changelog of an issue whose embedded one is truncated and passes it in.
/// </summary>
public sealed class JiraMapper(JiraOptions options)
{
    public const string Source = "jira";

    /// <summary>True when the embedded changelog holds fewer histories than it says it has (TEST-2).</summary>
    public static bool HasTruncatedChangelog(JsonElement issue) =>
        issue.TryGetProperty("changelog", out var changelog) && changelog.ValueKind == JsonValueKind.Object
        && changelog.TryGetProperty("total", out var total) && total.TryGetInt32(out var count)
        && count > Histories(issue).Count;

    /// <summary>The issue key, or a stand-in naming its id for a reject.</summary>
    public static string KeyOf(JsonElement issue) =>
        Text(issue, "key") ?? (Text(issue, "id") is { } id ? $"id:{id}" : "?");

    /// <param name="fullHistories">The whole changelog when it was fetched separately; else the embedded one is used.</param>
    public JiraMapResult Map(JsonElement issue, IReadOnlyList<JsonElement>? fullHistories = null)
    {
        var key = Text(issue, "key");
        if (key is null)
        {
            return new JiraMapResult(KeyOf(issue), null, "issue has no key");
        }
        if (!issue.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Object)
        {
            return new JiraMapResult(key, null, "issue has no fields");
        }
        var type = fields.TryGetProperty("issuetype", out var issueType) ? Text(issueType, "name") : null;
        if (type is null)
        {
            return new JiraMapResult(key, null, "fields.issuetype.name is missing");
        }
        if ((fields.TryGetProperty("created", out var createdValue) ? JiraTimestamp.Parse(createdValue) : null) is not { } created)
        {
            return new JiraMapResult(key, null, "fields.created is missing or unreadable");
        }
        var hasProject = fields.TryGetProperty("project", out var projectValue);
        var project = (hasProject ? Text(projectValue, "key") : null) ?? key[..Math.Max(0, key.LastIndexOf('-'))];
        var resolved = fields.TryGetProperty("resolutiondate", out var resolvedValue) ? JiraTimestamp.Parse(resolvedValue) : null;
        var labels = fields.TryGetProperty("labels", out var labelsValue) && labelsValue.ValueKind == JsonValueKind.Array
            ? labelsValue.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.String).Select(l => l.GetString()!).ToList()
            : [];
        var assignee = fields.TryGetProperty("assignee", out var assigneeValue)
            ? Text(assigneeValue, "emailAddress") ?? Text(assigneeValue, "accountId") ?? Text(assigneeValue, "name")
            : null;
        var title = Text(fields, "summary");
        var ticket = new TicketRow(key, project, type, created, resolved, title, assignee,
            options.TeamByProject.TryGetValue(project, out var team) ? team : null, labels, Source);
        var transitions = Changes(fullHistories ?? Histories(issue))
            .Where(c => c.Field.Equals("status", StringComparison.OrdinalIgnoreCase) && c.To is not null)
            .Select((c, seq) => new TicketTransitionRow(key, seq, c.At, c.From, c.To!))
            .ToList();
        return new JiraMapResult(key, new JiraIssueRows(ticket, transitions, Incident(ticket, fields), hasProject ? Text(projectValue, "id") : null), null);
    }

    /// <summary>
    /// The changes of changelog histories (newest first from search, oldest first from /changelog, or both), each
    /// history once (by id), oldest first; histories at the same instant keep their id order.
    /// </summary>
    public static IReadOnlyList<JiraChange> Changes(IEnumerable<JsonElement> histories)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changes = new List<(long Order, JiraChange Change)>();
        foreach (var history in histories)
        {
            var id = Text(history, "id") ?? (history.TryGetProperty("id", out var number) ? number.ToString() : null);
            if (id is null || !seen.Add(id) || !history.TryGetProperty("created", out var createdValue)
                || JiraTimestamp.Parse(createdValue) is not { } at
                || !history.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            var order = long.TryParse(id, out var numeric) ? numeric : long.MaxValue;
            foreach (var item in items.EnumerateArray())
            {
                var field = Text(item, "field") ?? Text(item, "fieldId");
                if (field is not null)
                {
                    changes.Add((order, new JiraChange(id, at, field, Text(item, "fromString"), Text(item, "toString"))));
                }
            }
        }
        return changes.OrderBy(c => c.Change.At).ThenBy(c => c.Order).Select(c => c.Change).ToList();
    }

    /// <summary>A status of /rest/api/{v}/status with its category key (new, indeterminate, done); null without either.</summary>
    public static JiraStatus? Status(JsonElement status)
    {
        var name = Text(status, "name");
        var category = status.TryGetProperty("statusCategory", out var categoryValue) ? Text(categoryValue, "key") : null;
        if (name is null || category is null)
        {
            return null;
        }
        var projectId = status.TryGetProperty("scope", out var scope) && scope.TryGetProperty("project", out var scopeProject)
            ? Text(scopeProject, "id")
            : null;
        return new JiraStatus(name, category, projectId);
    }

    private IncidentRow? Incident(TicketRow ticket, JsonElement fields)
    {
        var isIncident = ticket.Type.Equals(options.IncidentIssueType, StringComparison.OrdinalIgnoreCase)
            || (options.IncidentLabel is { Length: > 0 } label && ticket.Labels.Contains(label, StringComparer.OrdinalIgnoreCase));
        if (!isIncident)
        {
            return null;
        }
        var service = ticket.Labels
            .Where(l => l.StartsWith(options.ServiceLabelPrefix, StringComparison.OrdinalIgnoreCase) && l.Length > options.ServiceLabelPrefix.Length)
            .Select(l => l[options.ServiceLabelPrefix.Length..])
            .FirstOrDefault()
            ?? ServiceFieldValue(fields)
            ?? ticket.Project;
        var severity = fields.TryGetProperty("priority", out var priority) ? Text(priority, "name") : null;
        var notCaused = NotCausedByChange(ticket, fields);
        return new IncidentRow($"jira:{ticket.Key}", service, ticket.CreatedAt, ticket.ResolvedAt, ticket.Title, severity,
            null, null, null, Source, notCaused is null ? null : false, notCaused);
    }

    /// <summary>Why the incident was not caused by a change ("label infrastructure", "field customfield_10060 = Infrastructure"), or null.</summary>
    private string? NotCausedByChange(TicketRow ticket, JsonElement fields)
    {
        if (ticket.Labels.FirstOrDefault(l => options.NotCausedByChangeLabels.Contains(l, StringComparer.OrdinalIgnoreCase)) is { } label)
        {
            return $"label {label}";
        }
        if (options.NotCausedByChangeField is not { Length: > 0 } name || !fields.TryGetProperty(name, out var value))
        {
            return null;
        }
        // A text field, a select option ({"value": ...}) or a multi-select / checkbox field (an array of options).
        var values = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        var match = values.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : Text(v, "value") ?? Text(v, "name"))
            .FirstOrDefault(v => v is not null && options.NotCausedByChangeValues.Contains(v.Trim(), StringComparer.OrdinalIgnoreCase));
        return match is null ? null : $"field {name} = {match}";
    }

    /// <summary>The configured service field: a string, or an option/user object's value or name.</summary>
    private string? ServiceFieldValue(JsonElement fields)
    {
        if (options.ServiceField is not { Length: > 0 } name || !fields.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String ? value.GetString() : Text(value, "value") ?? Text(value, "name");
    }

    private static List<JsonElement> Histories(JsonElement issue) =>
        issue.TryGetProperty("changelog", out var changelog) && changelog.ValueKind == JsonValueKind.Object
        && changelog.TryGetProperty("histories", out var histories) && histories.ValueKind == JsonValueKind.Array
            ? histories.EnumerateArray().ToList()
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
