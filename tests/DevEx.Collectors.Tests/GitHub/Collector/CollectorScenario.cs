using DevEx.Collectors.GitHub;
using DevEx.Collectors.Sync;
using DevEx.Collectors.Tests.GitHub.Http;
using DevEx.Store.State;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Collectors.Tests.GitHub.Collector;

/// <summary>
/// A small organisation on the fake GitHub server: acme/api (active) and acme/old (archived, so skipped). acme/api has
/// commits c1 ← c2 on main, pull request #1 (branch commit b1, squash-merged as c2, approved by bob; carol's review
/// is still pending, with submitted_at null), one completed CI run on b1, deployment 10 of c2 to production (success;
/// its payload holds non-string values, which Octokit's own reader throws on), no incidents and no collected file
/// (its root folder holds a README and src/). Every list answers
/// with an ETag.
/// </summary>
internal static class CollectorScenario
{
    public static void Register(FakeGitHubServer server)
    {
        server.Get("/orgs/acme/repos", body: """
            [{"id":1,"name":"api","full_name":"acme/api","default_branch":"main","archived":false,"fork":false,"owner":{"login":"acme"},"html_url":"https://github.com/acme/api"},
             {"id":2,"name":"old","full_name":"acme/old","default_branch":"main","archived":true,"fork":false,"owner":{"login":"acme"}}]
            """, etag: "\"repos\"");
        server.Get("/repos/acme/api/commits", body: """
            [{"sha":"c2","commit":{"author":{"name":"Ann","email":"ann@example.com","date":"2026-02-10T10:00:00Z"},"committer":{"name":"GitHub","email":"noreply@github.com","date":"2026-02-10T10:00:00Z"},"message":"Add search (#1)"},"author":{"login":"ann"},"parents":[{"sha":"c1"}]},
             {"sha":"c1","commit":{"author":{"name":"Ann","email":"ann@example.com","date":"2026-02-09T09:00:00Z"},"committer":{"name":"Ann","email":"ann@example.com","date":"2026-02-09T09:00:00Z"},"message":"Initial"},"author":{"login":"ann"},"parents":[]}]
            """, etag: "\"commits\"");
        server.Get("/repos/acme/api/pulls", body: """
            [{"id":101,"number":1,"state":"closed","title":"Add search","user":{"login":"ann"},"created_at":"2026-02-09T12:00:00Z","updated_at":"2026-02-10T10:05:00Z","closed_at":"2026-02-10T10:00:00Z","merged_at":"2026-02-10T10:00:00Z","merged":true,"merge_commit_sha":"c2","draft":false,"head":{"ref":"search","sha":"b1"},"base":{"ref":"main","sha":"c1"},"labels":[],"additions":10,"deletions":2,"html_url":"https://github.com/acme/api/pull/1"}]
            """, etag: "\"pulls\"");
        server.Get("/repos/acme/api/pulls/1/commits", body: """
            [{"sha":"b1","commit":{"author":{"name":"Ann","email":"ann@example.com","date":"2026-02-09T11:00:00Z"},"committer":{"name":"Ann","email":"ann@example.com","date":"2026-02-09T11:00:00Z"},"message":"Search"},"author":{"login":"ann"},"parents":[{"sha":"c1"}]}]
            """, etag: "\"pr1-commits\"");
        server.Get("/repos/acme/api/pulls/1/reviews", body: """
            [{"id":7,"user":{"login":"bob"},"state":"APPROVED","submitted_at":"2026-02-09T15:00:00Z","body":""},
             {"id":8,"user":{"login":"carol"},"state":"PENDING","submitted_at":null,"body":""}]
            """, etag: "\"pr1-reviews\"");
        server.Get("/repos/acme/api/issues/1/events", body: "[]", etag: "\"pr1-events\"");
        server.Get("/repos/acme/api/actions/runs", body: """
            {"total_count":1,"workflow_runs":[{"id":5,"name":"ci","head_sha":"b1","head_branch":"search","event":"pull_request","status":"completed","conclusion":"success","workflow_id":3,"run_attempt":1,"created_at":"2026-02-09T11:01:00Z","run_started_at":"2026-02-09T11:02:00Z","updated_at":"2026-02-09T11:10:00Z"}]}
            """, etag: "\"runs\"");
        server.Get("/repos/acme/api/deployments", body: """
            [{"id":10,"sha":"c2","ref":"main","environment":"production","created_at":"2026-02-10T11:00:00Z","updated_at":"2026-02-10T11:05:00Z","payload":{"replicas":3,"canary":true}}]
            """, etag: "\"deployments\"");
        server.Get("/repos/acme/api/deployments/10/statuses", body: """
            [{"id":100,"state":"success","environment":"production","created_at":"2026-02-10T11:05:00Z"}]
            """, etag: "\"statuses\"");
        server.Get("/repos/acme/api/issues", body: "[]", etag: "\"incidents\"");
        server.Get("/repos/acme/api/contents", body: """
            [{"type":"file","name":"README.md","path":"README.md","sha":"f1","size":8},{"type":"dir","name":"src","path":"src","sha":"t1","size":0}]
            """, etag: "\"root\"");
    }

    public static GitHubCollector Collector(GitHubHttpHarness harness)
    {
        harness.Options.Organizations.Add("acme");
        return Create(harness);
    }

    public static GitHubCollector Create(GitHubHttpHarness harness) =>
        new(harness.Options, harness.Files, harness.Client, harness.Stats, new GitHubRowWriter(harness.Database),
            new SyncStateStore(harness.Database, new FakeClock(Instant.FromDateTimeOffset(GitHubHttpHarness.Start))),
            new RawPayloadStore(harness.Database, harness.Options), harness.Database,
            new FakeClock(Instant.FromDateTimeOffset(GitHubHttpHarness.Start)));
}
