using System.Text.RegularExpressions;
using DevEx.Store.Rows;
using NodaTime;
using Octokit;

namespace DevEx.Collectors.GitHub.Mapping;

/// <summary>
/// Releases or tags → production deployments, for repositories that ship by release rather than GitHub deployments
/// (<see cref="GitHubOptions.ReleasesAsDeployments"/>). A release names a tag, not a commit: the caller resolves the
/// tag's sha (repos.list-tags) and passes it in.
/// </summary>
public static class ReleaseDeploymentMapper
{
    /// <summary>
    /// The deployment a published release stands for, or null for a draft, a prerelease, an unpublished release or a
    /// tag the rule's pattern does not match. It finished when the release was published.
    /// </summary>
    public static DeploymentRow? Map(string repo, Release release, string sha, ReleaseDeploymentRule rule)
    {
        if (release.Draft || release.Prerelease || GitHubMapping.ToInstantOrNull(release.PublishedAt) is not { } publishedAt
            || !Matches(rule, release.TagName))
        {
            return null;
        }
        return new DeploymentRow($"github:{repo}:release:{release.TagName}", Service(repo, rule), repo, rule.Environment, sha,
            GitHubMapping.ToInstant(release.CreatedAt), publishedAt, "success", GitHubMapping.Source, release.TagName, GitHubMapping.Blank(release.Name));
    }

    /// <summary>
    /// The deployment a tag stands for, or null when the rule's pattern does not match it. Tags carry no time in the
    /// REST listing: <paramref name="taggedAt"/> is the tag's (or its commit's) date, as the caller knows it.
    /// </summary>
    public static DeploymentRow? Map(string repo, RepositoryTag tag, Instant taggedAt, ReleaseDeploymentRule rule) =>
        Matches(rule, tag.Name)
            ? new DeploymentRow($"github:{repo}:tag:{tag.Name}", Service(repo, rule), repo, rule.Environment, tag.Commit.Sha,
                taggedAt, taggedAt, "success", GitHubMapping.Source, tag.Name)
            : null;

    private static string Service(string repo, ReleaseDeploymentRule rule) =>
        GitHubMapping.Blank(rule.Service) ?? GitHubMapping.RepositoryName(repo);

    /// <summary>The pattern is searched for, like the production-environment patterns: anchor it to match whole tags.</summary>
    private static bool Matches(ReleaseDeploymentRule rule, string tag) =>
        Regex.IsMatch(tag, rule.TagPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
