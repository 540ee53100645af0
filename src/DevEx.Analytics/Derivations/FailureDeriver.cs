using DevEx.Store.Reading;
using DevEx.Store;
using NodaTime;

namespace DevEx.Analytics.Derivations;

/// <summary>
/// Marks failed deployments by the four rules of docs/metrics.md, in order (explicit, rollback, revert, window):
/// each failed deployment keeps the first method that matched and the evidence (incident, rollback deployment or
/// revert pull request). An incident no change caused (<see cref="NotCausedByChange"/>) fails nothing. Then links each
/// failed deployment to its recovery and marks rework deployments. Returns how each incident was read.
/// </summary>
internal sealed class FailureDeriver(MetricOptions options, DataQualityLog quality)
{
    public IReadOnlyList<IncidentReading> Derive(DerivationInput input, IReadOnlyList<DerivedDeployment> deployments, ChangeIndex changes)
    {
        var readings = new NotCausedByChange(options).Read(input.Incidents);
        MarkExplicit(input, deployments, changes);
        foreach (var deployment in deployments.Where(d => d.Next is { IsRollback: true }))
        {
            deployment.MarkFailed("rollback", deployment.Next!.Id);
        }
        MarkReverted(input, changes);
        MarkByIncidentWindow(readings.Where(r => r.NotCausedReason is null).Select(r => r.Incident), deployments);
        foreach (var deployment in deployments)
        {
            LinkRecovery(deployment);
            deployment.ReworkReason = deployment.IsRollback ? "rollback"
                : deployment.AttributedChanges.Any(c => c.IsRevert) ? "revert"
                : deployment.AttributedChanges.Any(c => c.IsHotfix) ? "hotfix"
                : null;
        }
        return readings;
    }

    private void MarkExplicit(DerivationInput input, IReadOnlyList<DerivedDeployment> deployments, ChangeIndex changes)
    {
        var byId = deployments.ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var incident in input.Incidents.Where(i => i.HasCause).OrderBy(i => i.OpenedAt))
        {
            var target = ResolveCause(incident, byId, deployments, changes);
            if (target is null)
            {
                quality.Add("incident-cause-unresolved", incident.Id,
                    $"causedBy ({incident.CausedByDeployment ?? incident.CausedBySha ?? incident.CausedByPr}) names no successful production deployment");
                continue;
            }
            target.MarkFailed("explicit", incident.Id);
        }
    }

    private static DerivedDeployment? ResolveCause(IncidentInfo incident, Dictionary<string, DerivedDeployment> byId,
        IReadOnlyList<DerivedDeployment> deployments, ChangeIndex changes)
    {
        if (incident.CausedByDeployment is { } id)
        {
            return byId.GetValueOrDefault(id);
        }
        if (incident.CausedBySha is { } sha)
        {
            // The first deployment of the incident's service whose change set holds the sha; then any service's.
            var key = sha.Trim().ToLowerInvariant();
            return changes.ByCommit.GetValueOrDefault((incident.Service, key))?.Deployment
                ?? changes.ByCommit.Where(kv => kv.Key.Sha == key).Select(kv => kv.Value.Deployment).FirstOrDefault(d => d is not null)
                ?? deployments.FirstOrDefault(d => string.Equals(d.Source.Sha, key, StringComparison.OrdinalIgnoreCase));
        }
        if (incident.CausedByPr is { } pr && PullRequestReference.TryParse(pr, out var repo, out var number))
        {
            var reference = $"{repo}#{number}";
            return changes.ByKey.GetValueOrDefault($"{incident.Service}|pr|{reference}")?.Deployment
                ?? changes.All.FirstOrDefault(c => c.Kind == "pr" && c.Ref == reference && c.Deployment is not null)?.Deployment;
        }
        return null;
    }

    /// <summary>Rule 3: a later pull request that reverts a change of the deployment is deployed within FailureWindow.</summary>
    private void MarkReverted(DerivationInput input, ChangeIndex changes)
    {
        var window = Duration.FromTimeSpan(options.FailureWindow);
        var pullsByRepo = input.PullRequests.Where(p => p.MergedAt is not null).ToLookup(p => p.Repo);
        var commitMessages = input.Commits.ToDictionary(c => (c.Repo, c.Sha), c => c.Message);
        foreach (var revert in changes.All.Where(c => c is { Kind: "pr", IsRevert: true, Deployment: not null }).OrderBy(c => c.Deployment!.FinishedAt))
        {
            var reverted = RevertedChange(revert, input, pullsByRepo, commitMessages, changes);
            var failed = reverted?.Deployment;
            if (failed is null || failed == revert.Deployment)
            {
                continue;
            }
            var after = revert.Deployment!.FinishedAt - failed.FinishedAt;
            if (after > Duration.Zero && after <= window)
            {
                failed.MarkFailed("revert", revert.Ref);
            }
        }
    }

    private static DerivedChange? RevertedChange(DerivedChange revert, DerivationInput input, ILookup<string, PullRequestInfo> pullsByRepo,
        Dictionary<(string, string), string?> commitMessages, ChangeIndex changes)
    {
        var pull = revert.PullRequest!;
        var byBranch = ChangeClassifier.RevertedNumberFromBranch(pull.HeadBranch);
        var original = byBranch is { } number
            ? pullsByRepo[pull.Repo].FirstOrDefault(p => p.Number == number)
            : ChangeClassifier.RevertedTitle(pull.Title) is { } title
                ? pullsByRepo[pull.Repo].Where(p => p.Title == title && p.MergedAt <= (pull.MergedAt ?? pull.CreatedAt)).MaxBy(p => p.MergedAt)
                : null;
        if (original is not null)
        {
            return changes.ByKey.GetValueOrDefault($"{revert.Service}|pr|{original.Ref}");
        }
        // "This reverts commit <sha>." in the revert's own commits names the reverted commit.
        var shas = input.PullRequestCommits[(pull.Repo, pull.Number)]
            .SelectMany(sha => ChangeClassifier.RevertedShas(commitMessages.GetValueOrDefault((pull.Repo, sha))));
        return shas.Select(sha => changes.ByCommit.GetValueOrDefault((revert.Service, sha))).FirstOrDefault(c => c is not null);
    }

    /// <summary>Rule 4: an incident with no causedBy opens after a deployment finishes, before the next one, within IncidentWindow.
    /// <paramref name="incidents"/> are those a change may have caused.</summary>
    private void MarkByIncidentWindow(IEnumerable<IncidentInfo> incidents, IReadOnlyList<DerivedDeployment> deployments)
    {
        var window = Duration.FromTimeSpan(options.IncidentWindow);
        var byService = deployments.GroupBy(d => d.Service).ToDictionary(g => g.Key, g => g.OrderBy(d => d.FinishedAt).ToList());
        foreach (var incident in incidents.Where(i => !i.HasCause).OrderBy(i => i.OpenedAt))
        {
            if (!byService.TryGetValue(incident.Service, out var list))
            {
                continue;
            }
            // The latest deployment finished before the incident opened; the next one, by construction, finishes after.
            var latest = list.LastOrDefault(d => d.FinishedAt < incident.OpenedAt);
            if (latest is not null && incident.OpenedAt - latest.FinishedAt <= window)
            {
                latest.MarkFailed("window", incident.Id);
            }
        }
    }

    private static void LinkRecovery(DerivedDeployment deployment)
    {
        if (!deployment.Failed)
        {
            return;
        }
        var next = deployment.Next;
        while (next is { Failed: true })
        {
            next = next.Next;
        }
        deployment.Recovery = next;
    }
}
