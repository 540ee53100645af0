using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store.Rows;
using Octokit;
using static DevEx.Collectors.Tests.GitHub.Mapping.GitHubFixture;

namespace DevEx.Collectors.Tests.GitHub.Mapping;

public sealed class DeploymentMapperTests
{
    private const string Repo = "octocat/Hello-World";

    private static readonly Deployment Deployment = Assert.Single(Read<List<Deployment>>("github/repos.list-deployments.json"));

    [Fact]
    public void A_deployment_with_a_success_status_is_a_successful_deployment_finished_at_that_status()
    {
        var statuses = Read<List<DeploymentStatus>>("github/repos.list-deployment-statuses.json");

        Assert.Equal(new DeploymentRow("github:octocat/Hello-World:1", "Hello-World", Repo, "production",
            "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d", At("2012-07-20T01:19:13Z"), At("2012-07-20T01:19:13Z"), "success", "github",
            "topic-branch"), // the payload's ref: a branch, not the sha
            DeploymentMapper.Map(Repo, Deployment, statuses));
    }

    [Fact]
    public void A_deployment_without_a_final_status_is_no_row()
    {
        Assert.Null(DeploymentMapper.Map(Repo, Deployment, []));
        // deployment_status/gh-pages.payload.json: "state": "in_progress".
        var inProgress = Read<DeploymentStatus>("github-webhooks/deployment_status/gh-pages.payload.json", "deployment_status");
        Assert.Null(DeploymentMapper.Map(Repo, Deployment, [inProgress]));
    }

    [Fact]
    public void The_deployment_status_webhook_says_success_two_seconds_after_creation()
    {
        const string path = "github-webhooks/deployment_status/payload.json";
        var deployment = Read<Deployment>(path, "deployment");
        var status = Read<DeploymentStatus>(path, "deployment_status");

        var row = DeploymentMapper.Map("Codertocat/Hello-World", deployment, [status]);

        Assert.Equal(new DeploymentRow("github:Codertocat/Hello-World:145988746", "Hello-World", "Codertocat/Hello-World", "production",
            "f95f852bd8fca8fcc58a9a2d6c842781e32a215e", At("2019-05-15T15:20:53Z"), At("2019-05-15T15:20:55Z"), "success", "github", "master"), row);
    }

    [Theory]
    // newest first in time: the latest status decides; inactive keeps the outcome before it.
    [InlineData("success@10:00,inactive@12:00", "success", "10:00")] // superseded by a later deployment
    [InlineData("failure@10:00,inactive@12:00", "failure", "10:00")]
    [InlineData("in_progress@09:00,error@09:30", "failure", "09:30")]
    [InlineData("failure@09:00,success@09:30", "success", "09:30")]
    [InlineData("queued@09:00,in_progress@09:01", null, null)]
    [InlineData("pending@09:00,inactive@12:00", null, null)]
    [InlineData("inactive@12:00", null, null)]
    public void The_latest_status_decides_and_inactive_keeps_what_came_before(string history, string? status, string? finished)
    {
        var statuses = history.Split(',').Select((s, i) => Parse<DeploymentStatus>(
            $$"""{"id": {{i + 1}}, "state": "{{s.Split('@')[0]}}", "created_at": "2012-07-20T{{s.Split('@')[1]}}:00Z"}""")).Reverse().ToList();

        var row = DeploymentMapper.Map(Repo, Deployment, statuses);

        Assert.Equal(status, row?.Status);
        Assert.Equal(finished is null ? null : At($"2012-07-20T{finished}:00Z"), row?.FinishedAt);
    }

    [Fact]
    public void A_service_in_the_deployment_payload_overrides_the_repository_name()
    {
        var deployment = Parse<Deployment>("""
            {"id": 7, "sha": "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d", "environment": "prod",
             "payload": {"service": "billing"}, "created_at": "2012-07-20T01:00:00Z"}
            """);
        var success = Parse<DeploymentStatus>("""{"id": 9, "state": "success", "created_at": "2012-07-20T01:05:00Z"}""");

        var row = DeploymentMapper.Map(Repo, deployment, [success]);

        Assert.Equal(("github:octocat/Hello-World:7", "billing", "prod"), (row!.Id, row.Service, row.Environment));
    }
}
