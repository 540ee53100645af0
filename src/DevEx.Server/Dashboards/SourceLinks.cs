using System.Text.RegularExpressions;
using DevEx.Collectors.GitHub;
using DevEx.Collectors.Jira;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Dashboards;

/// <summary>
/// Links to where a ticket lives: a Jira key (PROJ-12) on the configured Jira site, a GitHub issue (owner/name#12) on GitHub or
/// the configured GitHub Enterprise. Pull requests carry their own URL from the collector; one named only by reference
/// (an incident's cause, owner/name#12) links to GitHub the same way.
/// </summary>
internal sealed partial class SourceLinks(IOptions<JiraOptions> jira, IOptions<GitHubOptions> github)
{
    public string? Ticket(string key)
    {
        if (JiraKey().IsMatch(key) && !string.IsNullOrWhiteSpace(jira.Value.BaseUrl))
        {
            return $"{jira.Value.BaseUrl.TrimEnd('/')}/browse/{Uri.EscapeDataString(key)}";
        }
        var issue = GitHubIssue().Match(key);
        return issue.Success ? $"{GitHubWeb()}/{issue.Groups["repo"].Value}/issues/{issue.Groups["number"].Value}" : null;
    }

    /// <summary>owner/name#12 on GitHub (or the configured GitHub Enterprise); null for anything else.</summary>
    public string? PullRequest(string reference)
    {
        var pull = GitHubIssue().Match(reference);
        return pull.Success ? $"{GitHubWeb()}/{pull.Groups["repo"].Value}/pull/{pull.Groups["number"].Value}" : null;
    }

    // api.github.com serves github.com; an Enterprise API root https://host/api/v3 serves https://host.
    private string GitHubWeb()
    {
        var api = github.Value.BaseUrl.TrimEnd('/');
        return api.Contains("api.github.com", StringComparison.OrdinalIgnoreCase) ? "https://github.com"
            : api.EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase) ? api[..^"/api/v3".Length] : api;
    }

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]+-\d+$")]
    private static partial Regex JiraKey();

    [GeneratedRegex(@"^(?<repo>[\w.-]+/[\w.-]+)#(?<number>\d+)$")]
    private static partial Regex GitHubIssue();
}
