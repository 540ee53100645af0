using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store.Rows;
using Octokit;
using static DevEx.Collectors.Tests.GitHub.Mapping.GitHubFixture;

namespace DevEx.Collectors.Tests.GitHub.Mapping;

public sealed class CommitMapperTests
{
    private const string Sha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    [Theory]
    [InlineData("github/repos.list-commits.json", true)]
    [InlineData("github/repos.get-commit.json", false)]
    public void A_commit_linked_to_a_user_is_authored_by_the_login(string fixture, bool isList)
    {
        var commit = isList ? Assert.Single(Read<List<GitHubCommit>>(fixture)) : Read<GitHubCommit>(fixture);

        var row = CommitMapper.Map("octocat/Hello-World", commit);

        // The example names its own sha as its parent; kept as given (the commit graph ignores such a loop).
        Assert.Equal(new CommitRow("octocat/Hello-World", Sha, row.Parents, "octocat", At("2011-04-14T16:00:49Z"),
            At("2011-04-14T16:00:49Z"), "Fix all the bugs", "github"), row);
        Assert.Equal([Sha], row.Parents);
    }

    [Fact]
    public void A_commit_linked_to_no_user_is_authored_by_its_email_lower_cased()
    {
        var commit = Parse<GitHubCommit>("""
            {
              "sha": "b2c3d4e5f60718293a4b5c6d7e8f901a2b3c4d5e",
              "author": null,
              "commit": {
                "author": {"name": "Jane Doe", "email": "Jane.Doe@Example.COM", "date": "2024-03-01T09:15:00+01:00"},
                "committer": {"name": "Jane Doe", "email": "Jane.Doe@Example.COM", "date": "2024-03-02T10:00:00Z"},
                "message": "Rebased"
              },
              "parents": [{"sha": "a1"}, {"sha": "a2"}]
            }
            """);

        var row = CommitMapper.Map("acme/api", commit);

        Assert.Equal("jane.doe@example.com", row.Author);
        Assert.Equal(At("2024-03-01T08:15:00Z"), row.AuthoredAt); // 09:15 at +01:00
        Assert.Equal(At("2024-03-02T10:00:00Z"), row.CommittedAt);
        Assert.Equal(["a1", "a2"], row.Parents); // in order: the first parent first
    }
}
