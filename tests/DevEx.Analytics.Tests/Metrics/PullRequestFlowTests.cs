using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Tests.Metrics;

// Queries: pr_flow, ci_wait_per_change, ci_workflows.
/// <summary>Pull-request phases and CI wait for a hand-timed pull request (team zone UTC, Mon-Fri 09:00-17:00).</summary>
public sealed class PullRequestFlowTests : IDisposable
{
    // First commit Mon 09:00, created as a draft Mon 10:00, ready Mon 12:00; bob comments Mon 14:00, requests changes
    // Tue 10:00, approves Tue 15:00; merged Tue 16:00 as s1; deployed Wed 10:00. The author's own comment (by her
    // email, the same person as her login) does not count as review activity.
    private readonly Scenario scenario = new Scenario()
        .Team("core")
        .Service("api", "core")
        .Person("alice", "alice", "alice@example.com")
        .Person("bob", "bob")
        .Commit("k0", "Mon 07:00")
        .Commit("c1", "Mon 09:00", ["k0"], author: "alice@example.com")
        .Commit("c2", "Tue 11:00", ["c1"], author: "alice@example.com")
        .Commit("s1", "Tue 16:00", ["k0"], author: "alice@example.com")
        .PullRequest(1, created: "Mon 10:00", ready: "Mon 12:00", merged: "Tue 16:00", mergeSha: "s1", commitShas: ["c1", "c2"],
            author: "alice", additions: 10, deletions: 5)
        .Review(1, "alice@example.com", "COMMENTED", "Mon 13:00")
        .Review(1, "bob", "COMMENTED", "Mon 14:00")
        .Review(1, "bob", "CHANGES_REQUESTED", "Tue 10:00")
        .Review(1, "bob", "APPROVED", "Tue 15:00")
        .Review(1, "bob", "COMMENTED", "Wed 09:00")
        .PipelineRun("r1", "c1", "Mon 09:00", "Mon 09:10", "Mon 09:30")
        .PipelineRun("r2", "c2", "Tue 11:00", "Tue 11:05", "Tue 11:20", conclusion: "failure", attempt: 2)
        .PipelineRun("r3", "k0", "Mon 07:00", "Mon 07:01", "Mon 07:02")
        .Deployment("D0", "k0", "Mon 08:00")
        .Deployment("D1", "s1", "Wed 10:00")
        .PullRequest(2, created: "Mon 10:00", merged: "Mon 11:00", author: "dependabot[bot]")
        .Derive();

    private PullRequestFlow Flow => new PullRequestFlowService(new QueryRunner(scenario.Database))
        .Get(Scenario.Window("2026-02-02", "2026-02-09"), MetricScope.Org);

    [Fact]
    public void Phases_in_wall_clock_and_working_hours()
    {
        var flow = Flow;
        Assert.Equal(1, flow.SampleSize); // the bot's pull request is left out
        Assert.Equal((3.0, 3.0), (flow.Coding.MedianHours, flow.Coding.MedianWorkingHours)); // Mon 09 -> 12
        Assert.Equal((2.0, 2.0), (flow.Pickup.MedianHours, flow.Pickup.MedianWorkingHours)); // Mon 12 -> 14 (bob)
        Assert.Equal((25.0, 9.0), (flow.Review.MedianHours, flow.Review.MedianWorkingHours)); // Mon 14 -> Tue 15: Mon 3 h + Tue 6 h
        Assert.Equal((1.0, 1.0), (flow.MergeWait.MedianHours, flow.MergeWait.MedianWorkingHours)); // Tue 15 -> 16
        Assert.Equal((18.0, 2.0), (flow.DeployWait.MedianHours, flow.DeployWait.MedianWorkingHours)); // Tue 16 -> Wed 10
        Assert.Equal(1.0, flow.MedianReviewRounds);
        Assert.Equal(15.0, flow.MedianSize);
    }

    [Fact]
    public void Team_scope_selects_the_owning_teams_pull_requests()
    {
        var flow = new PullRequestFlowService(new QueryRunner(scenario.Database))
            .Get(Scenario.Window("2026-02-02", "2026-02-09"), new MetricScope(Team: "core"));
        Assert.Equal(1, flow.SampleSize);
    }

    [Fact]
    public void Ci_wait_sums_queue_and_run_over_the_pull_requests_runs()
    {
        var ci = new CiMetricsService(new QueryRunner(scenario.Database)).Get(Scenario.Window("2026-02-02", "2026-02-09"), MetricScope.Org);
        Assert.Equal(1, ci.PerChange.SampleSize);
        Assert.Equal(50.0 / 60, ci.PerChange.MedianHours!.Value, 9); // queue 10 + 5 min, run 20 + 15 min
        Assert.Equal(15.0 / 60, ci.PerChange.MedianQueueHours!.Value, 9);
        var workflow = Assert.Single(ci.Workflows);
        Assert.Equal(("acme/api", "ci", 3L, 1L, 1L), (workflow.Repo, workflow.Workflow, workflow.Runs, workflow.Reruns, workflow.Failures));
        Assert.Equal(1.0 / 3, workflow.RerunRate!.Value, 9);
        Assert.Equal(1.0 / 3, workflow.FailureRate!.Value, 9);
    }

    public void Dispose() => scenario.Dispose();
}
