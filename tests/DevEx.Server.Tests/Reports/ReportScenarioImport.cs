namespace DevEx.Server.Tests.Reports;

/// <summary>
/// Team "core" owning service api (acme/api) over ISO week 2026-W06 and the week before, in the import format; the
/// same rows as the report tests' scenario (tests/DevEx.Reports.Tests/Weekly/ScenarioWeek.cs), where each expected
/// value is worked out. W06: deployments D2..D5 (4, on Tue, Wed, Fri, Fri), lead times 24, 30, 44 and 1 h (median 27),
/// D4 failed by incident I1 (fail rate 1/4, restored in 2 h, recovered by D5 in 2 h); PR #12 merged; open at the end
/// #10 and #11 (commented), #13 a draft; CI workflows ci (3 runs, one failed, one re-run) and e2e (1 run, 30 min queue,
/// 60 min run); tickets CORE-1 (blocked Tue..Thu, done Fri), CORE-2 (blocked from Fri 12:00), CORE-3 (blocked in W04).
/// W05: D0 and D1 (2), lead time 24 h; PR #9 merged.
/// </summary>
internal static class ReportScenarioImport
{
    public static string Catalog(string zone) => $"""
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: core
          annotations:
            devex.dev/timezone: {zone}
        spec:
          type: team
          children: []
          profile:
            displayName: Core
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: api
          annotations:
            github.com/project-slug: acme/api
        spec:
          type: service
          lifecycle: production
          owner: group:default/core
        """;

    public const string Commits = """
        {"repo":"acme/api","sha":"c0","parents":[],"author":"dev@example.com","authoredAt":"2026-01-26T08:00:00Z"}
        {"repo":"acme/api","sha":"c1","parents":["c0"],"author":"dev@example.com","authoredAt":"2026-01-28T09:00:00Z"}
        {"repo":"acme/api","sha":"c2","parents":["c1"],"author":"dev@example.com","authoredAt":"2026-02-02T09:00:00Z"}
        {"repo":"acme/api","sha":"c3","parents":["c2"],"author":"dev@example.com","authoredAt":"2026-02-03T10:00:00Z"}
        {"repo":"acme/api","sha":"c4","parents":["c3"],"author":"dev@example.com","authoredAt":"2026-02-04T12:00:00Z"}
        {"repo":"acme/api","sha":"c5","parents":["c4"],"author":"dev@example.com","authoredAt":"2026-02-06T09:00:00Z"}
        """;

    public const string PullRequests = """
        {"repo":"acme/api","number":9,"author":"dev","createdAt":"2026-01-28T10:00:00Z","mergedAt":"2026-01-28T16:00:00Z","closedAt":"2026-01-28T16:00:00Z","mergeCommitSha":"c1","title":"Rate limits","commits":["c1"],"reviews":[{"reviewer":"rev","state":"APPROVED","submittedAt":"2026-01-28T15:00:00Z"}]}
        {"repo":"acme/api","number":12,"author":"dev","createdAt":"2026-02-03T10:30:00Z","mergedAt":"2026-02-04T14:00:00Z","closedAt":"2026-02-04T14:00:00Z","mergeCommitSha":"c3","title":"Search endpoint","commits":["c3"],"reviews":[{"reviewer":"rev","state":"APPROVED","submittedAt":"2026-02-04T12:00:00Z"}]}
        {"repo":"acme/api","number":10,"author":"dev","createdAt":"2026-02-02T10:00:00Z","title":"Cache headers"}
        {"repo":"acme/api","number":11,"author":"dev","createdAt":"2026-02-05T12:00:00Z","title":"Retry budget","reviews":[{"reviewer":"rev","state":"COMMENTED","submittedAt":"2026-02-06T09:00:00Z"}]}
        {"repo":"acme/api","number":13,"author":"dev","createdAt":"2026-02-02T08:00:00Z","title":"Spike: new index","draft":true}
        """;

    public const string PipelineRuns = """
        {"repo":"acme/api","id":"r1","workflow":"ci","sha":"c2","createdAt":"2026-02-02T09:00:00Z","startedAt":"2026-02-02T09:01:00Z","completedAt":"2026-02-02T09:11:00Z","conclusion":"success","attempt":1}
        {"repo":"acme/api","id":"r2","workflow":"ci","sha":"c3","createdAt":"2026-02-03T10:00:00Z","startedAt":"2026-02-03T10:02:00Z","completedAt":"2026-02-03T10:12:00Z","conclusion":"failure","attempt":1}
        {"repo":"acme/api","id":"r3","workflow":"ci","sha":"c3","createdAt":"2026-02-03T10:20:00Z","startedAt":"2026-02-03T10:21:00Z","completedAt":"2026-02-03T10:31:00Z","conclusion":"success","attempt":2}
        {"repo":"acme/api","id":"e1","workflow":"e2e","sha":"c4","createdAt":"2026-02-04T09:00:00Z","startedAt":"2026-02-04T09:30:00Z","completedAt":"2026-02-04T10:30:00Z","conclusion":"success","attempt":1}
        """;

    public const string Deployments = """
        {"id":"D0","service":"api","repo":"acme/api","environment":"production","sha":"c0","finishedAt":"2026-01-26T10:00:00Z","status":"success"}
        {"id":"D1","service":"api","repo":"acme/api","environment":"production","sha":"c1","finishedAt":"2026-01-29T09:00:00Z","status":"success"}
        {"id":"D2","service":"api","repo":"acme/api","environment":"production","sha":"c2","finishedAt":"2026-02-03T09:00:00Z","status":"success"}
        {"id":"D3","service":"api","repo":"acme/api","environment":"production","sha":"c3","finishedAt":"2026-02-04T16:00:00Z","status":"success"}
        {"id":"D4","service":"api","repo":"acme/api","environment":"production","sha":"c4","finishedAt":"2026-02-06T08:00:00Z","status":"success"}
        {"id":"D5","service":"api","repo":"acme/api","environment":"production","sha":"c5","finishedAt":"2026-02-06T10:00:00Z","status":"success"}
        """;

    public const string Incidents = """
        {"id":"I1","service":"api","openedAt":"2026-02-06T08:30:00Z","resolvedAt":"2026-02-06T10:30:00Z","causedBy":{"deployment":"D4"}}
        """;

    public const string Tickets = """
        {"key":"CORE-1","project":"CORE","type":"story","createdAt":"2026-01-26T09:00:00Z","title":"Ticket CORE-1","team":"core","transitions":[{"at":"2026-02-02T09:00:00Z","from":"To Do","to":"In Progress"},{"at":"2026-02-03T09:00:00Z","from":"In Progress","to":"Blocked"},{"at":"2026-02-05T09:00:00Z","from":"Blocked","to":"In Progress"},{"at":"2026-02-06T09:00:00Z","from":"In Progress","to":"Done"}]}
        {"key":"CORE-2","project":"CORE","type":"story","createdAt":"2026-01-26T09:00:00Z","title":"Ticket CORE-2","team":"core","transitions":[{"at":"2026-02-05T09:00:00Z","from":"To Do","to":"In Progress"},{"at":"2026-02-06T12:00:00Z","from":"In Progress","to":"Blocked"}]}
        {"key":"CORE-3","project":"CORE","type":"story","createdAt":"2026-01-12T09:00:00Z","title":"Ticket CORE-3","team":"core","transitions":[{"at":"2026-01-19T09:00:00Z","from":"To Do","to":"In Progress"},{"at":"2026-01-20T09:00:00Z","from":"In Progress","to":"Blocked"},{"at":"2026-01-22T09:00:00Z","from":"Blocked","to":"Done"}]}
        """;

    /// <summary>Each import kind with its NDJSON file name and body (the catalog comes first).</summary>
    public static IReadOnlyList<(string Kind, string File, string Body)> Files(string zone) =>
    [
        ("catalog", "catalog/core.yaml", Catalog(zone)), ("commits", "commits.ndjson", Commits), ("pull-requests", "pull_requests.ndjson", PullRequests),
        ("pipeline-runs", "pipeline_runs.ndjson", PipelineRuns), ("deployments", "deployments.ndjson", Deployments),
        ("incidents", "incidents.ndjson", Incidents), ("tickets", "tickets.ndjson", Tickets),
    ];

    public static async Task LoadAsync(HttpClient client, string zone = "UTC")
    {
        foreach (var (kind, _, body) in Files(zone))
        {
            var response = await client.PostAsync($"/api/v1/import/{kind}", new StringContent(body));
            response.EnsureSuccessStatusCode();
        }
    }
}
