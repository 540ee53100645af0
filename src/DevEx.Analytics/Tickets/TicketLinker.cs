using System.Text.RegularExpressions;
using DevEx.Analytics.Derivations;

namespace DevEx.Analytics.Tickets;

internal sealed record TicketLink(string TicketKey, string Repo, int Number, string Method);

/// <summary>
/// Links tickets to pull requests by a ticket key (<c>[A-Z][A-Z0-9]+-\d+</c>) in the head branch, the title or one of
/// the pull request's commit messages, first match in that order. Only keys of imported tickets count, so a
/// look-alike such as <c>UTF-8</c> links nothing. Branch names are matched upper-cased (<c>feature/abc-12</c>).
/// </summary>
internal static partial class TicketLinker
{
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z][A-Z0-9]+-\d+(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex TicketKey();

    public static IReadOnlyList<TicketLink> Link(DerivationInput input, IReadOnlySet<string> ticketKeys)
    {
        var messages = input.Commits.ToDictionary(c => (c.Repo, c.Sha), c => c.Message);
        var links = new List<TicketLink>();
        foreach (var pull in input.PullRequests)
        {
            var sources = new List<(string Method, string? Text)> { ("branch", pull.HeadBranch?.ToUpperInvariant()), ("title", pull.Title) };
            sources.AddRange(input.PullRequestCommits[(pull.Repo, pull.Number)].Select(sha => ("commit", messages.GetValueOrDefault((pull.Repo, sha)))));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (method, text) in sources)
            {
                foreach (var key in Keys(text).Where(k => ticketKeys.Contains(k) && seen.Add(k)))
                {
                    links.Add(new TicketLink(key, pull.Repo, pull.Number, method));
                }
            }
        }
        return links;
    }

    private static IEnumerable<string> Keys(string? text) =>
        text is null ? [] : TicketKey().Matches(text).Select(m => m.Value);
}
