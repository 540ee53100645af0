using DevEx.Store.Rows;
using Octokit;

namespace DevEx.Collectors.GitHub.Mapping;

/// <summary>
/// A GitHub issue (never a pull request) and its events → a ticket with status transitions, for teams that track work
/// on GitHub. Statuses: "Open" at creation and on reopen, "Closed" on close; while a label with the status prefix is
/// applied ("status: In review"), that is the status instead of "Open".
/// </summary>
public static class IssueTicketMapper
{
    public const string Open = "Open";
    public const string Closed = "Closed";

    public static string Key(string repo, int number) => $"{repo}#{number}";

    /// <summary>The ticket and its transitions, or null for a pull request.</summary>
    public static (TicketRow Ticket, IReadOnlyList<TicketTransitionRow> Transitions)? Map(string repo, Issue issue, IReadOnlyList<IssueEvent> events, string statusLabelPrefix)
    {
        if (issue.PullRequest is not null)
        {
            return null;
        }
        var key = Key(repo, issue.Number);
        var labels = issue.Labels.Select(l => l.Name).ToList();
        var ticket = new TicketRow(key, repo, labels.Any(l => string.Equals(l, "bug", StringComparison.OrdinalIgnoreCase)) ? "Bug" : "Issue",
            GitHubMapping.ToInstant(issue.CreatedAt), GitHubMapping.ToInstantOrNull(issue.ClosedAt), issue.Title, issue.Assignee?.Login,
            null, labels, GitHubMapping.Source);
        var transitions = new List<TicketTransitionRow>();
        var status = Open;
        string? labelStatus = null;
        var closed = false;
        foreach (var change in events.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id))
        {
            var name = change.Event.StringValue;
            var label = change.Label?.Name;
            if (name == "closed")
            {
                closed = true;
            }
            else if (name == "reopened")
            {
                closed = false;
            }
            else if (name == "labeled" && IsStatus(label, statusLabelPrefix))
            {
                labelStatus = label![statusLabelPrefix.Length..].Trim();
            }
            else if (name == "unlabeled" && IsStatus(label, statusLabelPrefix) && labelStatus == label![statusLabelPrefix.Length..].Trim())
            {
                labelStatus = null;
            }
            else
            {
                continue;
            }
            var next = closed ? Closed : labelStatus ?? Open;
            if (next != status)
            {
                transitions.Add(new TicketTransitionRow(key, transitions.Count, GitHubMapping.ToInstant(change.CreatedAt), status, next));
                status = next;
            }
        }
        return (ticket, transitions);
    }

    /// <summary>The category GitHub itself implies for a status: Open is not started, Closed is done.</summary>
    public static TicketStatusRow Status(string repo, string status) =>
        new(GitHubMapping.Source, repo, status, status == Open ? "new" : status == Closed ? "done" : "indeterminate");

    private static bool IsStatus(string? label, string prefix) =>
        prefix.Length > 0 && label is not null && label.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && label.Length > prefix.Length;
}
