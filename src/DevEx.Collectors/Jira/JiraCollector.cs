using System.Globalization;
using System.Text.Json;
using DevEx.Collectors.Http;
using DevEx.Collectors.Sync;
using DevEx.Store;
using DevEx.Store.Rows;
using DevEx.Store.State;
using DevEx.Store.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Text;

namespace DevEx.Collectors.Jira;

/// <summary>
/// Collects Jira issues into tickets, ticket_transitions, ticket_statuses and incidents, incrementally by
/// <c>updated</c>, with the statuses (and categories) of the projects seen: the cursor (sync_state jira/{projects or "jql"}/issues) is the newest <c>updated</c> written, kept
/// with the offset Jira wrote it in, because JQL reads dates in the user's time zone, which is that offset. The
/// search asks from that minute on (a minute of overlap, harmless: writes are idempotent) and every page is written
/// in one transaction before the cursor moves. An issue that cannot be mapped goes to import_rejects
/// (file "jira:{key}") and the sync goes on. Each run takes a new "jira" client from the factory
/// (<see cref="CollectorHttpClients.Jira"/>): the collector lives as long as the process, and a client held that long
/// would keep its connections, and the addresses DNS gave them, for ever; the factory rotates its handlers.
/// </summary>
public sealed class JiraCollector(
    JiraOptions options,
    IHttpClientFactory clients,
    DuckDbDatabase database,
    SyncStateStore cursors,
    IClock clock,
    HttpRequestCount? requests = null,
    ILogger<JiraCollector>? logger = null) : ISyncSource
{
    public const string SourceName = "jira";
    public const string Resource = "issues";

    private static readonly OffsetDateTimePattern CursorPattern = OffsetDateTimePattern.ExtendedIso;
    private readonly JiraMapper mapper = new(options);
    private readonly ILogger log = (ILogger?)logger ?? NullLogger.Instance;

    public string Name => SourceName;

    public bool IsConfigured => options.IsConfigured;

    public string Schedule => options.Schedule;

    /// <summary>
    /// The JQL of a sync from <paramref name="since"/>, written in the local date-time of Jira's offset, to the minute,
    /// one hour early: JQL reads dates in the user's zone, and across a daylight-saving change the cursor's offset can be
    /// an hour off that zone. Re-reading an hour costs a few requests; writes are idempotent, and nothing is missed.
    /// </summary>
    public string Jql(OffsetDateTime since)
    {
        var filter = !string.IsNullOrWhiteSpace(options.Jql)
            ? $"({options.Jql})"
            : $"project in ({string.Join(", ", options.Projects.Select(p => $"\"{p.Trim()}\""))})";
        var local = since.LocalDateTime.PlusHours(-1).ToString("yyyy'/'MM'/'dd HH':'mm", CultureInfo.InvariantCulture);
        return $"{filter} AND updated >= \"{local}\" ORDER BY updated ASC";
    }

    public async Task<SyncOutcome> RunAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        var requestsBefore = requests?.Value ?? 0;
        var client = new JiraClient(clients.CreateClient(CollectorHttpClients.Jira), options);
        var scope = options.CursorScope;
        var cursor = cursors.Get(SourceName, scope, Resource) is { } text && CursorPattern.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : (clock.GetCurrentInstant() - Duration.FromDays(options.HistoryDays)).WithOffset(Offset.Zero);
        var statuses = (await client.StatusesAsync(cancellationToken)).Select(JiraMapper.Status).OfType<JiraStatus>().ToList();
        var rows = 0L;
        var issues = 0;
        await foreach (var page in client.SearchAsync(Jql(cursor), cancellationToken))
        {
            var batch = await MapAsync(client, page, statuses, cancellationToken);
            rows += Write(batch);
            issues += page.Issues.Count;
            var newest = page.Issues.Select(NewestUpdated).OfType<OffsetDateTime>().Select(o => (OffsetDateTime?)o)
                .MaxBy(o => o!.Value.ToInstant());
            if (newest is { } moved && moved.ToInstant() > cursor.ToInstant())
            {
                cursor = moved;
                cursors.Set(SourceName, scope, Resource, CursorPattern.Format(cursor));
            }
            progress.Report($"jira: {issues} issues read, {batch.ImportRejects.Count} rejected");
        }
        return new SyncOutcome(rows, (requests?.Value ?? 0) - requestsBefore, 0, $"{issues} issues");
    }

    private static OffsetDateTime? NewestUpdated(JsonElement issue) =>
        issue.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Object
        && fields.TryGetProperty("updated", out var updated) && updated.ValueKind == JsonValueKind.String
            ? JiraTimestamp.ParseOffset(updated.GetString())
            : null;

    private async Task<SourceBatch> MapAsync(JiraClient client, JiraSearchPage page, IReadOnlyList<JiraStatus> statuses, CancellationToken cancellationToken)
    {
        var mapped = new Dictionary<string, JiraIssueRows>(StringComparer.Ordinal);
        var rejects = new List<ImportRejectRow>();
        foreach (var issue in page.Issues)
        {
            JiraMapResult result;
            try
            {
                var full = JiraMapper.HasTruncatedChangelog(issue) && issue.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String
                    ? await client.ChangelogAsync(key.GetString()!, cancellationToken)
                    : null;
                result = mapper.Map(issue, full);
            }
            // A changelog Jira refuses (4xx) makes the issue a reject; a failure that may pass (5xx, 429, network)
            // stops the sync before the cursor moves, so the next run reads the issue again.
            catch (HttpRequestException e) when (e.StatusCode is { } status && (int)status is >= 400 and < 500 && (int)status != 429)
            {
                result = new JiraMapResult(JiraMapper.KeyOf(issue), null, e.Message);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                result = new JiraMapResult(JiraMapper.KeyOf(issue), null, e.Message);
            }
            if (result.Rows is { } rows)
            {
                mapped.Remove(result.Key);
                mapped[result.Key] = rows; // the last of a repeated key wins
            }
            else
            {
                log.LogWarning("Jira issue {Key} skipped: {Reason}", result.Key, result.Reject);
                rejects.Add(new ImportRejectRow($"jira:{result.Key}", 0, result.Reject!, issue.GetRawText(), clock.GetCurrentInstant()));
            }
        }
        var all = mapped.Values.ToList();
        var batch = new SourceBatch();
        batch.Tickets.AddRange(all.Select(r => r.Ticket));
        batch.TicketTransitions.AddRange(all.SelectMany(r => r.Transitions));
        batch.Incidents.AddRange(all.Where(r => r.Incident is not null).Select(r => r.Incident!));
        // An issue whose type or labels no longer make it an incident takes its incident row with it.
        batch.RemovedIncidents.AddRange(all.Where(r => r.Incident is null).Select(r => new IncidentRemoval($"jira:{r.Ticket.Key}", JiraMapper.Source)));
        batch.ImportRejects.AddRange(rejects);
        // Every status a page's project can use, under its key: ticket metrics look categories up by project key.
        batch.TicketStatuses.AddRange(all.Select(r => (r.Ticket.Project, r.ProjectId)).Distinct()
            .SelectMany(p => statuses.Where(s => s.AppliesTo(p.ProjectId)).Select(s => s.Row(p.Project))));
        return batch;
    }

    /// <summary>Writes a batch in one transaction; returns the rows written (statuses, tickets, transitions, incidents).</summary>
    private int Write(SourceBatch batch)
    {
        batch.Write(database);
        // Counted by key, as stored: two statuses of one name in a project are one row.
        return batch.TicketStatuses.DistinctBy(s => (s.Project, s.Status)).Count() + batch.Tickets.Count
            + batch.TicketTransitions.Count + batch.Incidents.DistinctBy(i => i.Id).Count();
    }
}
