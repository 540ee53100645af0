using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// CI runs: <c>ci</c> on every push to a PR branch and to the default branch, a flaky <c>e2e</c> in some repositories
/// (failures, re-runs with attempt &gt; 1), and one <c>deploy</c> run per production rollout. Each attempt is its own
/// row with its own id; <c>attempt</c> says which try it was. A run still going at the end of the window has no
/// completion and a null conclusion.
/// </summary>
internal sealed class PipelineRunGenerator(
    SampleRepository repository, SamplePrng rng, SampleIds ids, SampleOutput output, Instant until)
{
    private static readonly Duration CiMedian = Duration.FromMinutes(7);
    private static readonly Duration E2eMedian = Duration.FromMinutes(16);

    public void PullRequestPush(string sha, string branch, Instant pushedAt, bool bot)
    {
        Workflow("ci", sha, branch, "pull_request", pushedAt, CiMedian, 0.07, 2);
        if (repository.FlakyE2e)
        {
            if (bot)
            {
                // Path filters skip the end-to-end suite for dependency bumps.
                Write("e2e", sha, branch, "pull_request", pushedAt, pushedAt, pushedAt, "skipped", 1);
                return;
            }
            Workflow("e2e", sha, branch, "pull_request", pushedAt, E2eMedian, 0.2, 3);
        }
    }

    public void DefaultBranchPush(string sha, Instant pushedAt)
    {
        Workflow("ci", sha, repository.DefaultBranch, "push", pushedAt, CiMedian, 0.04, 2);
        if (repository.FlakyE2e)
        {
            Workflow("e2e", sha, repository.DefaultBranch, "push", pushedAt, E2eMedian, 0.15, 3);
        }
    }

    public void Deploy(string sha, string trigger, Instant created, Instant completed)
    {
        var started = created + rng.LogNormalDuration(Duration.FromSeconds(20), 0.8);
        Write("deploy", sha, repository.DefaultBranch, trigger, created, started, Max(started, completed), "success", 1);
    }

    private void Workflow(
        string workflow, string sha, string branch, string trigger, Instant at, Duration median, double failure, int maxAttempts)
    {
        var created = at + Duration.FromSeconds(rng.Next(2, 15));
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            // Queue time has a long tail: most runs start within a minute, a few wait for a free runner.
            var started = created + rng.LogNormalDuration(Duration.FromSeconds(35), 1.1, Duration.FromMinutes(40));
            var completed = started + rng.LogNormalDuration(median, 0.35);
            var conclusion = rng.NextDouble() switch
            {
                var r when r < failure => "failure",
                var r when r < failure + 0.02 => "cancelled",
                _ => "success",
            };
            Write(workflow, sha, branch, trigger, created, started, completed, conclusion, attempt);
            if (conclusion != "failure" || !rng.Chance(0.6))
            {
                return;
            }
            created = completed + rng.LogNormalDuration(Duration.FromMinutes(6), 0.8);
        }
    }

    private void Write(
        string workflow, string sha, string branch, string trigger, Instant created, Instant started, Instant completed,
        string conclusion, int attempt)
    {
        if (created >= until)
        {
            return;
        }
        var done = completed < until;
        output.Write(new PipelineRunRecord(repository.FullName, ids.NextRun(), workflow, sha, branch, trigger, created,
            started < until ? started : null, done ? completed : null, done ? conclusion : null, attempt));
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
