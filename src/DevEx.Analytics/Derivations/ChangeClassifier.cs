using System.Text.RegularExpressions;
using DevEx.Store.Reading;

namespace DevEx.Analytics.Derivations;

/// <summary>The rules of docs/metrics.md that say a change is a revert or a hotfix, and what a revert reverts.</summary>
internal static partial class ChangeClassifier
{
    public const string RevertTitlePrefix = "Revert \"";

    [GeneratedRegex(@"^revert-(?<number>\d+)-")]
    private static partial Regex RevertBranch();

    [GeneratedRegex(@"This reverts commit (?<sha>[0-9a-fA-F]{7,40})")]
    private static partial Regex RevertsCommit();

    public static bool IsRevertPullRequest(PullRequestInfo pull) =>
        (pull.Title?.StartsWith(RevertTitlePrefix, StringComparison.Ordinal) ?? false)
        || (pull.HeadBranch?.StartsWith("revert-", StringComparison.Ordinal) ?? false);

    public static bool IsRevertCommit(CommitInfo? commit) =>
        commit?.Message?.StartsWith(RevertTitlePrefix, StringComparison.Ordinal) ?? false;

    public static bool IsHotfix(PullRequestInfo pull, MetricOptions options) =>
        pull.Labels.Any(label => options.HotfixLabels.Contains(label, StringComparer.OrdinalIgnoreCase))
        || (pull.HeadBranch?.StartsWith(options.HotfixBranchPrefix, StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>The pull request number named by a GitHub revert branch (revert-123-feature).</summary>
    public static int? RevertedNumberFromBranch(string? branch)
    {
        var match = branch is null ? null : RevertBranch().Match(branch);
        return match is { Success: true } ? int.Parse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The title inside Revert "…", or null.</summary>
    public static string? RevertedTitle(string? title)
    {
        if (title is null || !title.StartsWith(RevertTitlePrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var firstLine = title.Split('\n')[0].TrimEnd();
        return firstLine.EndsWith('"') && firstLine.Length > RevertTitlePrefix.Length + 1
            ? firstLine[RevertTitlePrefix.Length..^1]
            : null;
    }

    /// <summary>Shas named by "This reverts commit &lt;sha&gt;." lines.</summary>
    public static IEnumerable<string> RevertedShas(string? message) =>
        message is null ? [] : RevertsCommit().Matches(message).Select(m => m.Groups["sha"].Value.ToLowerInvariant());
}
