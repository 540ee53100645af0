using System.Text.Json;
using System.Text.Json.Nodes;
using DevEx.Collectors.Jira;
using DevEx.Store.Rows;
using NodaTime;

namespace DevEx.Collectors.Tests.Jira;

/// <summary>issues.json and the changelog payloads through <see cref="JiraMapper"/>; expected values read off the files by hand.</summary>
public sealed class JiraMapperTests
{
    private static JiraMapper Mapper(Action<JiraOptions>? configure = null)
    {
        var options = new JiraOptions();
        options.TeamByProject["TEST"] = "team-a";
        configure?.Invoke(options);
        return new JiraMapper(options);
    }

    [Fact]
    public void An_issue_becomes_a_ticket_with_instants_from_minus_0700_offsets()
    {
        var rows = Mapper().Map(JiraHarness.Issue("TEST-1")).Rows!;

        Assert.Equal(
            new TicketRow("TEST-1", "TEST", "Sub-task", Instant.FromUtc(2024, 7, 4, 12, 40, 59) + Duration.FromMilliseconds(251), null,
                "Jira test issue", "user@mail.com", "team-a", rows.Ticket.Labels, "jira"),
            rows.Ticket);
        Assert.Empty(rows.Ticket.Labels);
        Assert.Null(rows.Incident);
        // 05:41:00.089-0700 is 12:41:00.089 UTC; only the status item of the three histories is a transition.
        Assert.Equal(
            [new TicketTransitionRow("TEST-1", 0, Instant.FromUtc(2024, 7, 4, 12, 41, 0) + Duration.FromMilliseconds(89), "Backlog", "Selected for Development")],
            rows.Transitions);
    }

    [Fact]
    public void Histories_sent_newest_first_come_out_oldest_first()
    {
        var changes = JiraMapper.Changes(JiraHarness.Issue("TEST-3").GetProperty("changelog").GetProperty("histories").EnumerateArray());

        Assert.Equal(
            [
                ("Rank", Instant.FromUtc(2021, 9, 17, 7, 10, 10) + Duration.FromMilliseconds(696)),
                ("Story Points", Instant.FromUtc(2024, 3, 8, 17, 31, 19) + Duration.FromMilliseconds(491)),
                ("status", Instant.FromUtc(2024, 3, 8, 17, 52, 41) + Duration.FromMilliseconds(851)),
                ("Sprint", Instant.FromUtc(2024, 3, 8, 17, 59, 28) + Duration.FromMilliseconds(180)),
            ],
            changes.Select(c => (c.Field, c.At)));
        var rows = Mapper().Map(JiraHarness.Issue("TEST-3")).Rows!;
        Assert.Equal([new TicketTransitionRow("TEST-3", 0, Instant.FromUtc(2024, 3, 8, 17, 52, 41) + Duration.FromMilliseconds(851), "QA", "To Do")],
            rows.Transitions);
        Assert.Equal("jane@mail.com", rows.Ticket.Assignee);
        Assert.Equal(Instant.FromUtc(2021, 9, 16, 22, 42, 13) + Duration.FromMilliseconds(869), rows.Ticket.CreatedAt);
    }

    [Fact]
    public void Histories_at_the_same_instant_keep_their_id_order_and_repeated_ids_count_once()
    {
        var histories = JiraHarness.Issue("TEST-1").GetProperty("changelog").GetProperty("histories").EnumerateArray().ToList();

        var changes = JiraMapper.Changes([.. histories, .. histories]);

        // 123347 and 123348 were both written at 05:40:59.361-0700; 123350 a moment later.
        Assert.Equal(["123347", "123348", "123350"], changes.Select(c => c.HistoryId));
        Assert.Equal(["IssueParentAssociation", "issuetype", "status"], changes.Select(c => c.Field));
        Assert.Single(Mapper().Map(JiraHarness.Issue("TEST-1"), [.. histories, .. histories]).Rows!.Transitions);
    }

    [Fact]
    public void Issues_sharing_an_id_stay_two_tickets_keyed_by_key()
    {
        var issues = JsonDocument.Parse(JiraHarness.Fixture("issues.json")).RootElement.EnumerateArray().ToList();

        var keys = issues.Select(i => Mapper().Map(i).Rows!.Ticket.Key).ToList();

        Assert.Equal(["12345", "12346", "12333", "12333"], issues.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(["TEST-1", "TEST-2", "TEST-3", "TEST-4"], keys);
    }

    [Fact]
    public void A_changelog_holding_fewer_histories_than_its_total_is_truncated()
    {
        Assert.True(JiraMapper.HasTruncatedChangelog(JiraHarness.Issue("TEST-2")));   // total 2, no histories
        Assert.False(JiraMapper.HasTruncatedChangelog(JiraHarness.Issue("TEST-1")));  // total 3, 3 histories
        Assert.True(JiraMapper.HasTruncatedChangelog(JiraHarness.Issue("TEST-4")));   // total 2, 1 history
    }

    [Fact]
    public void Changelog_pages_are_read_with_plus_0000_offsets()
    {
        var values = JsonDocument.Parse(JiraHarness.Fixture("getChangeLogs.json")).RootElement.GetProperty("values").EnumerateArray();

        var changes = JiraMapper.Changes(values);

        Assert.Equal(
            [
                new JiraChange("10001", Instant.FromUtc(1970, 1, 18, 6, 27, 50) + Duration.FromMilliseconds(429), "fields", null, "label-1"),
                new JiraChange("10002", Instant.FromUtc(1970, 1, 18, 6, 27, 51) + Duration.FromMilliseconds(429), "fields", "label-1", "label-1 label-2"),
            ],
            changes);
    }

    [Fact]
    public void Bulk_changelog_timestamps_are_epoch_milliseconds()
    {
        var histories = JsonDocument.Parse(JiraHarness.Fixture("getBulkChangelogs.json")).RootElement
            .GetProperty("issueChangeLogs")[0].GetProperty("changeHistories").EnumerateArray();

        var changes = JiraMapper.Changes(histories);

        // 1492070429 ms = 17 days + 6 h 27 min 50.429 s after the epoch; the next is 1000 ms later.
        Assert.Equal(
            [
                new JiraChange("10001", Instant.FromUtc(1970, 1, 18, 6, 27, 50) + Duration.FromMilliseconds(429), "fields", "old summary", "new summary"),
                new JiraChange("10002", Instant.FromUtc(1970, 1, 18, 6, 27, 51) + Duration.FromMilliseconds(429), "fields", "old summary 2", "new summary 2"),
            ],
            changes);
    }

    [Fact]
    public void An_issue_of_type_Incident_becomes_an_incident_with_the_service_of_its_label()
    {
        var issue = JiraHarness.EditedIssue("TEST-1", node =>
        {
            var fields = node["fields"]!.AsObject();
            fields["issuetype"]!["name"] = "Incident";
            fields["labels"] = new JsonArray("sev2", "service:checkout");
            fields["resolutiondate"] = "2024-07-04T06:11:00.000-0700";
        });

        var rows = Mapper().Map(issue).Rows!;

        Assert.Equal(
            new IncidentRow("jira:TEST-1", "checkout", Instant.FromUtc(2024, 7, 4, 12, 40, 59) + Duration.FromMilliseconds(251),
                Instant.FromUtc(2024, 7, 4, 13, 11, 0), "Jira test issue", "Medium", null, null, null, "jira"),
            rows.Incident);
        Assert.Equal(Instant.FromUtc(2024, 7, 4, 13, 11, 0), rows.Ticket.ResolvedAt);
    }

    [Fact]
    public void An_incident_without_a_service_label_belongs_to_its_project_and_a_label_can_mark_one()
    {
        var byType = JiraHarness.EditedIssue("TEST-3", node => node["fields"]!["issuetype"]!["name"] = "incident");
        var byLabel = JiraHarness.EditedIssue("TEST-4", node => node["fields"]!["labels"] = new JsonArray("outage"));

        Assert.Equal("TEST", Mapper().Map(byType).Rows!.Incident!.Service);
        Assert.Null(Mapper().Map(byLabel).Rows!.Incident);
        Assert.Equal("jira:TEST-4", Mapper(o => o.IncidentLabel = "outage").Map(byLabel).Rows!.Incident!.Id);
    }

    [Fact]
    public void A_label_or_the_root_cause_field_says_no_change_caused_an_incident()
    {
        var byLabel = JiraHarness.EditedIssue("TEST-1", node =>
        {
            node["fields"]!["issuetype"]!["name"] = "Incident";
            node["fields"]!["labels"] = new JsonArray("not-caused-by-change");
        });
        var byField = JiraHarness.EditedIssue("TEST-3", node =>
        {
            node["fields"]!["issuetype"]!["name"] = "Incident";
            node["fields"]!.AsObject()["customfield_10060"] = new JsonObject { ["value"] = "Infrastructure" };
        });
        var otherValue = JiraHarness.EditedIssue("TEST-4", node =>
        {
            node["fields"]!["issuetype"]!["name"] = "Incident";
            node["fields"]!.AsObject()["customfield_10060"] = new JsonArray(new JsonObject { ["value"] = "Code change" });
        });
        var mapper = Mapper(o => o.NotCausedByChangeField = "customfield_10060");

        var label = mapper.Map(byLabel).Rows!.Incident!;
        Assert.Equal((false, "label not-caused-by-change"), (label.CausedByChange, label.CausedByChangeReason));
        var field = mapper.Map(byField).Rows!.Incident!;
        Assert.Equal((false, "field customfield_10060 = Infrastructure"), (field.CausedByChange, field.CausedByChangeReason));
        Assert.Null(mapper.Map(otherValue).Rows!.Incident!.CausedByChange);
        // Without the field mapping the field is not read.
        Assert.Null(Mapper().Map(byField).Rows!.Incident!.CausedByChange);
    }

    [Fact]
    public void An_issue_without_type_or_created_is_rejected_with_a_reason()
    {
        var search = JsonDocument.Parse(JiraHarness.Fixture("searchForIssuesUsingJql.json")).RootElement.GetProperty("issues")[0];
        var noKey = JiraHarness.EditedIssue("TEST-1", node => node.Remove("key"));
        var noCreated = JiraHarness.EditedIssue("TEST-1", node => node["fields"]!.AsObject().Remove("created"));

        Assert.Equal(new JiraMapResult("ED-1", null, "fields.issuetype.name is missing"), Mapper().Map(search));
        Assert.Equal(new JiraMapResult("id:12345", null, "issue has no key"), Mapper().Map(noKey));
        Assert.Equal(new JiraMapResult("TEST-1", null, "fields.created is missing or unreadable"), Mapper().Map(noCreated));
    }

    [Fact]
    public void Statuses_keep_their_category_and_team_managed_ones_apply_to_their_project_only()
    {
        var statuses = JsonDocument.Parse("""
            [
              { "id": "1", "name": "To Do", "statusCategory": { "id": 2, "key": "new", "name": "To Do" } },
              { "id": "3", "name": "In Progress", "statusCategory": { "id": 4, "key": "indeterminate", "name": "In Progress" } },
              { "id": "10002", "name": "Done", "statusCategory": { "id": 3, "key": "done" }, "scope": { "type": "PROJECT", "project": { "id": "10000" } } },
              { "id": "9", "name": "Broken" }
            ]
            """).RootElement.EnumerateArray().Select(JiraMapper.Status).OfType<JiraStatus>().ToList();

        Assert.Equal(
            [new JiraStatus("To Do", "new", null), new JiraStatus("In Progress", "indeterminate", null), new JiraStatus("Done", "done", "10000")],
            statuses);
        Assert.Equal(["To Do", "In Progress"], statuses.Where(s => s.AppliesTo("12345")).Select(s => s.Name));
        Assert.Equal(3, statuses.Count(s => s.AppliesTo("10000")));
        Assert.Equal(new TicketStatusRow("jira", "TEST", "Done", "done"), statuses[2].Row("TEST"));
        Assert.Equal("12345", Mapper().Map(JiraHarness.Issue("TEST-1")).Rows!.ProjectId);
    }
}
