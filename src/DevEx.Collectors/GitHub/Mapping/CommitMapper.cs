using DevEx.Store.Rows;
using Octokit;

namespace DevEx.Collectors.GitHub.Mapping;

/// <summary>
/// Commits as the REST API lists them (repos.list-commits, repos.get-commit, pulls.list-commits) → commits rows.
/// Authored time is the git author date, which survives rebases and cherry-picks; lead time starts there.
/// </summary>
public static class CommitMapper
{
    public static CommitRow Map(string repo, GitHubCommit commit) =>
        Map(repo, commit.Sha, commit.Parents ?? commit.Commit.Parents, commit.Author?.Login, commit.Commit);

    public static CommitRow Map(string repo, PullRequestCommit commit) =>
        Map(repo, commit.Sha, commit.Parents ?? commit.Commit.Parents, commit.Author?.Login, commit.Commit);

    private static CommitRow Map(string repo, string sha, IReadOnlyList<GitReference>? parents, string? login, Commit commit)
    {
        var author = commit.Author;
        return new CommitRow(repo, sha, parents?.Select(p => p.Sha).ToList() ?? [],
            GitHubMapping.Identity(login, author?.Email, author?.Name),
            GitHubMapping.ToInstant(author?.Date ?? commit.Committer.Date),
            GitHubMapping.ToInstantOrNull(commit.Committer?.Date), commit.Message, GitHubMapping.Source);
    }
}
