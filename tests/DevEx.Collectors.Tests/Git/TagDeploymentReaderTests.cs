using System.Text.RegularExpressions;
using DevEx.Collectors.Git;
using NodaTime;

namespace DevEx.Collectors.Tests.Git;

/// <summary>Tags of <see cref="GitScenario"/> as deployments: times from the tagger, or the commit for a lightweight tag.</summary>
public sealed class TagDeploymentReaderTests : IDisposable
{
    private readonly TestGitRepository git = new();
    private readonly GitScenario scenario;

    public TagDeploymentReaderTests() => scenario = GitScenario.Build(git);

    public void Dispose() => git.Dispose();

    private TagDeployments Read(GitCollectorOptions options) =>
        TagDeploymentReader.Read(git.Repository, new Regex(options.TagPattern!), options, "test");

    [Fact]
    public void Matching_tags_are_successful_deployments_of_the_tagged_commit()
    {
        var result = Read(new GitCollectorOptions(git.Path, "acme/shop", GitScenario.Pattern));

        // 4 tags; v1.0.0, v1.1.0, v1.2.0 match; nightly does not.
        Assert.Equal((4, 3), (result.Tags, result.Matched));
        Assert.Empty(result.Skipped);
        Assert.Equal(["git:acme/shop:v1.0.0", "git:acme/shop:v1.1.0", "git:acme/shop:v1.2.0"], result.Deployments.Select(d => d.Id));
        Assert.Equal([scenario.C2.Sha, scenario.M1.Sha, scenario.C4.Sha], result.Deployments.Select(d => d.Sha));
        Assert.All(result.Deployments, d => Assert.Equal(("shop", "acme/shop", "production", "success", (Instant?)null, "test"),
            (d.Service, d.Repo, d.Environment, d.Status, d.CreatedAt, d.Source)));
    }

    [Fact]
    public void An_annotated_tag_finishes_at_its_tagger_time_and_a_lightweight_one_at_the_commit_s_committer_time()
    {
        var finished = Read(new GitCollectorOptions(git.Path, "acme/shop", GitScenario.Pattern)).Deployments.ToDictionary(d => d.Id, d => d.FinishedAt);

        // v1.0.0: tagged 2026-02-02T06:00-05:00 = 11:00Z (c2 itself was committed at 10:00Z).
        Assert.Equal(Instant.FromUtc(2026, 2, 2, 11, 0), finished["git:acme/shop:v1.0.0"]);
        // v1.1.0 (lightweight) on m1: m1 committed Tue 16:00+02:00 = 14:00Z (authored 12:00Z is not used).
        Assert.Equal(Instant.FromUtc(2026, 2, 3, 14, 0), finished["git:acme/shop:v1.1.0"]);
        // v1.2.0: tagged 2026-02-05T10:00+02:00 = Thu 08:00Z.
        Assert.Equal(Instant.FromUtc(2026, 2, 5, 8, 0), finished["git:acme/shop:v1.2.0"]);
    }

    [Fact]
    public void Service_and_environment_can_be_named()
    {
        var result = Read(new GitCollectorOptions(git.Path, "acme/shop", "^nightly$", Service: "shop-web", Environment: "staging"));

        var deployment = Assert.Single(result.Deployments);
        Assert.Equal(("git:acme/shop:nightly", "shop-web", "staging", scenario.N1.Sha), (deployment.Id, deployment.Service, deployment.Environment, deployment.Sha));
    }

    [Fact]
    public void A_tag_of_something_other_than_a_commit_is_skipped_with_a_note()
    {
        git.Repository.Tags.Add("v9.9.9", scenario.C1.Tree);

        var result = Read(new GitCollectorOptions(git.Path, "acme/shop", GitScenario.Pattern));

        Assert.Equal((4, 3), (result.Matched, result.Deployments.Count));
        Assert.Contains("v9.9.9", Assert.Single(result.Skipped));
    }
}
