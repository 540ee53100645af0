using DevEx.Store.Rows;
using Octokit;

namespace DevEx.Collectors.GitHub.Mapping;

/// <summary>Repository → repositories row, keyed by its full name (owner/name).</summary>
public static class RepositoryMapper
{
    public static RepositoryRow Map(Repository repository) =>
        new(repository.FullName, GitHubMapping.Blank(repository.DefaultBranch), GitHubMapping.Blank(repository.HtmlUrl), GitHubMapping.Source);
}
