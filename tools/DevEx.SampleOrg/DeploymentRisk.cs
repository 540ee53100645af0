namespace DevEx.SampleOrg;

/// <summary>How a production failure unfolds, one story per failed deployment (see FailureStories).</summary>
internal enum FailureStory
{
    Rollback,
    ExplicitDeployment,
    ExplicitSha,
    ExplicitPullRequest,
    RevertOnly,
    Window,
}

/// <summary>
/// A team's odds of things going wrong: failed and cancelled deploy attempts, redeploys, and which production
/// deployments turn out bad. The showcase team plays each failure story once early on (every third production
/// deployment until all have happened), so even a three-week sample holds every case; after that, and for every
/// other team, chance and the team's change fail rate decide.
/// </summary>
internal sealed class DeploymentRisk(TeamProfile profile, SamplePrng rng)
{
    private readonly Queue<FailureStory> showcaseStories = new(profile.Showcase ? Enum.GetValues<FailureStory>() : []);
    private int productionDeploys;
    private int stagingAttempts;
    private int productionAttempts;
    private bool redeployShown = !profile.Showcase;

    /// <summary>success, failure or cancelled; the third attempt of a rollout always gets through.</summary>
    public string AttemptStatus(bool production, bool lastChance)
    {
        var attempt = production ? ++productionAttempts : ++stagingAttempts;
        if (lastChance)
        {
            return "success";
        }
        if (profile.Showcase)
        {
            if ((!production && attempt == 2) || (production && attempt == 4))
            {
                return "failure";
            }
            if (production && attempt == 7)
            {
                return "cancelled";
            }
        }
        return rng.NextDouble() switch
        {
            < 0.03 => "failure",
            < 0.04 => "cancelled",
            _ => "success",
        };
    }

    /// <summary>
    /// Whether to deploy the same sha again later (a restart or config refresh): an empty change set. The showcase
    /// team asks every time until one has actually happened (a newer deployment can overtake a planned redeploy).
    /// </summary>
    public bool Redeploy() => !redeployShown || rng.Chance(0.02);

    public void Redeployed() => redeployShown = true;

    /// <summary>
    /// The failure story of a production deployment, or null when it is fine. Showcase stories wait for a change
    /// set with a pull request in it, so that the PR-shaped ones (revert PR, causedBy pr) can play out.
    /// </summary>
    public FailureStory? Story(bool eligible, bool hasPullRequest)
    {
        productionDeploys++;
        if (!eligible)
        {
            return null;
        }
        if (showcaseStories.Count > 0 && hasPullRequest && productionDeploys % 3 == 2)
        {
            return showcaseStories.Dequeue();
        }
        if (!rng.Chance(profile.ChangeFailRate))
        {
            return null;
        }
        return rng.NextDouble() switch
        {
            < 0.25 => FailureStory.Rollback,
            < 0.40 => FailureStory.ExplicitDeployment,
            < 0.50 => FailureStory.ExplicitSha,
            < 0.65 => FailureStory.ExplicitPullRequest,
            < 0.80 => FailureStory.RevertOnly,
            _ => FailureStory.Window,
        };
    }
}
