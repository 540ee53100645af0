using DevEx.Collectors.GitHub.Mapping;
using Octokit;
using static DevEx.Collectors.Tests.GitHub.Mapping.GitHubFixture;

namespace DevEx.Collectors.Tests.GitHub.Mapping;

public sealed class PushMapperTests
{
    private const string Repo = "ailisp/gcbapp-buildconfig-example";
    private const string PushPath = "github-webhooks/reallyfastci/webhook-push-to-master.json";

    [Fact]
    public void Pushed_commits_chain_from_before_in_order_with_their_offsets_resolved()
    {
        var push = Read<PushWebhookPayload>(PushPath);

        var rows = PushMapper.Map(Repo, push, PushMapper.AuthorLogins(Text(PushPath)));

        Assert.Equal(["7682a248ad73d204eb94d9eab840c6fe41b8963d", "411a0fbb93b25e1ba1d7ef7d437315c2a411ed52",
            "7d1b24db3fde2747f9dadfb0f8abf0c8e6f40cad", "7b5a809ab03679215c55926f7d111156ec98b865",
            "a21683865c088b5fe1906cf6552d15a285a4986d"], rows.Select(r => r.Sha));
        // Each commit's parent is the one before it; the first's is the push's "before".
        Assert.Equal(["8357af6fef17bd180014e419f049944cb491238f"], rows[0].Parents);
        Assert.Equal([rows[0].Sha], rows[1].Parents);
        Assert.Equal([rows[3].Sha], rows[4].Parents);
        // Timestamps: 13:56:20-04:00 = 17:56:20Z; 00:12:20-04:00 = 04:12:20Z; 16:06:40-08:00 = 00:06:40Z the next day;
        // 17:21:49-08:00 = 01:21:49Z the next day; 02:01:12-05:00 = 07:01:12Z.
        Assert.Equal([At("2019-11-02T17:56:20Z"), At("2019-11-03T04:12:20Z"), At("2019-11-07T00:06:40Z"),
            At("2019-11-13T01:21:49Z"), At("2019-11-26T07:01:12Z")], rows.Select(r => r.AuthoredAt));
        // author.username is the login, as the REST API would name the author.
        Assert.Equal(["byao1276", "byao1276", "byao1276", "byao1276", "ailisp"], rows.Select(r => r.Author));
        Assert.All(rows, r => Assert.Null(r.CommittedAt));
    }

    [Fact]
    public void A_deleted_tag_pushes_nothing()
    {
        // push/payload.json: refs/tags/simple-tag deleted: "deleted": true, after all zeros, head_commit null.
        var push = Read<PushWebhookPayload>("github-webhooks/push/payload.json");

        Assert.True(PushMapper.IsDeletion(push));
        Assert.Empty(PushMapper.Map("Codertocat/Hello-World", push, new Dictionary<string, string>()));
    }

    [Fact]
    public void The_first_commit_of_a_new_branch_has_no_parent_from_an_all_zero_before()
    {
        const string path = "github-webhooks/push/with-new-branch.payload.json";
        var push = Read<PushWebhookPayload>(path);

        var row = Assert.Single(PushMapper.Map("Codertocat/Hello-World", push, PushMapper.AuthorLogins(Text(path))));

        Assert.Equal(("6113728f27ae82c7b1a177c8d03f9e96e0adf246", "Codertocat", At("2019-05-15T15:19:25Z"), "Initial commit"),
            (row.Sha, row.Author, row.AuthoredAt, row.Message));
        Assert.Empty(row.Parents);
    }

    [Fact]
    public void The_commits_pushed_before_a_merge_commit_are_its_pull_requests()
    {
        var rows = PushMapper.Map(Repo, Read<PushWebhookPayload>(PushPath), new Dictionary<string, string>());
        var mergedBySha = new Dictionary<string, int> { ["a21683865c088b5fe1906cf6552d15a285a4986d"] = 3 };

        var linked = PushMapper.MergedPullRequestCommits(rows, mergedBySha, (_, _) => true);

        var (number, shas) = Assert.Single(linked);
        Assert.Equal(3, number);
        Assert.Equal(["7682a248ad73d204eb94d9eab840c6fe41b8963d", "411a0fbb93b25e1ba1d7ef7d437315c2a411ed52",
            "7d1b24db3fde2747f9dadfb0f8abf0c8e6f40cad", "7b5a809ab03679215c55926f7d111156ec98b865"], shas);
        Assert.Empty(PushMapper.MergedPullRequestCommits(rows, mergedBySha, (_, _) => false));
    }
}
