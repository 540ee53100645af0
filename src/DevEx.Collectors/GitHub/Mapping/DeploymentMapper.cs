using System.Globalization;
using DevEx.Store.Rows;
using Octokit;

namespace DevEx.Collectors.GitHub.Mapping;

/// <summary>
/// A GitHub deployment and its statuses → deployments row, once a status says how it ended. GitHub's states map as:
/// success → success; failure and error → failure; inactive (set on a deployment superseded by a newer one, or by
/// hand) keeps the outcome before it, so a superseded success stays a success; queued, pending and in_progress are
/// not final, and a deployment with no final status yet is no row at all (null).
/// </summary>
public static class DeploymentMapper
{
    public static DeploymentRow? Map(string repo, Deployment deployment, IReadOnlyList<DeploymentStatus> statuses)
    {
        var final = FinalStatus(statuses);
        if (final is null)
        {
            return null;
        }
        return new DeploymentRow(
            Id(repo, deployment.Id),
            Service(repo, deployment),
            repo,
            deployment.Environment,
            deployment.Sha,
            GitHubMapping.ToInstantOrNull(deployment.CreatedAt),
            GitHubMapping.ToInstant(final.Value.Status.CreatedAt),
            final.Value.Outcome,
            GitHubMapping.Source,
            Ref(deployment));
    }

    /// <summary>The branch or tag deployed; null when it is the sha itself (GitHub's ref may be a sha, or a prefix of one).</summary>
    private static string? Ref(Deployment deployment) =>
        GitHubMapping.Blank(deployment.Ref) is { } reference && !deployment.Sha.StartsWith(reference, StringComparison.OrdinalIgnoreCase) ? reference : null;

    public static string Id(string repo, long deploymentId) =>
        string.Create(CultureInfo.InvariantCulture, $"github:{repo}:{deploymentId}");

    /// <summary>The repository's name, unless the deployment's payload names a service (<c>payload.service</c>).</summary>
    public static string Service(string repo, Deployment deployment) =>
        deployment.Payload is { } payload && payload.TryGetValue("service", out var service) && !string.IsNullOrWhiteSpace(service)
            ? service.Trim()
            : GitHubMapping.RepositoryName(repo);

    /// <summary>
    /// The status that decides the outcome, and the outcome: the latest status (by time, then id) unless it is
    /// inactive, in which case the latest final status before it.
    /// </summary>
    private static (DeploymentStatus Status, string Outcome)? FinalStatus(IReadOnlyList<DeploymentStatus> statuses)
    {
        var newestFirst = statuses.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToList();
        foreach (var status in newestFirst)
        {
            switch (status.State.StringValue?.ToLowerInvariant())
            {
                case "success":
                    return (status, "success");
                case "failure" or "error":
                    return (status, "failure");
                case "inactive":
                    continue;
                default:
                    return null; // queued, pending, in_progress (or a state GitHub adds later): not finished yet
            }
        }
        return null;
    }
}
