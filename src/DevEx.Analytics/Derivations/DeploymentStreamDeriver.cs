using System.Text.RegularExpressions;

namespace DevEx.Analytics.Derivations;

/// <summary>
/// Groups successful production deployments into streams (service + environment, environment names compared
/// case-insensitively), orders each by finish time, and derives previous/next, change sets by commit ancestry,
/// and rollbacks (a deployment whose sha is a strict ancestor of the previous one's).
/// </summary>
internal sealed class DeploymentStreamDeriver(MetricOptions options, DataQualityLog quality)
{
    public IReadOnlyList<DerivedDeployment> Derive(DerivationInput input, IReadOnlyDictionary<string, CommitGraph> graphs)
    {
        var production = new List<DerivedDeployment>();
        var patterns = new Dictionary<string, Regex>(StringComparer.Ordinal);
        foreach (var deployment in input.Deployments)
        {
            if (deployment.Status != "success")
            {
                continue; // failed, cancelled or skipped deployments are not deployments for any metric
            }
            input.Services.TryGetValue(deployment.Service, out var service);
            var pattern = service?.ProductionEnvironments ?? options.ProductionEnvironments;
            if (!patterns.TryGetValue(pattern, out var regex))
            {
                regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                patterns[pattern] = regex;
            }
            if (!regex.IsMatch(deployment.Environment))
            {
                continue;
            }
            var repo = deployment.Repo ?? (service is { Repos.Count: 1 } ? service.Repos[0] : null);
            production.Add(new DerivedDeployment(deployment, repo, service?.OwnerTeam));
        }

        foreach (var stream in production.GroupBy(d => (d.Service, Environment: d.Source.Environment.ToLowerInvariant())))
        {
            DerivedDeployment? previous = null;
            foreach (var deployment in stream.OrderBy(d => d.FinishedAt).ThenBy(d => d.Id, StringComparer.Ordinal))
            {
                Link(deployment, previous, graphs);
                previous = deployment;
            }
        }
        return production.OrderBy(d => d.FinishedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    private void Link(DerivedDeployment deployment, DerivedDeployment? previous, IReadOnlyDictionary<string, CommitGraph> graphs)
    {
        deployment.Previous = previous;
        if (previous is not null)
        {
            previous.Next = deployment;
        }
        var graph = deployment.Repo is null ? null : graphs.GetValueOrDefault(deployment.Repo);
        deployment.ShaKnown = graph?.Contains(deployment.Source.Sha) == true;
        if (!deployment.ShaKnown)
        {
            quality.Add("deployment-sha-unknown", deployment.Id,
                deployment.Repo is null
                    ? $"service '{deployment.Service}' has no single repository and the deployment names none: change set left empty"
                    : $"sha {deployment.Source.Sha} is not among the imported commits of {deployment.Repo}: change set left empty");
            return;
        }
        if (previous is null || graph is null)
        {
            return; // the first deployment of a stream has no previous one: empty change set, no lead time
        }
        if (previous.Repo != deployment.Repo || !graph.Contains(previous.Source.Sha))
        {
            quality.Add("previous-deployment-sha-unknown", deployment.Id,
                $"previous deployment {previous.Id} is of another repository or an unknown sha: change set left empty");
            return;
        }
        deployment.IsRollback = graph.IsStrictAncestor(deployment.Source.Sha, previous.Source.Sha);
        deployment.ChangeSet = graph.ReachableExcept(deployment.Source.Sha, previous.Source.Sha);
    }
}
