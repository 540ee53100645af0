using System.Globalization;
using System.Text.RegularExpressions;
using DevEx.Store.Rows;
using Octokit;

namespace DevEx.Collectors.GitHub.Mapping;

/// <summary>
/// An issue labelled as an incident (<see cref="GitHubOptions.IncidentLabel"/>) → incidents row. Labels
/// <c>service:NAME</c> and <c>severity:X</c> name the service (default: the repository's name) and the severity; the
/// body names the cause by <see cref="GitHubOptions.CausedByPattern"/>; a label of
/// <see cref="GitHubOptions.NotCausedByChangeLabels"/> says no change caused it. Pull requests are issues to the issues API
/// and are never incidents.
/// </summary>
public static partial class IncidentMapper
{
    public static string Id(string repo, int number) => string.Create(CultureInfo.InvariantCulture, $"github:{repo}#{number}");

    /// <summary>True when the issue is an incident: an issue (not a pull request) with the incident label.</summary>
    public static bool IsIncident(Issue issue, GitHubOptions options) =>
        issue.PullRequest is null
        && issue.Labels?.Any(l => string.Equals(l.Name, options.IncidentLabel, StringComparison.OrdinalIgnoreCase)) == true;

    /// <summary>The incident row, or null when the issue is not an incident.</summary>
    public static IncidentRow? Map(string repo, Issue issue, GitHubOptions options)
    {
        if (!IsIncident(issue, options))
        {
            return null;
        }
        var labels = issue.Labels.Select(l => l.Name).ToList();
        var (deployment, sha, pr) = CausedBy(repo, issue.Body, options.CausedByPattern);
        // A cause the body names is exact and wins over a label saying no change caused it.
        var notCaused = deployment is null && sha is null && pr is null
            ? labels.FirstOrDefault(l => options.NotCausedByChangeLabels.Contains(l, StringComparer.OrdinalIgnoreCase))
            : null;
        var closed = string.Equals(issue.State.StringValue, "closed", StringComparison.OrdinalIgnoreCase);
        return new IncidentRow(
            Id(repo, issue.Number),
            LabelValue(labels, "service") ?? GitHubMapping.RepositoryName(repo),
            GitHubMapping.ToInstant(issue.CreatedAt),
            // Resolved when closed; a reopened issue is open again (GitHub may keep the old closed_at on it).
            closed ? GitHubMapping.ToInstantOrNull(issue.ClosedAt) : null,
            issue.Title,
            LabelValue(labels, "severity"),
            deployment, sha, pr,
            GitHubMapping.Source,
            notCaused is null ? null : false,
            notCaused is null ? null : $"label {notCaused}");
    }

    /// <summary>
    /// What the body says caused the incident: a 40-hex or 7+-hex value is a commit sha, <c>#123</c> a pull request
    /// of this repository, <c>owner/name#123</c> a pull request of any repository, anything else a deployment id.
    /// </summary>
    public static (string? Deployment, string? Sha, string? PullRequest) CausedBy(string repo, string? body, string pattern)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null, null);
        }
        var match = Regex.Match(body, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var reference = match.Success ? match.Groups["ref"].Value.Trim().TrimEnd('.', ',', ';') : "";
        if (reference.Length == 0)
        {
            return (null, null, null);
        }
        if (ShaPattern().IsMatch(reference))
        {
            return (null, reference.ToLowerInvariant(), null);
        }
        if (LocalPullRequestPattern().IsMatch(reference))
        {
            return (null, null, repo + reference);
        }
        if (PullRequestPattern().IsMatch(reference))
        {
            return (null, null, reference);
        }
        return (reference, null, null);
    }

    /// <summary>The value of the first label "name:value" (case-insensitive name, spaces around the colon allowed).</summary>
    private static string? LabelValue(IReadOnlyList<string> labels, string name)
    {
        foreach (var label in labels)
        {
            var colon = label.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && string.Equals(label[..colon].Trim(), name, StringComparison.OrdinalIgnoreCase)
                && label[(colon + 1)..].Trim() is { Length: > 0 } value)
            {
                return value;
            }
        }
        return null;
    }

    [GeneratedRegex("^[0-9a-fA-F]{7,40}$")]
    private static partial Regex ShaPattern();

    [GeneratedRegex("^#[0-9]+$")]
    private static partial Regex LocalPullRequestPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+#[0-9]+$")]
    private static partial Regex PullRequestPattern();
}
