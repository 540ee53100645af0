using DevEx.Collectors.GitHub;
using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store.Rows;
using Octokit;
using static DevEx.Collectors.Tests.GitHub.Mapping.GitHubFixture;

namespace DevEx.Collectors.Tests.GitHub.Mapping;

public sealed class ReleaseDeploymentMapperTests
{
    private const string Repo = "octocat/Hello-World";
    private const string Sha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    private static readonly Release Release = Assert.Single(Read<List<Release>>("github/repos.list-releases.json"));

    [Fact]
    public void A_published_release_is_a_production_deployment_finished_when_published()
    {
        var rule = new ReleaseDeploymentRule { Repository = Repo };

        Assert.Equal(new DeploymentRow("github:octocat/Hello-World:release:v1.0.0", "Hello-World", Repo, "production", Sha,
            At("2013-02-27T19:35:32Z"), At("2013-02-27T19:35:32Z"), "success", "github", "v1.0.0", "v1.0.0"), // tag_name and name
            ReleaseDeploymentMapper.Map(Repo, Release, Sha, rule));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Drafts_and_prereleases_are_not_deployments(bool draft, bool prerelease)
    {
        var release = Parse<Release>($$"""
            {"id": 2, "tag_name": "v1.1.0", "draft": {{(draft ? "true" : "false")}}, "prerelease": {{(prerelease ? "true" : "false")}},
             "created_at": "2013-03-01T10:00:00Z", "published_at": "2013-03-01T10:00:00Z"}
            """);

        Assert.Null(ReleaseDeploymentMapper.Map(Repo, release, Sha, new ReleaseDeploymentRule { Repository = Repo }));
    }

    [Fact]
    public void The_rule_names_the_service_and_environment_and_filters_tags()
    {
        var rule = new ReleaseDeploymentRule { Repository = Repo, Service = "hello", Environment = "prod", TagPattern = @"^v\d+\.\d+\.\d+$" };

        var row = ReleaseDeploymentMapper.Map(Repo, Release, Sha, rule);

        Assert.Equal(("hello", "prod"), (row!.Service, row.Environment));
        Assert.Null(ReleaseDeploymentMapper.Map(Repo, Release, Sha, new ReleaseDeploymentRule { Repository = Repo, TagPattern = "^release-" }));
    }

    [Fact]
    public void A_matching_tag_is_a_deployment_of_its_commit()
    {
        var tag = Parse<RepositoryTag>("""{"name": "v0.1", "commit": {"sha": "SHA"}}""".Replace("SHA", Sha, StringComparison.Ordinal));

        var row = ReleaseDeploymentMapper.Map(Repo, tag, At("2013-01-05T12:00:00Z"), new ReleaseDeploymentRule { Repository = Repo, Source = "tags" });

        Assert.Equal(new DeploymentRow("github:octocat/Hello-World:tag:v0.1", "Hello-World", Repo, "production", Sha,
            At("2013-01-05T12:00:00Z"), At("2013-01-05T12:00:00Z"), "success", "github", "v0.1"), row);
    }
}
