using System.Text.RegularExpressions;
using Octokit;

namespace DevEx.Collectors.GitHub;

/// <summary>Which repositories are collected: archived and forks skipped by default, then include/exclude globs.</summary>
internal sealed class GitHubRepositoryFilter(GitHubOptions options)
{
    private readonly Regex[] include = options.Include.Select(Glob).ToArray();
    private readonly Regex[] exclude = options.Exclude.Select(Glob).ToArray();

    public bool Accepts(Repository repository, bool namedExplicitly) =>
        (namedExplicitly || ((options.IncludeArchived || !repository.Archived) && (options.IncludeForks || !repository.Fork)))
        && (include.Length == 0 || include.Any(r => r.IsMatch(repository.FullName)))
        && !exclude.Any(r => r.IsMatch(repository.FullName));

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
