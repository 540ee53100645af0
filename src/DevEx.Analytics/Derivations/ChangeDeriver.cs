using DevEx.Store.Reading;

namespace DevEx.Analytics.Derivations;

/// <summary>
/// Turns change-set commits into changes. A commit that belongs to a merged pull request (its merge or squash
/// commit, or one of its commits) makes the pull request the change; any other commit is a change of its own.
/// A change is attributed to the first production deployment of its service whose change set contains it.
/// </summary>
internal sealed class ChangeDeriver(MetricOptions options)
{
    public ChangeIndex Derive(DerivationInput input, IReadOnlyList<DerivedDeployment> deploymentsInFinishOrder)
    {
        var byCommit = new Dictionary<(string Service, string Sha), DerivedChange>();
        var commits = input.Commits.ToDictionary(c => (c.Repo, c.Sha));
        var pullByCommit = PullRequestByCommit(input);
        var changes = new Dictionary<string, DerivedChange>(StringComparer.Ordinal);
        foreach (var deployment in deploymentsInFinishOrder)
        {
            if (deployment.Repo is null)
            {
                continue;
            }
            foreach (var sha in deployment.ChangeSet)
            {
                var pull = pullByCommit.GetValueOrDefault((deployment.Repo, sha));
                var change = pull is null
                    ? new DerivedChange(deployment.Service, "commit", deployment.Repo, sha) { Commit = commits.GetValueOrDefault((deployment.Repo, sha)) }
                    : new DerivedChange(deployment.Service, "pr", pull.Repo, pull.Ref) { PullRequest = pull };
                if (changes.TryGetValue(change.Key, out var existing))
                {
                    change = existing;
                }
                else
                {
                    Describe(change, input, commits);
                    changes[change.Key] = change;
                }
                byCommit.TryAdd((deployment.Service, sha), change);
                if (change.Deployment is null)
                {
                    change.Deployment = deployment;
                    deployment.AttributedChanges.Add(change);
                }
            }
        }
        return new ChangeIndex(changes, byCommit);
    }

    /// <summary>Merged pull requests by their commits; a commit claimed by several goes to the earliest merged.</summary>
    private static Dictionary<(string Repo, string Sha), PullRequestInfo> PullRequestByCommit(DerivationInput input)
    {
        var map = new Dictionary<(string, string), PullRequestInfo>();
        foreach (var pull in input.PullRequests.Where(p => p.MergedAt is not null).OrderByDescending(p => p.MergedAt).ThenByDescending(p => p.Number))
        {
            foreach (var sha in input.PullRequestCommits[(pull.Repo, pull.Number)])
            {
                map[(pull.Repo, sha)] = pull;
            }
            if (pull.MergeCommitSha is not null)
            {
                map[(pull.Repo, pull.MergeCommitSha)] = pull;
            }
        }
        return map;
    }

    private void Describe(DerivedChange change, DerivationInput input, Dictionary<(string, string), CommitInfo> commits)
    {
        if (change.PullRequest is { } pull)
        {
            var firstCommit = input.PullRequestCommits[(pull.Repo, pull.Number)]
                .Select(sha => commits.GetValueOrDefault((pull.Repo, sha)))
                .Where(c => c is not null)
                .MinBy(c => c!.AuthoredAt);
            change.StartedAt = firstCommit?.AuthoredAt ?? pull.CreatedAt;
            change.StartSource = firstCommit is null ? "pr-created" : "first-commit";
            change.IsRevert = ChangeClassifier.IsRevertPullRequest(pull);
            change.IsHotfix = ChangeClassifier.IsHotfix(pull, options);
        }
        else
        {
            change.StartedAt = change.Commit?.AuthoredAt ?? default;
            change.StartSource = "commit";
            change.IsRevert = ChangeClassifier.IsRevertCommit(change.Commit);
        }
    }
}

/// <summary>The derived changes, by key and by the commits that brought them into a change set.</summary>
internal sealed record ChangeIndex(
    IReadOnlyDictionary<string, DerivedChange> ByKey,
    IReadOnlyDictionary<(string Service, string Sha), DerivedChange> ByCommit)
{
    public IEnumerable<DerivedChange> All => ByKey.Values;
}
