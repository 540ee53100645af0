using Dapper;
using DevEx.Analytics.Derivations;
using DevEx.Store;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// Two teams over ISO week 2026-W07 (Mon 02-09 to Sun 02-15, the window "now") and W06 (02-02 to 02-08, the previous
/// period), for the Overview, Pull requests and CI, Tickets, Meetings and Data quality pages. Every team works in UTC,
/// Mon-Fri 09:00-17:00, and every span below lies inside those hours on a weekday, so working hours equal wall-clock
/// hours (CI included). Clock: Wed 2026-02-18 12:00 UTC. Each page test works its figures out from these lines.
///
/// Team alpha ("Alpha", service alpha-api, repo acme/alpha; people a1..a5) and beta ("Beta", beta-api, acme/beta).
/// Pull requests (author dev, reviews by rev: a COMMENTED first review, then an APPROVED one):
///   alpha#1 W07: commit a1 Mon 09:00, ready Mon 10:00, review Mon 13:00, approved 15:00, merged 16:00:
///                coding 1, pickup 3, review 2, merge wait 1.
///   alpha#2 W07: commit a2 Tue 09:00, ready 10:00, review 15:00, approved 16:00, merged 17:00: coding 1, pickup 5, review 1, merge 1.
///   beta#1  W07: commit b1 Wed 09:00, ready 10:00, review 11:00, approved 12:00, merged 13:00: coding 1, pickup 1, review 1, merge 1.
///   alpha#3 W06: commit a3 Mon 02-02 09:00, ready 10:00, review 11:00, approved 12:00, merged 13:00: pickup 1, review 1, merge 1.
///   alpha#4 W05 (01-26): ready 11:00 but reviewed at 10:00, so its pickup is clamped to 0 (one clamped span).
///   beta#2: opened and ready Mon 02-16 09:00, no review: waiting 51 h at the clock (Wed 12:00).
///   No deployments: no deploy wait.
/// CI runs (created, started, completed): alpha "build" on a1 Mon 09:10, 09:16, 09:40 (queue 0.1 h, run 0.4 h);
///   on a2 Tue 09:10, 09:22, 10:04 failure (0.2, 0.7) and its re-run, attempt 2, 10:10, 10:16, 10:40 (0.1, 0.4);
///   beta "test" on b1 Wed 09:10, 09:16, 09:28 (0.1, 0.2). Per pull request: alpha#1 0.1 + 0.4 = 0.5 h; alpha#2 queue
///   0.3, run 1.1, 1.4 h; beta#1 0.1 + 0.2 = 0.3 h. One more line is rejected (no workflow, no createdAt): line 5.
/// Tickets of beta (Doing = active; In Review and Blocked = wait, by the default rules):
///   BETA-1 Doing Thu 02-12 09:00, In Review 10:00, Done 14:00: cycle 5 h, active 1, wait 4.
///   BETA-2 Doing Fri 02-13 09:00, Blocked 10:00, Doing 12:00, Done 13:00: cycle 4, active 2, wait 2, blocked 2.
///   BETA-3 Doing Fri 02-13 14:00, not done: in progress at the window's end.
/// Calendars (4 attendees, accepted): a1..a3 meet Mon 02-02 09-10 (W06) and Mon 02-09 09-11 (W07); a4 and a5 only
///   Mon 02-09 09-11. So W07 has 5 people with calendars (2 h each, 10 h) and W06 only 3: withheld (MinCohort 5).
/// </summary>
internal static class FlowScenario
{
    public static readonly Instant Now = Instant.FromUtc(2026, 2, 18, 12, 0);

    /// <summary>The window W07 and, for trends, W06 before it.</summary>
    public const string Week = "from=2026-02-09&to=2026-02-16";

    public const string PreviousWeek = "from=2026-02-02&to=2026-02-09";

    public const string JiraSite = "https://jira.example.com";

    public static string Catalog(string betaName = "Beta") => $"""
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: alpha
        spec:
          type: team
          children: []
          profile:
            displayName: Alpha
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: beta
        spec:
          type: team
          children: []
          profile:
            displayName: {betaName}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: alpha-api
          annotations:
            github.com/project-slug: acme/alpha
        spec:
          type: service
          lifecycle: production
          owner: group:default/alpha
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: beta-api
          annotations:
            github.com/project-slug: acme/beta
        spec:
          type: service
          lifecycle: production
          owner: group:default/beta
        {Users("alpha", "a1", "a2", "a3", "a4", "a5")}
        """;

    /// <summary>Catalog User entities, each a member of <paramref name="team"/>, each after its own <c>---</c>.</summary>
    public static string Users(string team, params string[] people) => string.Concat(people.Select(p => $"""

        ---
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata:
          name: {p}
        spec:
          memberOf: [{team}]
        """));

    private const string Commits = """
        {"repo":"acme/alpha","sha":"a3","parents":[],"author":"dev@example.com","authoredAt":"2026-02-02T09:00:00Z"}
        {"repo":"acme/alpha","sha":"a1","parents":["a3"],"author":"dev@example.com","authoredAt":"2026-02-09T09:00:00Z"}
        {"repo":"acme/alpha","sha":"a2","parents":["a1"],"author":"dev@example.com","authoredAt":"2026-02-10T09:00:00Z"}
        {"repo":"acme/beta","sha":"b1","parents":[],"author":"dev@example.com","authoredAt":"2026-02-11T09:00:00Z"}
        """;

    private static string Reviewed(string review, string approved) =>
        $$"""[{"reviewer":"rev","state":"COMMENTED","submittedAt":"{{review}}"},{"reviewer":"rev","state":"APPROVED","submittedAt":"{{approved}}"}]""";

    private static readonly string PullRequests = string.Join('\n',
        $$"""{"repo":"acme/alpha","number":3,"author":"dev","createdAt":"2026-02-02T10:00:00Z","mergedAt":"2026-02-02T13:00:00Z","closedAt":"2026-02-02T13:00:00Z","title":"Retry budget","commits":["a3"],"url":"https://github.com/acme/alpha/pull/3","reviews":{{Reviewed("2026-02-02T11:00:00Z", "2026-02-02T12:00:00Z")}}}""",
        $$"""{"repo":"acme/alpha","number":1,"author":"dev","createdAt":"2026-02-09T10:00:00Z","mergedAt":"2026-02-09T16:00:00Z","closedAt":"2026-02-09T16:00:00Z","title":"Search endpoint","commits":["a1"],"url":"https://github.com/acme/alpha/pull/1","reviews":{{Reviewed("2026-02-09T13:00:00Z", "2026-02-09T15:00:00Z")}}}""",
        $$"""{"repo":"acme/alpha","number":2,"author":"dev","createdAt":"2026-02-10T10:00:00Z","mergedAt":"2026-02-10T17:00:00Z","closedAt":"2026-02-10T17:00:00Z","title":"Search paging","commits":["a2"],"url":"https://github.com/acme/alpha/pull/2","reviews":{{Reviewed("2026-02-10T15:00:00Z", "2026-02-10T16:00:00Z")}}}""",
        $$"""{"repo":"acme/beta","number":1,"author":"dev","createdAt":"2026-02-11T10:00:00Z","mergedAt":"2026-02-11T13:00:00Z","closedAt":"2026-02-11T13:00:00Z","title":"Cache keys","commits":["b1"],"url":"https://github.com/acme/beta/pull/1","reviews":{{Reviewed("2026-02-11T11:00:00Z", "2026-02-11T12:00:00Z")}}}""",
        $$"""{"repo":"acme/alpha","number":4,"author":"dev","createdAt":"2026-01-26T09:00:00Z","readyAt":"2026-01-26T11:00:00Z","mergedAt":"2026-01-26T13:00:00Z","closedAt":"2026-01-26T13:00:00Z","title":"Draft reviewed early","url":"https://github.com/acme/alpha/pull/4","reviews":{{Reviewed("2026-01-26T10:00:00Z", "2026-01-26T12:00:00Z")}}}""",
        """{"repo":"acme/beta","number":2,"author":"dev","createdAt":"2026-02-16T09:00:00Z","readyAt":"2026-02-16T09:00:00Z","title":"Cache headers","url":"https://github.com/acme/beta/pull/2"}""");

    private const string PipelineRuns = """
        {"repo":"acme/alpha","id":"r-a1","workflow":"build","sha":"a1","createdAt":"2026-02-09T09:10:00Z","startedAt":"2026-02-09T09:16:00Z","completedAt":"2026-02-09T09:40:00Z","conclusion":"success","attempt":1}
        {"repo":"acme/alpha","id":"r-a2","workflow":"build","sha":"a2","createdAt":"2026-02-10T09:10:00Z","startedAt":"2026-02-10T09:22:00Z","completedAt":"2026-02-10T10:04:00Z","conclusion":"failure","attempt":1}
        {"repo":"acme/alpha","id":"r-a2b","workflow":"build","sha":"a2","createdAt":"2026-02-10T10:10:00Z","startedAt":"2026-02-10T10:16:00Z","completedAt":"2026-02-10T10:40:00Z","conclusion":"success","attempt":2}
        {"repo":"acme/beta","id":"r-b1","workflow":"test","sha":"b1","createdAt":"2026-02-11T09:10:00Z","startedAt":"2026-02-11T09:16:00Z","completedAt":"2026-02-11T09:28:00Z","conclusion":"success","attempt":1}
        {"repo":"acme/alpha","id":"r-bad","sha":"a1"}
        """;

    private const string Tickets = """
        {"key":"BETA-1","project":"BETA","type":"Story","createdAt":"2026-02-12T08:00:00Z","resolvedAt":"2026-02-12T14:00:00Z","title":"Cache invalidation","team":"beta","transitions":[{"at":"2026-02-12T09:00:00Z","from":"To Do","to":"Doing"},{"at":"2026-02-12T10:00:00Z","from":"Doing","to":"In Review"},{"at":"2026-02-12T14:00:00Z","from":"In Review","to":"Done"}]}
        {"key":"BETA-2","project":"BETA","type":"Bug","createdAt":"2026-02-13T08:00:00Z","resolvedAt":"2026-02-13T13:00:00Z","title":"Stale entries","team":"beta","transitions":[{"at":"2026-02-13T09:00:00Z","from":"To Do","to":"Doing"},{"at":"2026-02-13T10:00:00Z","from":"Doing","to":"Blocked"},{"at":"2026-02-13T12:00:00Z","from":"Blocked","to":"Doing"},{"at":"2026-02-13T13:00:00Z","from":"Doing","to":"Done"}]}
        {"key":"BETA-3","project":"BETA","type":"Story","createdAt":"2026-02-13T08:00:00Z","title":"Cache metrics","team":"beta","transitions":[{"at":"2026-02-13T14:00:00Z","from":"To Do","to":"Doing"}]}
        """;

    /// <summary>A factory for the scenario: the clock, and a Jira site so ticket keys link to it.</summary>
    public static DevExAppFactory Factory()
    {
        var factory = new DevExAppFactory(Now);
        factory.Settings["DevEx:Jira:BaseUrl"] = JiraSite;
        return factory;
    }

    public static async Task LoadAsync(DevExAppFactory factory, HttpClient client)
    {
        foreach (var (kind, body) in new[]
                 {
                     ("catalog", Catalog()), ("commits", Commits), ("pull-requests", PullRequests), ("pipeline-runs", PipelineRuns), ("tickets", Tickets),
                 })
        {
            var response = await client.PostAsync($"/api/v1/import/{kind}", new StringContent(body));
            response.EnsureSuccessStatusCode();
        }
        foreach (var person in new[] { "a1", "a2", "a3" })
        {
            Meeting(factory, person, "2026-02-02", 9, 10);
        }
        foreach (var person in new[] { "a1", "a2", "a3", "a4", "a5" })
        {
            Meeting(factory, person, "2026-02-09", 9, 11);
        }
        factory.Services.GetRequiredService<DerivationRunner>().Run();
    }

    /// <summary>An accepted meeting of 4 attendees in <paramref name="person"/>'s calendar on a day, whole hours UTC (derive after).</summary>
    public static void Meeting(DevExAppFactory factory, string person, string day, int from, int to)
    {
        using var connection = factory.Services.GetRequiredService<DuckDbDatabase>().Open();
        connection.Execute("""
            INSERT INTO calendar_occurrences (id, person_id, start_at, end_at, attendee_count, response, is_recurring, is_organizer,
                is_all_day, is_transparent, is_cancelled)
            VALUES ($id, $person, CAST($start AS TIMESTAMPTZ), CAST($end AS TIMESTAMPTZ), 4, 'accepted', false, false, false, false, false)
            """, new { id = $"{person}-{day}", person, start = $"{day} {from:00}:00:00+00", end = $"{day} {to:00}:00:00+00" });
    }
}
