using Dapper;
using DevEx.Collectors.Tests.GitHub.Http;

namespace DevEx.Collectors.Tests.GitHub.Collector;

public sealed class GitHubCollectorTests
{
    private static readonly string[] Tables =
        ["repositories", "commits", "pull_requests", "pull_request_commits", "reviews", "pipeline_runs", "deployments", "incidents"];

    [Fact]
    public async Task First_sync_writes_the_organisations_history_into_the_core_tables()
    {
        await using var harness = await GitHubHttpHarness.StartAsync();
        CollectorScenario.Register(harness.Server);
        var outcome = await CollectorScenario.Collector(harness).RunAsync(new Progress<string>(), CancellationToken.None);

        using var connection = harness.Database.Open();
        Assert.Equal(["acme/api"], connection.Query<string>("SELECT repo FROM repositories"));           // acme/old is archived
        Assert.Equal(["b1", "c1", "c2"], connection.Query<string>("SELECT sha FROM commits ORDER BY sha")); // main + the PR's branch commit
        Assert.Equal(["c1"], connection.Query<string>("SELECT unnest(parents) FROM commits WHERE sha = 'c2'"));
        var pull = connection.QuerySingle<(int Number, string Author, string MergeSha)>("SELECT number, author, merge_commit_sha FROM pull_requests");
        Assert.Equal((1, "ann", "c2"), pull);
        Assert.Equal(("bob", "APPROVED"), connection.QuerySingle<(string, string)>("SELECT reviewer, state FROM reviews"));
        Assert.Equal(("5-1", "success"), connection.QuerySingle<(string, string)>("SELECT id, conclusion FROM pipeline_runs"));
        Assert.Equal(("github:acme/api:10", "c2", "success"), connection.QuerySingle<(string, string, string)>("SELECT id, sha, status FROM deployments"));
        // 1 repository + 2 commits + PR (row, 1 commit row, 1 PR-commit link, 1 review) + 1 run + 1 deployment.
        Assert.Equal(9, outcome.RowsWritten);
        // What GitHub sent is kept: one raw page per list of acme/api (per-item lists are not kept).
        Assert.Equal(["commits", "deployments", "incidents", "pulls", "runs"], connection.Query<string>("SELECT kind FROM raw_payloads ORDER BY kind"));
        Assert.Equal(0, outcome.NotModified);
    }

    [Fact]
    public async Task An_unchanged_resync_sends_only_conditional_list_requests_and_writes_nothing()
    {
        await using var harness = await GitHubHttpHarness.StartAsync();
        CollectorScenario.Register(harness.Server);
        var collector = CollectorScenario.Collector(harness);
        await collector.RunAsync(new Progress<string>(), CancellationToken.None);
        var before = Snapshot(harness);
        harness.Server.ClearRequests();

        var outcome = await collector.RunAsync(new Progress<string>(), CancellationToken.None);

        // One request per list: the org's repositories, then commits, pulls, runs, deployments, incidents and the root
        // folder of acme/api.
        var requests = harness.Server.Requests;
        Assert.Equal(7, requests.Count);
        Assert.All(requests, r => Assert.NotNull(r.IfNoneMatch));
        Assert.All(requests, r => Assert.Equal(304, r.Status));
        Assert.DoesNotContain(requests, r => r.Path.Contains("/pulls/1/", StringComparison.Ordinal));
        Assert.Equal((7L, 7L, 0L), (outcome.Requests, outcome.NotModified, outcome.RowsWritten));
        Assert.Equal(before, Snapshot(harness));
    }

    [Fact]
    public async Task A_sync_cancelled_half_way_then_resumed_ends_with_the_rows_of_one_clean_sync()
    {
        await using var clean = await GitHubHttpHarness.StartAsync();
        CollectorScenario.Register(clean.Server);
        await CollectorScenario.Collector(clean).RunAsync(new Progress<string>(), CancellationToken.None);

        await using var harness = await GitHubHttpHarness.StartAsync();
        CollectorScenario.Register(harness.Server);
        using var cancel = new CancellationTokenSource();
        // Cancel while the deployments are being read: commits, pulls and runs are written by then, deployments not.
        harness.Server.Map("GET", "/repos/acme/api/deployments/10/statuses", _ =>
        {
            cancel.Cancel();
            return new Fake.FakeResponse(200, "[]");
        });
        var collector = CollectorScenario.Collector(harness);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collector.RunAsync(new Progress<string>(), cancel.Token));
        Assert.Equal(0, harness.Database.Open().ExecuteScalar<long>("SELECT count(*) FROM deployments"));

        CollectorScenario.Register(harness.Server); // the statuses answer normally again
        await collector.RunAsync(new Progress<string>(), CancellationToken.None);

        Assert.Equal(Snapshot(clean), Snapshot(harness));
    }

    [Fact]
    public async Task A_re_run_workflow_brings_each_of_its_attempts()
    {
        await using var harness = await GitHubHttpHarness.StartAsync();
        CollectorScenario.Register(harness.Server);
        // Run 6 was re-run: the list shows attempt 2 (success); attempt 1 (failure) is read by its own URL.
        harness.Server.Get("/repos/acme/api/actions/runs", body: """
            {"total_count":1,"workflow_runs":[{"id":6,"name":"ci","head_sha":"b1","event":"pull_request","status":"completed","conclusion":"success","workflow_id":3,"run_attempt":2,"created_at":"2026-02-09T11:01:00Z","run_started_at":"2026-02-09T11:30:00Z","updated_at":"2026-02-09T11:40:00Z"}]}
            """, etag: "\"runs-2\"");
        harness.Server.Get("/repos/acme/api/actions/runs/6/attempts/1", body: """
            {"id":6,"name":"ci","head_sha":"b1","event":"pull_request","status":"completed","conclusion":"failure","workflow_id":3,"run_attempt":1,"created_at":"2026-02-09T11:01:00Z","run_started_at":"2026-02-09T11:02:00Z","updated_at":"2026-02-09T11:10:00Z"}
            """);
        await CollectorScenario.Collector(harness).RunAsync(new Progress<string>(), CancellationToken.None);
        var attempts = harness.Database.Open().Query<(string Id, int Attempt, string Conclusion)>(
            "SELECT id, attempt, conclusion FROM pipeline_runs ORDER BY attempt").ToList();
        Assert.Equal([("6-1", 1, "failure"), ("6-2", 2, "success")], attempts);
    }

    [Fact]
    public async Task Issues_become_tickets_with_status_transitions_when_configured()
    {
        await using var harness = await GitHubHttpHarness.StartAsync(o => o.IssuesAsTickets = true);
        CollectorScenario.Register(harness.Server);
        harness.Server.Get("/repos/acme/api/issues?labels=incident", body: "[]");
        harness.Server.Get("/repos/acme/api/issues", body: """
            [{"id":30,"number":3,"title":"Search is slow","state":"closed","user":{"login":"ann"},"labels":[{"name":"bug"}],
              "created_at":"2026-02-02T09:00:00Z","updated_at":"2026-02-05T09:00:00Z","closed_at":"2026-02-05T09:00:00Z"},
             {"id":31,"number":1,"title":"Add search","state":"closed","user":{"login":"ann"},"labels":[],"pull_request":{"url":"x"},
              "created_at":"2026-02-09T12:00:00Z","updated_at":"2026-02-10T10:05:00Z"}]
            """);
        harness.Server.Get("/repos/acme/api/issues/3/events", body: """
            [{"id":1,"event":"labeled","label":{"name":"status: In review"},"created_at":"2026-02-03T10:00:00Z"},
             {"id":2,"event":"unlabeled","label":{"name":"status: In review"},"created_at":"2026-02-04T09:00:00Z"},
             {"id":3,"event":"closed","created_at":"2026-02-04T12:00:00Z"},
             {"id":4,"event":"reopened","created_at":"2026-02-04T13:00:00Z"},
             {"id":5,"event":"labeled","label":{"name":"bug"},"created_at":"2026-02-04T14:00:00Z"},
             {"id":6,"event":"closed","created_at":"2026-02-05T09:00:00Z"}]
            """);
        await CollectorScenario.Collector(harness).RunAsync(new Progress<string>(), CancellationToken.None);

        using var connection = harness.Database.Open();
        // Only the issue: #1 is a pull request.
        Assert.Equal(("acme/api#3", "acme/api", "Bug"), connection.QuerySingle<(string, string, string)>("SELECT key, project, type FROM tickets"));
        var transitions = connection.Query<(int Seq, string From, string To)>("SELECT seq, from_status, to_status FROM ticket_transitions ORDER BY seq").ToList();
        // labeled status → In review; unlabeled → Open; closed; reopened → Open; "bug" is no status; closed.
        Assert.Equal([(0, "Open", "In review"), (1, "In review", "Open"), (2, "Open", "Closed"), (3, "Closed", "Open"), (4, "Open", "Closed")], transitions);
        Assert.Equal([("Closed", "done"), ("In review", "indeterminate"), ("Open", "new")],
            connection.Query<(string, string)>("SELECT status, category FROM ticket_statuses ORDER BY status").ToList());
    }

    [Fact]
    public async Task A_user_account_is_read_when_the_organisation_does_not_exist()
    {
        await using var harness = await GitHubHttpHarness.StartAsync();
        CollectorScenario.Register(harness.Server);
        harness.Server.Get("/orgs/ann/repos", status: 404, body: """{"message":"Not Found"}""");
        harness.Server.Get("/users/ann/repos", body: """
            [{"id":1,"name":"api","full_name":"acme/api","default_branch":"main","archived":false,"fork":false,"owner":{"login":"acme"}}]
            """);
        harness.Options.Organizations.Add("ann");
        await CollectorScenario.Create(harness).RunAsync(new Progress<string>(), CancellationToken.None);
        Assert.Equal(["acme/api"], harness.Database.Open().Query<string>("SELECT repo FROM repositories"));
    }

    private static string Snapshot(GitHubHttpHarness harness)
    {
        using var connection = harness.Database.Open();
        return string.Join("\n", Tables.Select(table =>
            table + ": " + string.Join(" | ", connection.Query<string>($"SELECT CAST(t AS VARCHAR) FROM (SELECT * FROM {table} ORDER BY ALL) t"))));
    }
}
