using System.Text.Json;
using DevEx.Store.Rows;
using Octokit;

namespace DevEx.Collectors.GitHub.Mapping;

/// <summary>
/// A push webhook → commits rows. The payload lists the pushed commits oldest first but gives no parents, so each
/// commit's parent is taken to be the commit before it, and the first's the push's <c>before</c>. That chain is exact
/// for a fast-forward of linear history; a merge commit gets only its second parent. The rows are provisional: a REST
/// poll (or git) writes the real parents over them.
/// </summary>
public static class PushMapper
{
    private const string NoCommit = "0000000000000000000000000000000000000000";

    /// <summary>
    /// True when the push deleted a branch or tag: nothing was pushed (the push example deletes a tag: deleted true,
    /// after all zeros, head_commit null).
    /// </summary>
    public static bool IsDeletion(PushWebhookPayload push) =>
        push.Deleted || IsZero(push.After) || push.HeadCommit is null;

    /// <param name="authorLogins">
    /// Commit sha → the GitHub login of its author, from the payload's <c>author.username</c>; Octokit's model drops
    /// that field. With it, a pushed commit names its author as the REST API will (the login when linked).
    /// </param>
    public static IReadOnlyList<CommitRow> Map(string repo, PushWebhookPayload push, IReadOnlyDictionary<string, string> authorLogins)
    {
        if (IsDeletion(push))
        {
            return [];
        }
        var rows = new List<CommitRow>(push.Commits?.Count ?? 0);
        var parent = IsZero(push.Before) ? null : push.Before;
        foreach (var commit in push.Commits ?? [])
        {
            var timestamp = GitHubMapping.ToInstant(commit.Timestamp);
            rows.Add(new CommitRow(
                repo, commit.Id, parent is null ? [] : [parent],
                GitHubMapping.Identity(authorLogins.GetValueOrDefault(commit.Id), commit.Author?.Email, commit.Author?.Name),
                // The payload gives one timestamp per commit and does not say whose: it is taken as the authored time
                // (for commits made on GitHub, as in the reallyfastci push, both dates are equal); the committed time is
                // left unknown rather than guessed, and a REST poll fills both.
                timestamp, null, commit.Message, GitHubMapping.Source));
            parent = commit.Id;
        }
        return rows;
    }

    /// <summary>
    /// Commit sha → <c>author.username</c> from a push payload's JSON: the GitHub login GitHub linked each commit's
    /// author to (absent when the email belongs to no account).
    /// </summary>
    public static IReadOnlyDictionary<string, string> AuthorLogins(string payloadJson)
    {
        var logins = new Dictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(payloadJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("commits", out var commits) || commits.ValueKind != JsonValueKind.Array)
        {
            return logins;
        }
        foreach (var commit in commits.EnumerateArray())
        {
            if (commit.ValueKind == JsonValueKind.Object
                && commit.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && commit.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object
                && author.TryGetProperty("username", out var username) && username.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(username.GetString()))
            {
                logins[id.GetString()!] = username.GetString()!;
            }
        }
        return logins;
    }

    /// <summary>
    /// The pull requests whose merge commits this push brought, with the commits of the push they merged: for each
    /// pushed commit that is the merge commit of a merged pull request (<paramref name="mergedPullRequestBySha"/>,
    /// number by merge sha), the pushed commits since the previous such merge commit. A merge through the GitHub
    /// button pushes exactly the pull request's new commits and the merge commit, so this is the pull request's
    /// commit list. <paramref name="accepts"/> confirms a guess (for example: the commit just before the merge commit
    /// is the pull request's known head).
    /// </summary>
    public static IReadOnlyList<(int Number, IReadOnlyList<string> Shas)> MergedPullRequestCommits(
        IReadOnlyList<CommitRow> pushed,
        IReadOnlyDictionary<string, int> mergedPullRequestBySha,
        Func<int, IReadOnlyList<string>, bool> accepts)
    {
        var result = new List<(int, IReadOnlyList<string>)>();
        var segmentStart = 0;
        for (var i = 0; i < pushed.Count; i++)
        {
            if (!mergedPullRequestBySha.TryGetValue(pushed[i].Sha, out var number))
            {
                continue;
            }
            var shas = pushed.Skip(segmentStart).Take(i - segmentStart).Select(c => c.Sha).ToList();
            if (shas.Count > 0 && accepts(number, shas))
            {
                result.Add((number, shas));
            }
            segmentStart = i + 1;
        }
        return result;
    }

    private static bool IsZero(string? sha) => string.IsNullOrEmpty(sha) || sha == NoCommit;
}
