using DevEx.Collectors.Import;
using NodaTime;

namespace DevEx.Collectors.Tests.Import;

/// <summary>
/// Seeding timing: every instant moves by 7 days and nothing may lie after the cut-off, Tue 2026-02-10 00:00 UTC.
/// Written times are in the week of Mon 2026-02-02, so they land in the week of Mon 2026-02-09.
/// </summary>
public sealed class ImportTimingTests : IDisposable
{
    private static readonly ImportTiming OneWeekLater = new(Duration.FromDays(7), Instant.FromUtc(2026, 2, 10, 0, 0));

    // Shifted: authored Mon 02-09 09:00 (kept) and Tue 02-10 12:00 (after the cut-off).
    private const string EarlyCommit = """{"repo":"acme/api","sha":"early","parents":[],"author":"dev","authoredAt":"2026-02-02T09:00:00Z"}""";
    private const string LateCommit = """{"repo":"acme/api","sha":"late","parents":[],"author":"dev","authoredAt":"2026-02-03T12:00:00Z"}""";

    // Shifted: created Mon 02-09 10:00, reviewed 11:00 (kept) and Tue 02-10 08:00 (dropped), merged Tue 02-10 09:00 (future).
    private const string PullRequest = """
        {"repo":"acme/api","number":1,"author":"dev","createdAt":"2026-02-02T10:00:00Z","mergedAt":"2026-02-03T09:00:00Z","reviews":[{"reviewer":"alice","state":"COMMENTED","submittedAt":"2026-02-02T11:00:00Z"},{"reviewer":"bob","state":"APPROVED","submittedAt":"2026-02-03T08:00:00Z"}]}
        """;

    // Shifted: created Mon 02-09 09:00, started 09:05, completed Tue 02-10 01:00 (future).
    private const string PipelineRun = """
        {"repo":"acme/api","id":"r1","workflow":"ci","sha":"early","createdAt":"2026-02-02T09:00:00Z","startedAt":"2026-02-02T09:05:00Z","completedAt":"2026-02-03T01:00:00Z","conclusion":"success"}
        """;

    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    [Fact]
    public void Timestamps_move_by_exactly_the_shift()
    {
        db.Import(ImportKind.Commits, EarlyCommit, OneWeekLater);

        Assert.Equal(Instant.FromUtc(2026, 2, 9, 9, 0), db.Scalar<Instant>("SELECT authored_at FROM commits WHERE sha = 'early'"));
    }

    [Fact]
    public void A_commit_authored_after_the_cutoff_is_skipped_not_rejected()
    {
        var summary = db.Import(ImportKind.Commits, EarlyCommit + "\n" + LateCommit, OneWeekLater);

        Assert.Equal((1, 0, 1), (summary.Imported, summary.Rejected, summary.Skipped));
        Assert.Equal(["early"], db.Query<string>("SELECT sha FROM commits"));
        Assert.Equal(0, db.Count("import_rejects"));
    }

    [Fact]
    public void A_pull_request_that_leaves_draft_after_the_cutoff_is_a_draft()
    {
        // Shifted: created Mon 02-09 10:00, ready for review Tue 02-10 09:00 (after the cut-off): still a draft now.
        // The second, ready Mon 02-09 12:00, is not.
        const string draft = """{"repo":"acme/api","number":2,"author":"dev","createdAt":"2026-02-02T10:00:00Z","readyAt":"2026-02-03T09:00:00Z"}""";
        const string ready = """{"repo":"acme/api","number":3,"author":"dev","createdAt":"2026-02-02T10:00:00Z","readyAt":"2026-02-02T12:00:00Z"}""";
        db.Import(ImportKind.PullRequests, draft + "\n" + ready, OneWeekLater);

        Assert.Equal([(2, true), (3, false)], db.Query<(int, bool)>("SELECT number, draft FROM pull_requests ORDER BY number"));
        Assert.Null(db.Scalar<Instant?>("SELECT ready_at FROM pull_requests WHERE number = 2"));
    }

    [Fact]
    public void A_pull_request_merged_after_the_cutoff_is_imported_unmerged_without_later_reviews()
    {
        var summary = db.Import(ImportKind.PullRequests, PullRequest, OneWeekLater);

        Assert.Equal(1, summary.Imported);
        Assert.Equal(Instant.FromUtc(2026, 2, 9, 10, 0), db.Scalar<Instant>("SELECT created_at FROM pull_requests"));
        Assert.Null(db.Scalar<Instant?>("SELECT merged_at FROM pull_requests"));
        Assert.Equal(["alice"], db.Query<string>("SELECT reviewer FROM reviews"));
        Assert.Equal(Instant.FromUtc(2026, 2, 9, 11, 0), db.Scalar<Instant>("SELECT submitted_at FROM reviews"));
    }

    [Fact]
    public void A_pipeline_run_completed_after_the_cutoff_is_still_running()
    {
        db.Import(ImportKind.PipelineRuns, PipelineRun, OneWeekLater);

        Assert.Equal(Instant.FromUtc(2026, 2, 9, 9, 5), db.Scalar<Instant>("SELECT started_at FROM pipeline_runs"));
        Assert.Null(db.Scalar<Instant?>("SELECT completed_at FROM pipeline_runs"));
        Assert.Null(db.Scalar<string?>("SELECT conclusion FROM pipeline_runs"));
    }

    [Fact]
    public void Without_a_timing_nothing_moves_and_nothing_is_cut_off()
    {
        var commits = db.Import(ImportKind.Commits, EarlyCommit + "\n" + LateCommit);
        db.Import(ImportKind.PullRequests, PullRequest);
        db.Import(ImportKind.PipelineRuns, PipelineRun);

        Assert.Equal((2, 0), (commits.Imported, commits.Skipped));
        Assert.Equal(Instant.FromUtc(2026, 2, 3, 12, 0), db.Scalar<Instant>("SELECT authored_at FROM commits WHERE sha = 'late'"));
        Assert.Equal(Instant.FromUtc(2026, 2, 3, 9, 0), db.Scalar<Instant>("SELECT merged_at FROM pull_requests"));
        Assert.Equal(["alice", "bob"], db.Query<string>("SELECT reviewer FROM reviews ORDER BY reviewer"));
        Assert.Equal(Instant.FromUtc(2026, 2, 3, 1, 0), db.Scalar<Instant>("SELECT completed_at FROM pipeline_runs"));
        Assert.Equal("success", db.Scalar<string>("SELECT conclusion FROM pipeline_runs"));
    }
}
