using DevEx.Collectors.Git;
using NodaTime;

namespace DevEx.Collectors.Tests.Git;

/// <summary>The commits read from <see cref="GitScenario"/>, checked against the scenario's hand-written times.</summary>
public sealed class GitHistoryReaderTests : IDisposable
{
    private readonly TestGitRepository git = new();
    private readonly GitScenario scenario;

    public GitHistoryReaderTests() => scenario = GitScenario.Build(git);

    public void Dispose() => git.Dispose();

    private Dictionary<string, Store.Rows.CommitRow> Read() =>
        GitHistoryReader.Read(git.Repository, "acme/shop", "test", CancellationToken.None).ToDictionary(c => c.Sha);

    [Fact]
    public void Reads_every_commit_reachable_from_branches_remote_tracking_branches_and_tags()
    {
        var commits = Read();

        // c1 c2 f1 f2 c3 m1 c4 from main; w1 only from wip; s1 only from origin/spike; n1 only from tag nightly = 10.
        Assert.Equal(10, commits.Count);
        Assert.Contains(scenario.W1.Sha, commits.Keys);
        Assert.Contains(scenario.S1.Sha, commits.Keys);
        Assert.Contains(scenario.N1.Sha, commits.Keys);
        Assert.All(commits.Values, c => Assert.Equal(("acme/shop", "test"), (c.Repo, c.Source)));
    }

    [Fact]
    public void A_merge_commit_keeps_its_parents_in_order()
    {
        var commits = Read();

        // m1 merged feature into main: first parent c3 (main), second f2 (feature).
        Assert.Equal([scenario.C3.Sha, scenario.F2.Sha], commits[scenario.M1.Sha].Parents);
        Assert.Equal([scenario.C2.Sha], commits[scenario.F1.Sha].Parents);
        Assert.Empty(commits[scenario.C1.Sha].Parents);
    }

    [Fact]
    public void Times_are_instants_and_the_author_is_the_lower_cased_email()
    {
        var commits = Read();

        // c2: Bob@Example.COM at Mon 12:00+02:00 = 2026-02-02 10:00Z.
        var c2 = commits[scenario.C2.Sha];
        Assert.Equal("bob@example.com", c2.Author);
        Assert.Equal(Instant.FromUtc(2026, 2, 2, 10, 0), c2.AuthoredAt);
        // m1: authored Tue 14:00+02:00 = 12:00Z, committed Tue 16:00+02:00 = 14:00Z.
        var m1 = commits[scenario.M1.Sha];
        Assert.Equal(Instant.FromUtc(2026, 2, 3, 12, 0), m1.AuthoredAt);
        Assert.Equal(Instant.FromUtc(2026, 2, 3, 14, 0), m1.CommittedAt);
    }

    [Fact]
    public void The_full_message_is_kept_without_git_s_closing_newline()
    {
        var commits = Read();

        Assert.Equal("Add export\n\nExports orders as CSV.", commits[scenario.C4.Sha].Message);
        Assert.Equal("Merge branch 'feature'", commits[scenario.M1.Sha].Message);
    }

    [Fact]
    public void An_empty_repository_has_no_commits()
    {
        using var empty = new TestGitRepository();

        Assert.Empty(GitHistoryReader.Read(empty.Repository, "acme/empty", "test", CancellationToken.None));
    }
}
