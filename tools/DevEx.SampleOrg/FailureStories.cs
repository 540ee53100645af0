using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// What happens after a bad production deployment, written so each failure method of docs/metrics.md has its own story:
/// <list type="bullet">
/// <item>Rollback: production goes back to the previous sha (sometimes an incident without cause is opened first),
/// then the offending change is reverted and rolled out.</item>
/// <item>ExplicitDeployment: an incident names the deployment; a hotfix PR fixes forward.</item>
/// <item>ExplicitSha: an incident names the offending commit; someone pushes a revert commit straight to main.</item>
/// <item>ExplicitPullRequest: an incident names the PR (<c>owner/name#n</c>); a revert PR undoes it.</item>
/// <item>RevertOnly: no incident; the change is reverted within hours.</item>
/// <item>Window: an incident without cause opens within hours of the deployment; a hotfix PR follows.</item>
/// </list>
/// The service stays frozen until the remediation reaches production, which also resolves the incidents.
/// </summary>
internal static class FailureStories
{
    public static void Begin(
        ServiceDeployer deployer, FailureStory story, string deploymentId, IReadOnlyList<MainChange> changes, Instant finished)
    {
        var sim = deployer.Simulation;
        var rng = sim.Rng;
        var offending = Offending(changes, rng);
        var onCall = sim.Team.Members[rng.Next(sim.Team.Members.Count)];
        if (story == FailureStory.ExplicitPullRequest && offending.PullRequest is null)
        {
            story = FailureStory.ExplicitSha;
        }
        deployer.Freeze();
        var noticed = finished + rng.LogNormalDuration(Duration.FromMinutes(20), 0.6, Duration.FromHours(3));
        switch (story)
        {
            case FailureStory.Rollback:
                var rollbackAt = noticed + rng.LogNormalDuration(Duration.FromMinutes(12), 0.5);
                if (rng.Chance(0.5))
                {
                    deployer.Incidents.Open(noticed, null, null);
                }
                sim.Schedule(rollbackAt, () => deployer.Rollback(rolledBack =>
                    Revert(deployer, offending, onCall.Hours.AddWorking(rolledBack,
                        rng.LogNormalDuration(Duration.FromHours(2), 0.7)), onCall)));
                break;
            case FailureStory.ExplicitDeployment:
                deployer.Incidents.Open(noticed, "deployment", deploymentId);
                Hotfix(deployer, offending, noticed + rng.LogNormalDuration(Duration.FromMinutes(20), 0.5), onCall);
                break;
            case FailureStory.ExplicitSha:
                deployer.Incidents.Open(noticed, "sha", offending.Sha);
                RevertCommit(deployer, offending, noticed + rng.LogNormalDuration(Duration.FromMinutes(25), 0.5), onCall);
                break;
            case FailureStory.ExplicitPullRequest:
                deployer.Incidents.Open(noticed, "pr", $"{sim.Repository.FullName}#{offending.PullRequest}");
                Revert(deployer, offending, noticed + rng.LogNormalDuration(Duration.FromMinutes(20), 0.5), onCall);
                break;
            case FailureStory.RevertOnly:
                Revert(deployer, offending, onCall.Hours.AddWorking(finished,
                    rng.LogNormalDuration(Duration.FromHours(3), 0.7)), onCall);
                break;
            default:
                var opened = finished + rng.LogNormalDuration(Duration.FromMinutes(90), 0.6, Duration.FromHours(12));
                deployer.Incidents.Open(opened, null, null);
                Hotfix(deployer, offending, opened + rng.LogNormalDuration(Duration.FromMinutes(30), 0.5), onCall);
                break;
        }
    }

    // The change that broke things: a person's PR if there is one, else any PR (a dependency bump), else a push.
    private static MainChange Offending(IReadOnlyList<MainChange> changes, SamplePrng rng)
    {
        var features = changes.Where(c => c.Kind == PullRequestKind.Feature).ToList();
        if (features.Count > 0)
        {
            return rng.Pick(features);
        }
        var pullRequests = changes.Where(c => c.PullRequest is not null).ToList();
        return pullRequests.Count > 0 ? rng.Pick(pullRequests) : rng.Pick(changes);
    }

    private static void Revert(ServiceDeployer deployer, MainChange offending, Instant start, SamplePerson author)
    {
        if (offending.PullRequest is null)
        {
            RevertCommit(deployer, offending, start, author);
            return;
        }
        var sim = deployer.Simulation;
        sim.AddPullRequest(sim.Planner.Revert(author, start, offending, sim.Repository), _ => deployer.Expedite());
    }

    private static void RevertCommit(ServiceDeployer deployer, MainChange offending, Instant start, SamplePerson author)
    {
        var message = $"Revert \"{offending.Message}\"\n\nThis reverts commit {offending.Sha}.";
        deployer.Simulation.AddDirectPush(new DirectPushPlan(start, author, message), _ => deployer.Expedite());
    }

    private static void Hotfix(ServiceDeployer deployer, MainChange offending, Instant start, SamplePerson author)
    {
        var sim = deployer.Simulation;
        sim.AddPullRequest(sim.Planner.Hotfix(author, start, offending, sim.Repository), _ => deployer.Expedite());
    }
}
