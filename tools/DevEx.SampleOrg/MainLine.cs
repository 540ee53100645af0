using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// One step of the default branch: a merged pull request (its merge, squash or last rebased commit) or a direct
/// push. <see cref="Index"/> orders the first-parent chain, so "strict ancestor" is simply a smaller index.
/// </summary>
internal sealed record MainChange(
    int Index,
    string Sha,
    string Message,
    Instant At,
    int? PullRequest,
    string? Title,
    string? Branch,
    PullRequestKind? Kind);

/// <summary>The first-parent history of a repository's default branch.</summary>
internal sealed class MainLine
{
    private readonly List<MainChange> changes = [];

    public MainChange Tip => changes[^1];

    public bool IsEmpty => changes.Count == 0;

    public MainChange Append(string sha, string message, Instant at, int? pullRequest = null, string? title = null,
        string? branch = null, PullRequestKind? kind = null)
    {
        var change = new MainChange(changes.Count, sha, message, at, pullRequest, title, branch, kind);
        changes.Add(change);
        return change;
    }

    /// <summary>The changes after <paramref name="fromExclusive"/> up to and including <paramref name="toInclusive"/>.</summary>
    public IReadOnlyList<MainChange> Between(MainChange fromExclusive, MainChange toInclusive) =>
        changes.GetRange(fromExclusive.Index + 1, Math.Max(0, toInclusive.Index - fromExclusive.Index));
}

/// <summary>Identifiers that must be unique across the whole sample, handed out in generation order.</summary>
internal sealed class SampleIds
{
    private long runs = 7_100_000_000;
    private long deployments = 310_000_000;
    private int incidents;

    public string NextRun() => (++runs).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string NextDeployment() => (++deployments).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string NextIncident() => $"INC-{++incidents:00000}";
}
