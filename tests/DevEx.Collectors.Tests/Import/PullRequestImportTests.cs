using DevEx.Collectors.Import;
using NodaTime;

namespace DevEx.Collectors.Tests.Import;

public sealed class PullRequestImportTests : IDisposable
{
    private const string WithChildren = """
        {"repo":"acme/api","number":7,"author":"dev@example.com","createdAt":"2026-02-02T09:00:00Z","commits":["c1","c2"],"reviewRequests":[{"reviewer":"alice","requestedAt":"2026-02-02T09:30:00Z"}],"reviews":[{"reviewer":"alice","state":"CHANGES_REQUESTED","submittedAt":"2026-02-02T11:00:00Z"},{"reviewer":"bob","state":"APPROVED","submittedAt":"2026-02-02T12:00:00+01:00"}]}
        """;

    private const string WithFewerReviews = """
        {"repo":"acme/api","number":7,"author":"dev@example.com","createdAt":"2026-02-02T09:00:00Z","commits":["c1","c2"],"reviewRequests":[{"reviewer":"alice","requestedAt":"2026-02-02T09:30:00Z"}],"reviews":[{"reviewer":"bob","state":"APPROVED","submittedAt":"2026-02-02T12:00:00+01:00"}]}
        """;

    private const string WithLovedReview = """
        {"repo":"acme/api","number":8,"author":"dev@example.com","createdAt":"2026-02-02T09:00:00Z","commits":["c3"],"reviewRequests":[{"reviewer":"carol","requestedAt":"2026-02-02T09:30:00Z"}],"reviews":[{"reviewer":"carol","state":"COMMENTED","submittedAt":"2026-02-02T10:00:00Z"},{"reviewer":"dave","state":"LOVED","submittedAt":"2026-02-02T10:30:00Z"}]}
        """;

    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    [Fact]
    public void Reviews_review_requests_and_commits_land_in_their_tables()
    {
        var summary = db.Import(ImportKind.PullRequests, WithChildren);

        Assert.Equal(1, summary.Imported);
        Assert.Equal(["c1", "c2"], db.Query<string>("SELECT sha FROM pull_request_commits WHERE repo = 'acme/api' AND number = 7 ORDER BY sha"));
        Assert.Equal([("alice", Utc(9, 30))], db.Query<(string, Instant)>("SELECT reviewer, requested_at FROM review_requests WHERE number = 7"));
        // bob's 12:00+01:00 is 11:00 UTC, the same moment as alice's review.
        Assert.Equal(
            [new Review("alice", "CHANGES_REQUESTED", Utc(11, 0)), new Review("bob", "APPROVED", Utc(11, 0))],
            db.Query<Review>("SELECT reviewer AS Reviewer, state AS State, submitted_at AS SubmittedAt FROM reviews WHERE number = 7 ORDER BY reviewer"));
    }

    [Fact]
    public void A_pull_request_with_one_bad_review_is_rejected_whole()
    {
        var summary = db.Import(ImportKind.PullRequests, WithChildren, WithLovedReview);

        Assert.Equal(1, summary.Imported);
        var reject = Assert.Single(summary.Rejects);
        Assert.Equal(2, reject.Line);
        Assert.Contains("'state'", reject.Reason);
        Assert.Contains("LOVED", reject.Reason);
        Assert.Equal(0, db.Scalar<long>("SELECT count(*) FROM pull_requests WHERE number = 8"));
        Assert.Equal(0, db.Scalar<long>("SELECT count(*) FROM reviews WHERE number = 8"));
        Assert.Equal(0, db.Scalar<long>("SELECT count(*) FROM review_requests WHERE number = 8"));
        Assert.Equal(0, db.Scalar<long>("SELECT count(*) FROM pull_request_commits WHERE number = 8"));
    }

    [Fact]
    public void Reimporting_with_fewer_reviews_removes_the_dropped_review()
    {
        db.Import(ImportKind.PullRequests, WithChildren);

        db.Import(ImportKind.PullRequests, WithFewerReviews);

        Assert.Equal(["bob"], db.Query<string>("SELECT reviewer FROM reviews WHERE number = 7"));
        Assert.Equal(1, db.Count("pull_requests"));
        Assert.Equal(2, db.Count("pull_request_commits"));
        Assert.Equal(1, db.Count("review_requests"));
    }

    private static Instant Utc(int hour, int minute) => Instant.FromUtc(2026, 2, 2, hour, minute);

    private sealed record Review(string Reviewer, string State, Instant SubmittedAt);
}
