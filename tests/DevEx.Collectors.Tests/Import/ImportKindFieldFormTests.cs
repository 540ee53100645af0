using DevEx.Collectors.Import;
using NodaTime;

namespace DevEx.Collectors.Tests.Import;

/// <summary>One good line of each field form of IMPORT-FORMAT.md per kind, read back column by column.</summary>
public sealed class ImportKindFieldFormTests : IDisposable
{
    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    [Fact]
    public void Repositories_with_all_fields_and_with_only_the_key()
    {
        var summary = db.Import(ImportKind.Repositories,
            """{"repo":"acme/api","defaultBranch":"main","url":"https://git.example.com/acme/api","unknownField":1}""",
            """{"repo":"acme/web"}""");

        Assert.Equal((2, 0), (summary.Imported, summary.Rejected));
        Assert.Equal(
            [("acme/api", "main", "https://git.example.com/acme/api"), ("acme/web", null, null)],
            db.Query<(string, string?, string?)>("SELECT repo, default_branch, url FROM repositories ORDER BY repo"));
    }

    [Fact]
    public void Commits_with_empty_parents_and_with_two_parents()
    {
        var summary = db.Import(ImportKind.Commits,
            """{"repo":"acme/api","sha":"c1","parents":[],"author":"Dev@Example.com","authoredAt":"2026-02-02T09:00:00+02:00","committedAt":"2026-02-02T08:00:00Z","message":"first"}""",
            """{"repo":"acme/api","sha":"m1","parents":["c1","c2"],"author":"dev","authoredAt":"2026-02-02T10:00:00Z"}""");

        Assert.Equal((2, 0), (summary.Imported, summary.Rejected));
        Assert.Equal(
            [("c1", 0, "Dev@Example.com", "first"), ("m1", 2, "dev", null)],
            db.Query<(string, int, string, string?)>("SELECT sha, len(parents)::INTEGER, author, message FROM commits ORDER BY sha"));
        Assert.Equal(Utc(2, 7, 0), db.Scalar<Instant>("SELECT authored_at FROM commits WHERE sha = 'c1'"));
        Assert.Equal(Utc(2, 8, 0), db.Scalar<Instant>("SELECT committed_at FROM commits WHERE sha = 'c1'"));
        Assert.Null(db.Scalar<Instant?>("SELECT committed_at FROM commits WHERE sha = 'm1'"));
        Assert.Equal("c1,c2", db.Scalar<string>("SELECT array_to_string(parents, ',') FROM commits WHERE sha = 'm1'"));
    }

    [Fact]
    public void Commits_without_parents_are_rejected_because_parents_is_required()
    {
        var summary = db.Import(ImportKind.Commits,
            """{"repo":"acme/api","sha":"c1","author":"dev","authoredAt":"2026-02-02T09:00:00Z"}""");

        Assert.Contains("'parents'", Assert.Single(summary.Rejects).Reason);
    }

    [Fact]
    public void A_pull_request_with_every_field()
    {
        var summary = db.Import(ImportKind.PullRequests,
            """{"repo":"acme/api","number":12,"author":"dev","createdAt":"2026-02-02T09:00:00Z","readyAt":"2026-02-02T10:00:00Z","mergedAt":"2026-02-03T09:00:00Z","closedAt":"2026-02-03T09:00:00Z","mergeCommitSha":"m12","headBranch":"feature/x","baseBranch":"main","title":"Add x","labels":["hotfix","backend"],"additions":40,"deletions":2}""",
            """{"repo":"acme/api","number":13,"author":"dev","createdAt":"2026-02-02T09:00:00Z"}""");

        Assert.Equal((2, 0), (summary.Imported, summary.Rejected));
        var full = db.Query<PullRequest>("""
            SELECT number AS Number, merge_commit_sha AS MergeCommitSha, head_branch AS HeadBranch, base_branch AS BaseBranch,
                   title AS Title, array_to_string(labels, ',') AS Labels, additions AS Additions, deletions AS Deletions
            FROM pull_requests ORDER BY number
            """);
        Assert.Equal(
            [new PullRequest(12, "m12", "feature/x", "main", "Add x", "hotfix,backend", 40, 2), new PullRequest(13, null, null, null, null, "", null, null)],
            full);
        Assert.Equal(Utc(2, 10, 0), db.Scalar<Instant>("SELECT ready_at FROM pull_requests WHERE number = 12"));
        Assert.Equal(Utc(3, 9, 0), db.Scalar<Instant>("SELECT merged_at FROM pull_requests WHERE number = 12"));
        Assert.Equal(Utc(3, 9, 0), db.Scalar<Instant>("SELECT closed_at FROM pull_requests WHERE number = 12"));
        Assert.Null(db.Scalar<Instant?>("SELECT merged_at FROM pull_requests WHERE number = 13"));
    }

    [Fact]
    public void A_draft_pull_request_says_so_and_others_are_not_drafts()
    {
        var summary = db.Import(ImportKind.PullRequests,
            """{"repo":"acme/api","number":20,"author":"dev","createdAt":"2026-02-02T09:00:00Z","draft":true}""",
            """{"repo":"acme/api","number":21,"author":"dev","createdAt":"2026-02-02T09:00:00Z"}""",
            """{"repo":"acme/api","number":22,"author":"dev","createdAt":"2026-02-02T09:00:00Z","draft":"yes"}""");

        Assert.Equal((2, 1), (summary.Imported, summary.Rejected));
        Assert.Contains("'draft'", Assert.Single(summary.Rejects).Reason);
        Assert.True(db.Scalar<bool>("SELECT draft FROM pull_requests WHERE number = 20"));
        Assert.False(db.Scalar<bool>("SELECT draft FROM pull_requests WHERE number = 21"));
    }

    [Fact]
    public void Pipeline_runs_finished_and_still_running()
    {
        var summary = db.Import(ImportKind.PipelineRuns,
            """{"repo":"acme/api","id":"r1","workflow":"ci","sha":"c1","branch":"main","event":"push","createdAt":"2026-02-02T09:00:00Z","startedAt":"2026-02-02T09:01:00Z","completedAt":"2026-02-02T09:11:00Z","conclusion":"success","attempt":2}""",
            """{"repo":"acme/api","id":"r2","workflow":"ci","sha":"c2","createdAt":"2026-02-02T10:00:00Z","conclusion":null}""");

        Assert.Equal((2, 0), (summary.Imported, summary.Rejected));
        Assert.Equal(
            [("r1", "main", "push", "success", 2), ("r2", null, null, null, 1)],
            db.Query<(string, string?, string?, string?, int)>("SELECT id, branch, event, conclusion, attempt FROM pipeline_runs ORDER BY id"));
        Assert.Equal(Utc(2, 9, 11), db.Scalar<Instant>("SELECT completed_at FROM pipeline_runs WHERE id = 'r1'"));
        Assert.Null(db.Scalar<Instant?>("SELECT completed_at FROM pipeline_runs WHERE id = 'r2'"));
    }

    [Fact]
    public void Deployments_with_and_without_the_optional_fields()
    {
        var summary = db.Import(ImportKind.Deployments,
            """{"id":"d1","service":"api","repo":"acme/api","environment":"production","sha":"c1","createdAt":"2026-02-02T09:00:00Z","finishedAt":"2026-02-02T09:20:00Z","status":"success"}""",
            """{"id":"d2","service":"api","environment":"staging","sha":"c2","finishedAt":"2026-02-02T10:00:00Z","status":"cancelled"}""");

        Assert.Equal((2, 0), (summary.Imported, summary.Rejected));
        Assert.Equal(
            [("d1", "api", "acme/api", "production", "c1", "success"), ("d2", "api", null, "staging", "c2", "cancelled")],
            db.Query<(string, string, string?, string, string, string)>("SELECT id, service, repo, environment, sha, status FROM deployments ORDER BY id"));
        Assert.Equal(Utc(2, 9, 0), db.Scalar<Instant>("SELECT created_at FROM deployments WHERE id = 'd1'"));
        Assert.Null(db.Scalar<Instant?>("SELECT created_at FROM deployments WHERE id = 'd2'"));
    }

    [Fact]
    public void Incidents_with_each_caused_by_form()
    {
        var summary = db.Import(ImportKind.Incidents,
            """{"id":"i1","service":"api","openedAt":"2026-02-02T09:00:00Z","resolvedAt":"2026-02-02T11:00:00Z","title":"Down","severity":"sev1","causedBy":{"deployment":"d1"}}""",
            """{"id":"i2","service":"api","openedAt":"2026-02-02T09:00:00Z","causedBy":{"sha":"c1"}}""",
            """{"id":"i3","service":"api","openedAt":"2026-02-02T09:00:00Z","causedBy":{"pr":"acme/api#12"}}""",
            """{"id":"i4","service":"api","openedAt":"2026-02-02T09:00:00Z"}""");

        Assert.Equal((4, 0), (summary.Imported, summary.Rejected));
        Assert.Equal(
            [("i1", "d1", null, null), ("i2", null, "c1", null), ("i3", null, null, "acme/api#12"), ("i4", null, null, null)],
            db.Query<(string, string?, string?, string?)>("SELECT id, caused_by_deployment, caused_by_sha, caused_by_pr FROM incidents ORDER BY id"));
        Assert.Equal(("Down", "sev1"), db.Query<(string, string)>("SELECT title, severity FROM incidents WHERE id = 'i1'").Single());
        Assert.Equal(Utc(2, 11, 0), db.Scalar<Instant>("SELECT resolved_at FROM incidents WHERE id = 'i1'"));
    }

    [Fact]
    public void Incidents_say_whether_a_change_caused_them_and_old_lines_leave_it_unknown()
    {
        var summary = db.Import(ImportKind.Incidents,
            """{"id":"i1","service":"api","openedAt":"2026-02-02T09:00:00Z","causedByChange":false}""",
            """{"id":"i2","service":"api","openedAt":"2026-02-02T09:00:00Z","causedByChange":false,"causedByChangeReason":"provider outage"}""",
            """{"id":"i3","service":"api","openedAt":"2026-02-02T09:00:00Z","causedByChange":true}""",
            """{"id":"i4","service":"api","openedAt":"2026-02-02T09:00:00Z"}""",
            """{"id":"i5","service":"api","openedAt":"2026-02-02T09:00:00Z","causedByChange":false,"causedBy":{"sha":"c1"}}""",
            """{"id":"i6","service":"api","openedAt":"2026-02-02T09:00:00Z","causedByChange":"no"}""");

        Assert.Equal((4, 2), (summary.Imported, summary.Rejected));
        Assert.Equal(
            [("i1", false, "import field"), ("i2", false, "import field: provider outage"), ("i3", true, "import field"), ("i4", null, null)],
            db.Query<(string, bool?, string?)>("SELECT id, caused_by_change, caused_by_change_reason FROM incidents ORDER BY id"));
        Assert.Equal(["field 'causedByChange' is false but 'causedBy' names a cause", "field 'causedByChange' must be true or false, got \"no\""],
            summary.Rejects.Select(r => r.Reason).Order());
    }

    [Fact]
    public void An_incident_caused_by_a_malformed_pull_request_reference_is_rejected()
    {
        var summary = db.Import(ImportKind.Incidents,
            """{"id":"i1","service":"api","openedAt":"2026-02-02T09:00:00Z","causedBy":{"pr":"not-a-ref"}}""");

        Assert.Equal((0, 1), (summary.Imported, summary.Rejected));
        var reason = Assert.Single(summary.Rejects).Reason;
        Assert.Contains("causedBy.pr", reason);
        Assert.Contains("not-a-ref", reason);
        Assert.Equal(0, db.Count("incidents"));
    }

    private static Instant Utc(int day, int hour, int minute) => Instant.FromUtc(2026, 2, day, hour, minute);

    private sealed record PullRequest(
        int Number, string? MergeCommitSha, string? HeadBranch, string? BaseBranch, string? Title, string Labels, int? Additions, int? Deletions);
}
