namespace DevEx.Server.Tests.Api;

/// <summary>
/// The worked example of docs/metrics.md in the import format, with time offsets other than Z (k1 and D1 in +01:00,
/// r1 in -05:00): the instants are the example's.
/// </summary>
internal static class WorkedExampleImport
{
    public const string Catalog = """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: core
          annotations:
            devex.dev/timezone: UTC
        spec:
          type: team
          children: []
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
        {"repo":"acme/api","sha":"k1","parents":[],"author":"dev@example.com","authoredAt":"2026-02-02T09:00:00+01:00"}
        {"repo":"acme/api","sha":"k2","parents":["k1"],"author":"dev@example.com","authoredAt":"2026-02-02T10:00:00Z"}
        {"repo":"acme/api","sha":"r1","parents":["k2"],"author":"dev@example.com","authoredAt":"2026-02-02T06:00:00-05:00"}
        {"repo":"acme/api","sha":"r2","parents":["r1"],"author":"dev@example.com","authoredAt":"2026-02-02T15:00:00Z"}
        {"repo":"acme/api","sha":"s7","parents":["k2"],"author":"dev@example.com","authoredAt":"2026-02-03T09:00:00Z"}
        {"repo":"acme/api","sha":"k3","parents":["s7"],"author":"dev@example.com","authoredAt":"2026-02-03T12:00:00Z","message":"Revert \"Add search\""}
        """;

    public const string PullRequests = """
        {"repo":"acme/api","number":7,"author":"dev","createdAt":"2026-02-02T11:30:00Z","mergedAt":"2026-02-03T09:00:00Z","mergeCommitSha":"s7","title":"Search endpoint","commits":["r1","r2"]}
        """;

    public const string Deployments = """
        {"id":"D1","service":"api","repo":"acme/api","environment":"production","sha":"k1","finishedAt":"2026-02-02T10:00:00+01:00","status":"success"}
        {"id":"D2","service":"api","repo":"acme/api","environment":"production","sha":"s7","finishedAt":"2026-02-03T10:00:00Z","status":"success"}
        {"id":"D3","service":"api","repo":"acme/api","environment":"production","sha":"k3","finishedAt":"2026-02-03T14:00:00Z","status":"success"}
        {"id":"D4","service":"api","repo":"acme/api","environment":"production","sha":"s7","finishedAt":"2026-02-03T15:00:00Z","status":"success"}
        """;

    public const string Incidents = """
        {"id":"I1","service":"api","openedAt":"2026-02-03T14:30:00Z","resolvedAt":"2026-02-03T16:00:00Z"}
        """;

    public static async Task LoadAsync(HttpClient client)
    {
        foreach (var (kind, body) in new[] { ("catalog", Catalog), ("commits", Commits), ("pull-requests", PullRequests), ("deployments", Deployments), ("incidents", Incidents) })
        {
            var response = await client.PostAsync($"/api/v1/import/{kind}", new StringContent(body));
            response.EnsureSuccessStatusCode();
        }
    }
}
