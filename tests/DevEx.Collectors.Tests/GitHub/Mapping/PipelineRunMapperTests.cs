using DevEx.Collectors.GitHub.Mapping;
using DevEx.Store.Rows;
using Octokit;
using static DevEx.Collectors.Tests.GitHub.Mapping.GitHubFixture;

namespace DevEx.Collectors.Tests.GitHub.Mapping;

public sealed class PipelineRunMapperTests
{
    [Fact]
    public void A_queued_run_has_no_completion_and_no_conclusion()
    {
        var run = Assert.Single(Read<WorkflowRunsResponse>("github/actions.list-workflow-runs-for-repo.json").WorkflowRuns);

        Assert.Equal(new PipelineRunRow("octocat/Hello-World", "30433642-1", "Build", "acb5820ced9479c074f688cc328bf03f341a511d",
            "master", "push", At("2020-01-22T19:33:08Z"), At("2020-01-22T19:33:08Z"), null, null, 1, "github"),
            PipelineRunMapper.Map("octocat/Hello-World", run));
    }

    [Fact]
    public void A_completed_webhook_run_without_a_name_takes_the_workflows_name()
    {
        // workflow_run/completed.with-pull-requests.payload.json: "name": "" on the run, the workflow is "test";
        // created 16:33:24, started and updated 16:33:49: a zero-duration run that queued 25 s.
        var run = Read<WorkflowRun>("github-webhooks/workflow_run/completed.with-pull-requests.payload.json", "workflow_run");

        Assert.Equal(new PipelineRunRow("octo-org/octo-repo", "289782451-1", "test", "3484a3fb816e0859fd6e1cea078d76385ff50625",
            "master", "repository_dispatch", At("2020-10-05T16:33:24Z"), At("2020-10-05T16:33:49Z"), At("2020-10-05T16:33:49Z"),
            "success", 1, "github"),
            PipelineRunMapper.Map("octo-org/octo-repo", run, workflowName: "test"));
    }

    [Fact]
    public void Each_attempt_of_a_run_is_its_own_row()
    {
        var rerun = Parse<WorkflowRun>("""
            {"id": 30433642, "name": "Build", "head_sha": "acb5820ced9479c074f688cc328bf03f341a511d", "status": "completed",
             "conclusion": "FAILURE", "run_attempt": 2, "created_at": "2020-01-22T19:33:08Z",
             "run_started_at": "2020-01-22T20:00:00Z", "updated_at": "2020-01-22T20:04:30Z"}
            """);

        var row = PipelineRunMapper.Map("octocat/Hello-World", rerun);

        Assert.Equal(("30433642-2", 2, "failure", At("2020-01-22T20:04:30Z")), (row.Id, row.Attempt, row.Conclusion, row.CompletedAt));
    }
}
