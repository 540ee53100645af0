using Dapper;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Store.Tests.Writing;

public sealed class SourceBatchTests : IDisposable
{
    private static readonly Instant Nine = Instant.FromUtc(2026, 2, 2, 9, 0);

    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void A_complete_pull_request_replaces_its_reviews_and_an_update_adds_to_them()
    {
        var first = new SourceBatch();
        first.PullRequests.Add(PullRequest(7));
        first.Reviews.AddRange([Review(7, "ana"), Review(7, "ben")]);
        first.Write(temporary.Database);

        // A webhook: the pull request alone plus the one review it is about.
        var update = new SourceBatch();
        update.PullRequestUpdates.Add(PullRequest(7));
        update.Reviews.Add(Review(7, "cem"));
        update.Write(temporary.Database);
        Assert.Equal(["ana", "ben", "cem"], Reviewers());

        // A REST poll: the complete list, without ben's (dismissed) review.
        var poll = new SourceBatch();
        poll.PullRequests.Add(PullRequest(7));
        poll.Reviews.AddRange([Review(7, "ana"), Review(7, "cem")]);
        poll.Write(temporary.Database);
        Assert.Equal(["ana", "cem"], Reviewers());
    }

    [Fact]
    public void Deployments_owned_by_a_prefix_delete_the_stored_ones_they_no_longer_name()
    {
        var first = new SourceBatch { DeploymentsOwnedByPrefix = "git:acme/api:" };
        first.Deployments.AddRange([Deployment("git:acme/api:v1"), Deployment("git:acme/api:v2"), Deployment("gh:acme/api:9")]);
        first.Write(temporary.Database);

        var second = new SourceBatch { DeploymentsOwnedByPrefix = "git:acme/api:" };
        second.Deployments.Add(Deployment("git:acme/api:v2"));
        second.Write(temporary.Database);

        // v1 went; the deployment another source wrote (gh:) is not under the prefix and stays.
        Assert.Equal(["git:acme/api:v1"], second.DeletedDeployments);
        Assert.Equal(["gh:acme/api:9", "git:acme/api:v2"], Ids("deployments"));
    }

    [Fact]
    public void An_incident_removal_with_a_source_spares_another_sources_row_of_that_id()
    {
        var stored = new SourceBatch();
        stored.Incidents.AddRange([Incident("jira:OPS-1", "jira"), Incident("jira:OPS-2", "import:incidents"), Incident("gh:1", "github")]);
        stored.Write(temporary.Database);

        var removals = new SourceBatch();
        removals.RemovedIncidents.AddRange([new IncidentRemoval("jira:OPS-1", "jira"), new IncidentRemoval("jira:OPS-2", "jira"), new IncidentRemoval("gh:1")]);
        var written = removals.Write(temporary.Database);

        Assert.Equal(3, written);
        Assert.Equal(["jira:OPS-2"], Ids("incidents"));
    }

    [Fact]
    public void A_provisional_commit_never_overwrites_a_stored_one()
    {
        var rest = new SourceBatch();
        rest.Commits.Add(Commit("a2", ["a1"]));
        rest.Write(temporary.Database);

        var push = new SourceBatch();
        push.ProvisionalCommits.AddRange([Commit("a2", ["guess"]), Commit("a3", ["a2"])]);
        push.Write(temporary.Database);

        using var connection = temporary.Database.Open();
        var parents = connection.Query<(string, string)>("SELECT sha, parents[1] FROM commits ORDER BY sha").ToList();
        Assert.Equal([("a2", "a1"), ("a3", "a2")], parents);
    }

    [Fact]
    public void Rolling_back_to_a_mark_drops_only_what_came_after_it()
    {
        var batch = new SourceBatch();
        batch.PullRequests.Add(PullRequest(1));
        batch.Reviews.Add(Review(1, "ana"));
        var mark = batch.Mark();
        batch.PullRequests.Add(PullRequest(2));
        batch.Reviews.AddRange([Review(2, "ben"), Review(2, "cem")]);

        batch.Rollback(mark);

        Assert.Equal([1], batch.PullRequests.Select(p => p.Number));
        Assert.Equal(["ana"], batch.Reviews.Select(r => r.Reviewer));
        Assert.Equal(1, batch.RecordCount);
        Assert.Equal(2, batch.RowCount);
    }

    private static PullRequestRow PullRequest(int number) =>
        new("acme/api", number, "dee", Nine, null, null, null, null, "feature", "main", "t", [], null, null, null, "test");

    private static ReviewRow Review(int number, string reviewer) => new("acme/api", number, reviewer, "APPROVED", Nine);

    private static DeploymentRow Deployment(string id) => new(id, "api", "acme/api", "production", "abc123", null, Nine, "success", "test");

    private static IncidentRow Incident(string id, string source) => new(id, "api", Nine, null, null, null, null, null, null, source);

    private static CommitRow Commit(string sha, IReadOnlyList<string> parents) => new("acme/api", sha, parents, "dee", Nine, null, null, "test");

    private List<string> Reviewers()
    {
        using var connection = temporary.Database.Open();
        return connection.Query<string>("SELECT reviewer FROM reviews ORDER BY reviewer").ToList();
    }

    private List<string> Ids(string table)
    {
        using var connection = temporary.Database.Open();
        return connection.Query<string>($"SELECT id FROM {table} ORDER BY id").ToList();
    }
}
