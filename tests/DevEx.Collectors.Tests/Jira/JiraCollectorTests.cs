using System.Text;
using Dapper;
using DevEx.Collectors.Http;
using DevEx.Collectors.Jira;
using DevEx.Collectors.Tests.GitHub;

namespace DevEx.Collectors.Tests.Jira;

/// <summary>
/// Syncs against the fake server replaying issues.json and the Atlassian examples. issues.json's newest
/// <c>updated</c> is 2024-07-04T05:41:00.075-0700; the harness clock stands at 2024-07-05T00:00Z, so a first sync
/// reads from 365 days before: 2023-07-06 00:00, written an hour early (the overlap against daylight-saving shifts).
/// </summary>
public sealed class JiraCollectorTests
{
    private const string FirstJql = "project in (\"TEST\") AND updated >= \"2023/07/05 23:00\" ORDER BY updated ASC";
    // The cursor 2024-07-04 05:41 (-07:00) less the hour of overlap against daylight-saving shifts.
    private const string CursorJql = "project in (\"TEST\") AND updated >= \"2024/07/04 04:41\" ORDER BY updated ASC";

    private const string Statuses = """
        [
          { "id": "10000", "name": "Backlog", "statusCategory": { "key": "new" } },
          { "id": "10001", "name": "Selected for Development", "statusCategory": { "key": "indeterminate" } }
        ]
        """;

    /// <summary>TEST-2's changelog after getChangeLogs.json (startAt 2 + 2 values): the last page, from startAt 4.</summary>
    private const string Test2LastPage = """
        { "startAt": 4, "maxResults": 2, "total": 5, "isLast": true, "values": [
          { "id": "10003", "created": "2024-07-04T05:41:00.500-0700",
            "items": [ { "field": "status", "fieldtype": "jira", "fieldId": "status", "fromString": "To Do", "toString": "In Progress" } ] } ] }
        """;

    /// <summary>TEST-4's whole changelog (embedded: 1 of 2), oldest first as /changelog sends it; 123350 is the embedded one.</summary>
    private const string Test4Changelog = """
        { "startAt": 0, "maxResults": 100, "total": 2, "isLast": true, "values": [
          { "id": "123349", "created": "2024-07-04T05:40:59.500-0700",
            "items": [ { "field": "status", "fromString": "To Do", "toString": "Backlog" } ] },
          { "id": "123350", "created": "2024-07-04T05:41:00.089-0700",
            "items": [ { "field": "status", "fromString": "Backlog", "toString": "Selected for Development" } ] } ] }
        """;

    private static readonly string[] ExpectedTransitions =
    [
        "TEST-1 0 2024-07-04 12:41:00.089 Backlog -> Selected for Development",
        "TEST-2 0 2024-07-04 12:41:00.500 To Do -> In Progress",
        "TEST-3 0 2024-03-08 17:52:41.851 QA -> To Do",
        "TEST-4 0 2024-07-04 12:40:59.500 To Do -> Backlog",
        "TEST-4 1 2024-07-04 12:41:00.089 Backlog -> Selected for Development",
    ];

    private static void RegisterCommon(FakeGitHubServer server, int version)
    {
        server.Get($"/rest/api/{version}/status", body: Statuses);
        server.Get($"/rest/api/{version}/issue/TEST-2/changelog?startAt=0", body: JiraHarness.Fixture("getChangeLogs.json"));
        server.Get($"/rest/api/{version}/issue/TEST-2/changelog?startAt=4", body: Test2LastPage);
        server.Get($"/rest/api/{version}/issue/TEST-4/changelog?startAt=0", body: Test4Changelog);
    }

    [Fact]
    public async Task A_cloud_sync_writes_tickets_transitions_and_statuses_and_fetches_truncated_changelogs()
    {
        await using var harness = await JiraHarness.StartAsync();
        RegisterCommon(harness.Server, 3);
        harness.Server.Get("/rest/api/3/search/jql", body: JiraHarness.IssuesPage("\"isLast\": true"));

        var outcome = await harness.SyncAsync();

        Assert.Equal(2 + 4 + 5, outcome.RowsWritten);   // statuses, tickets, transitions
        Assert.Equal(5, outcome.Requests);              // status, search, TEST-2 changelog twice, TEST-4 changelog
        var search = Assert.Single(harness.Server.Requests, r => r.Path == "/rest/api/3/search/jql");
        Assert.Equal(FirstJql, search.Query["jql"]);
        Assert.Equal("changelog", search.Query["expand"]);
        Assert.Equal("100", search.Query["maxResults"]);
        Assert.Equal("summary,issuetype,project,created,updated,resolutiondate,assignee,labels,priority,status", search.Query["fields"]);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot@example.com:secret")), search.Authorization);
        Assert.Equal(
            ["/rest/api/3/issue/TEST-2/changelog?startAt=0&maxResults=100", "/rest/api/3/issue/TEST-2/changelog?startAt=4&maxResults=100"],
            harness.Server.Requests.Where(r => r.Path == "/rest/api/3/issue/TEST-2/changelog").Select(r => r.PathAndQuery));
        AssertStored(harness);
        Assert.Equal("2024-07-04T05:41:00.075-07", harness.Cursors.Get("jira", "TEST", "issues"));
    }

    [Fact]
    public async Task An_unchanged_second_sync_asks_from_the_cursor_and_writes_the_same_rows()
    {
        await using var harness = await JiraHarness.StartAsync();
        RegisterCommon(harness.Server, 3);
        harness.Server.Get("/rest/api/3/search/jql", body: JiraHarness.IssuesPage("\"isLast\": true"));
        await harness.SyncAsync();
        harness.Server.ClearRequests();

        var outcome = await harness.SyncAsync();

        Assert.Equal(CursorJql, Assert.Single(harness.Server.Requests, r => r.Path == "/rest/api/3/search/jql").Query["jql"]);
        Assert.Equal(11, outcome.RowsWritten);
        AssertStored(harness);
        Assert.Equal("2024-07-04T05:41:00.075-07", harness.Cursors.Get("jira", "TEST", "issues"));
    }

    [Fact]
    public async Task Each_sync_takes_a_new_client_from_the_factory_so_rotated_handlers_and_DNS_changes_reach_it()
    {
        await using var harness = await JiraHarness.StartAsync();
        RegisterCommon(harness.Server, 3);
        harness.Server.Get("/rest/api/3/search/jql", body: JiraHarness.IssuesPage("\"isLast\": true"));
        Assert.Equal(0, harness.Clients.Created(CollectorHttpClients.Jira));

        await harness.SyncAsync();
        await harness.SyncAsync();

        Assert.Equal(2, harness.Clients.Created(CollectorHttpClients.Jira));
    }

    [Fact]
    public async Task Cloud_pages_follow_nextPageToken_and_a_bad_issue_is_rejected_without_stopping_the_sync()
    {
        await using var harness = await JiraHarness.StartAsync();
        RegisterCommon(harness.Server, 3);
        harness.Server.Get("/rest/api/3/search/jql", body: JiraHarness.IssuesPage("\"isLast\": false, \"nextPageToken\": \"page-2\""));
        harness.Server.Get("/rest/api/3/search/jql?nextPageToken=page-2", body: JiraHarness.Fixture("searchAndReconsileIssuesUsingJql.json"));

        await harness.SyncAsync();

        var searches = harness.Server.Requests.Where(r => r.Path == "/rest/api/3/search/jql").ToList();
        Assert.Equal([null, "page-2"], searches.Select(r => r.Query.GetValueOrDefault("nextPageToken")));
        Assert.All(searches, r => Assert.Equal(FirstJql, r.Query["jql"]));
        AssertStored(harness);
        using var connection = harness.Database.Open();
        // ED-1 (the Atlassian example) has neither an issue type nor a created date.
        Assert.Equal([("jira:ED-1", 0, "fields.issuetype.name is missing")],
            connection.Query<(string, int, string)>("SELECT source_file, line, reason FROM import_rejects"));
    }

    [Fact]
    public async Task Data_center_pages_by_startAt_with_a_bearer_token_and_ignores_the_ADF_description()
    {
        await using var harness = await JiraHarness.StartAsync(options =>
        {
            options.Flavor = "datacenter";
            options.Email = null;
            options.ApiToken = null;
            options.PersonalAccessToken = "pat-123";
        });
        RegisterCommon(harness.Server, 2);
        harness.Server.Get("/rest/api/2/search?startAt=0", body: JiraHarness.IssuesPage("\"startAt\": 0, \"maxResults\": 4, \"total\": 5"));
        harness.Server.Get("/rest/api/2/search?startAt=4", body: JiraHarness.Fixture("searchForIssuesUsingJql.json"));

        await harness.SyncAsync();

        var searches = harness.Server.Requests.Where(r => r.Path == "/rest/api/2/search").ToList();
        Assert.Equal(["0", "4"], searches.Select(r => r.Query["startAt"]));
        Assert.All(searches, r => Assert.Equal("Bearer pat-123", r.Authorization));
        Assert.DoesNotContain(harness.Server.Requests, r => r.Path.StartsWith("/rest/api/3", StringComparison.Ordinal));
        AssertStored(harness);
        using var connection = harness.Database.Open();
        Assert.Equal(["jira:ED-1"], connection.Query<string>("SELECT source_file FROM import_rejects"));
    }

    [Fact]
    public async Task An_incident_issue_is_written_as_an_incident()
    {
        await using var harness = await JiraHarness.StartAsync(options => options.IncidentIssueType = "Sub-task");
        RegisterCommon(harness.Server, 3);
        harness.Server.Get("/rest/api/3/search/jql", body: JiraHarness.IssuesPage("\"isLast\": true"));

        await harness.SyncAsync();

        using var connection = harness.Database.Open();
        // TEST-1 is the fixture's only Sub-task: opened at its creation, 05:40:59.251-0700, not resolved.
        Assert.Equal([("jira:TEST-1", "TEST", "2024-07-04 12:40:59.251", (string?)null, "Medium")],
            connection.Query<(string, string, string, string?, string)>("""
                SELECT id, service, strftime(timezone('UTC', opened_at), '%Y-%m-%d %H:%M:%S.%g'), resolved_at::VARCHAR, severity FROM incidents
                """));
    }

    private static void AssertStored(JiraHarness harness)
    {
        using var connection = harness.Database.Open();
        Assert.Equal(
            [
                "TEST-1 TEST Sub-task user@mail.com",
                "TEST-2 TEST Story user@mail.com",
                "TEST-3 TEST Story jane@mail.com",
                "TEST-4 TEST Story user@mail.com",
            ],
            connection.Query<string>("SELECT concat_ws(' ', key, project, type, assignee) FROM tickets ORDER BY key"));
        Assert.Equal(ExpectedTransitions, connection.Query<string>("""
            SELECT concat_ws(' ', key, seq, strftime(timezone('UTC', "at"), '%Y-%m-%d %H:%M:%S.%g'),
                             from_status, '->', to_status)
            FROM ticket_transitions ORDER BY key, seq
            """));
        Assert.Equal(["TEST Backlog new", "TEST Selected for Development indeterminate"],
            connection.Query<string>("SELECT concat_ws(' ', project, status, category) FROM ticket_statuses ORDER BY status"));
    }
}
