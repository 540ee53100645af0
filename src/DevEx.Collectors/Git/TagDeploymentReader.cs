using System.Text.RegularExpressions;
using DevEx.Store.Rows;
using LibGit2Sharp;
using NodaTime;

namespace DevEx.Collectors.Git;

/// <summary>
/// The deployments read from tags, how many tags there were and matched (<see cref="MatchedNames"/>), and why a
/// matching tag was skipped.
/// </summary>
internal sealed record TagDeployments(IReadOnlyList<DeploymentRow> Deployments, int Tags, IReadOnlyList<string> MatchedNames, IReadOnlyList<string> Skipped)
{
    public static TagDeployments None { get; } = new([], 0, [], []);

    public int Matched => MatchedNames.Count;
}

/// <summary>
/// Tags as production releases: a tag matching the pattern is a successful deployment of the commit it peels to.
/// It finished when the tag was made: an annotated tag records that (its tagger time); a lightweight tag records
/// nothing, so the commit's committer time (when it was last rewritten, e.g. merged) stands in for it.
/// </summary>
internal static class TagDeploymentReader
{
    public static TagDeployments Read(Repository repository, Regex pattern, GitCollectorOptions options, string source)
    {
        var rows = new List<DeploymentRow>();
        var skipped = new List<string>();
        var tags = 0;
        var matched = new List<string>();
        foreach (var tag in repository.Tags.OrderBy(t => t.FriendlyName, StringComparer.Ordinal))
        {
            tags++;
            if (!pattern.IsMatch(tag.FriendlyName))
            {
                continue;
            }
            matched.Add(tag.FriendlyName);
            var target = ObjectPeeler.Peel(tag.Target);
            if (target is not Commit commit)
            {
                skipped.Add(target is null
                    ? $"tag {tag.FriendlyName}: its target is missing (a shallow clone?), skipped"
                    : $"tag {tag.FriendlyName}: points at a {target.GetType().Name.ToLowerInvariant()}, not a commit, skipped");
                continue;
            }
            var finishedAt = tag.Annotation?.Tagger?.When ?? commit.Committer.When;
            rows.Add(new DeploymentRow($"git:{options.Repo}:{tag.FriendlyName}", options.ServiceName, options.Repo, options.Environment,
                commit.Sha, null, Instant.FromDateTimeOffset(finishedAt), "success", source, tag.FriendlyName));
        }
        return new TagDeployments(rows, tags, matched, skipped);
    }
}
