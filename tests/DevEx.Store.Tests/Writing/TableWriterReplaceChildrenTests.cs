using Dapper;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Store.Tests.Writing;

public sealed class TableWriterReplaceChildrenTests : IDisposable
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 2, 2, 9, 0);

    private readonly TemporaryDatabase temporary = TemporaryDatabase.Migrated();

    public TableWriterReplaceChildrenTests()
    {
        Replace([PullRequest(1), PullRequest(2)],
        [
            Review(1, "alice", "CHANGES_REQUESTED", 1), Review(1, "bob", "COMMENTED", 2), Review(2, "carol", "APPROVED", 3),
        ]);
    }

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void Replacing_a_parents_children_removes_those_absent_from_the_new_batch()
    {
        Replace([PullRequest(1)], [Review(1, "alice", "APPROVED", 4)]);

        Assert.Equal(
            [(1, "alice", "APPROVED"), (2, "carol", "APPROVED")],
            Reviews());
    }

    [Fact]
    public void A_parent_named_without_children_loses_all_of_them()
    {
        Replace([PullRequest(1)], []);

        Assert.Equal([(2, "carol", "APPROVED")], Reviews());
    }

    [Fact]
    public void Children_of_parents_not_named_are_left_alone()
    {
        Replace([PullRequest(2)], [Review(2, "dave", "COMMENTED", 5)]);

        Assert.Equal(
            [(1, "alice", "CHANGES_REQUESTED"), (1, "bob", "COMMENTED"), (2, "dave", "COMMENTED")],
            Reviews());
    }

    private static PullRequestRow PullRequest(int number) =>
        new("acme/api", number, "dev", Monday, null, null, null, null, null, null, null, [], null, null, null, "test");

    private static ReviewRow Review(int number, string reviewer, string state, int hoursAfterMonday) =>
        new("acme/api", number, reviewer, state, Monday + Duration.FromHours(hoursAfterMonday));

    private void Replace(IReadOnlyCollection<PullRequestRow> parents, IReadOnlyCollection<ReviewRow> reviews)
    {
        using var connection = temporary.Database.Open();
        TableWriter.ReplaceChildren(connection, Tables.PullRequestKeys, parents, Tables.Reviews, reviews);
    }

    private List<(int Number, string Reviewer, string State)> Reviews()
    {
        using var connection = temporary.Database.Open();
        return connection.Query<(int, string, string)>("SELECT number, reviewer, state FROM reviews ORDER BY number, reviewer").ToList();
    }
}
