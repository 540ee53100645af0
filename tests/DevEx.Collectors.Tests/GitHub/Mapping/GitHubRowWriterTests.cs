using DevEx.Store.Writing;
using DevEx.Collectors.GitHub;
using DevEx.Collectors.GitHub.Mapping;
using DevEx.Collectors.Tests.Import;
using DevEx.Store.Rows;
using Octokit;
using static DevEx.Collectors.Tests.GitHub.Mapping.GitHubFixture;

namespace DevEx.Collectors.Tests.GitHub.Mapping;

public sealed class GitHubRowWriterTests : IDisposable
{
    private const string Repo = "octocat/Hello-World";
    private readonly ImportTestDatabase db = new();

    public void Dispose() => db.Dispose();

    private GitHubRowWriter Writer => new(db.Database);

    private static PullRequestRows CompletePullRequest(params PullRequestReview[] reviews) =>
        PullRequestMapper.Map(Repo, Read<PullRequest>("github/pulls.get.json"), Read<List<PullRequestCommit>>("github/repos.list-commits.json"),
            reviews, []);

    [Fact]
    public void A_complete_pull_request_replaces_its_children_and_a_webhook_update_keeps_them()
    {
        var approved = Assert.Single(Read<List<PullRequestReview>>("github/pulls.list-reviews.json"));
        var first = new SourceBatch();
        first.Add(CompletePullRequest(approved));
        first.Reviews.Add(new ReviewRow(Repo, 1347, "hubot", "COMMENTED", At("2019-11-16T10:00:00Z")));
        Writer.Write(first);
        Assert.Equal(2, db.Count("reviews"));

        // A webhook brings the pull request row and one new review: both stored reviews stay.
        var update = new SourceBatch();
        update.PullRequestUpdates.Add(PullRequestMapper.Map(Repo, Read<PullRequest>("github/pulls.get.json"), readyAt: null) with { Title = "Renamed" });
        update.Reviews.Add(new ReviewRow(Repo, 1347, "monalisa", "CHANGES_REQUESTED", At("2019-11-18T08:00:00Z")));
        Writer.Write(update);
        Assert.Equal(3, db.Count("reviews"));
        Assert.Equal("Renamed", db.Scalar<string>("SELECT title FROM pull_requests"));

        // A later poll brings the complete list (only the approval): it replaces the stored reviews.
        var poll = new SourceBatch();
        poll.Add(CompletePullRequest(approved));
        Writer.Write(poll);
        Assert.Equal([("octocat", "APPROVED")], db.Query<(string, string)>("SELECT reviewer, state FROM reviews"));
        Assert.Equal(1, db.Count("pull_requests"));
        Assert.Equal(1, db.Count("pull_request_commits"));
    }

    [Fact]
    public void A_provisional_commit_never_overwrites_a_stored_one()
    {
        var known = new CommitRow(Repo, "c2", ["c1", "m1"], "octocat", At("2024-01-01T10:00:00Z"), null, "Merge", "github");
        var batch = new SourceBatch();
        batch.Commits.Add(known);
        Writer.Write(batch);

        var push = new SourceBatch();
        push.ProvisionalCommits.Add(known with { Parents = ["m1"] });
        push.ProvisionalCommits.Add(new CommitRow(Repo, "c3", ["c2"], "octocat", At("2024-01-01T11:00:00Z"), null, "Next", "github"));
        Writer.Write(push);

        Assert.Equal([("c2", 2L), ("c3", 1L)], db.Query<(string, long)>("SELECT sha, len(parents) FROM commits ORDER BY sha"));
    }

    [Fact]
    public void An_issue_that_stops_being_an_incident_is_removed()
    {
        var incident = new IncidentRow("github:acme/shop#42", "shop", At("2024-05-01T10:00:00Z"), null, "Down", null, null, null, null, "github");
        var batch = new SourceBatch();
        batch.Incidents.Add(incident);
        Writer.Write(batch);
        Assert.Equal(1, db.Count("incidents"));

        var unlabeled = new SourceBatch();
        unlabeled.RemoveIncident(incident.Id);
        Writer.Write(unlabeled);

        Assert.Equal(0, db.Count("incidents"));
    }

    [Fact]
    public void Raw_payloads_older_than_the_retention_are_pruned()
    {
        var store = new RawPayloadStore(db.Database, new GitHubOptions { RawPayloadRetention = TimeSpan.FromDays(30) });
        store.Store("push", "delivery-1", "{}", At("2026-01-01T00:00:00Z"));
        store.Store("pull_request", "delivery-2", "{}", At("2026-01-31T00:00:01Z"));

        // now - 30 days = 2026-01-31T00:00:00Z: the first (Jan 1) is older, the second (one second later) is not.
        var pruned = store.Prune(At("2026-03-02T00:00:00Z"));

        Assert.Equal(1, pruned);
        Assert.Equal([("github", "pull_request", "delivery-2")], db.Query<(string, string, string)>("SELECT source, kind, key FROM raw_payloads"));
    }
}
