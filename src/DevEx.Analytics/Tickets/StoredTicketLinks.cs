using Dapper;
using DevEx.Analytics.Derivations;
using DevEx.Store;
using NodaTime;

namespace DevEx.Analytics.Tickets;

/// <summary>
/// For an incremental derivation: the tickets it re-derives (linked to a pull request of the scope's repositories by the
/// last derivation or by this one), and what the last derivation wrote of their links to other repositories.
/// </summary>
internal sealed record StoredTicketLinks(IReadOnlyList<string> Keys, IReadOnlyList<TicketLink> OtherLinks, IReadOnlyList<LinkedPull> OtherPulls)
{
    public const string InKeys = "IN (SELECT unnest(string_split($keys, chr(10))))";

    public static StoredTicketLinks Load(DuckDbDatabase database, DerivationScope scope, DerivationInput input, out IReadOnlyList<TicketLink> fresh)
    {
        using var connection = database.Open();
        var ticketKeys = connection.Query<string>("SELECT key FROM tickets").ToHashSet(StringComparer.Ordinal);
        fresh = TicketLinker.Link(input, ticketKeys);
        var before = connection.Query<string>($"SELECT DISTINCT ticket_key FROM ticket_links WHERE repo {DerivationScope.InRepos}", scope.Parameters);
        var keys = fresh.Select(l => l.TicketKey).Concat(before).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var parameters = new { keys = string.Join('\n', keys), repos = scope.RepoList };
        var otherLinks = connection.Query<TicketLink>($"""
            SELECT ticket_key AS TicketKey, repo, number, method FROM ticket_links
            WHERE ticket_key {InKeys} AND repo NOT {DerivationScope.InRepos}
            """, parameters).ToList();
        var otherPulls = connection.Query<StoredPull>($"""
            SELECT p.repo, p.number, p.owner_team AS OwnerTeam, p.merged_at AS MergedAt, p.deployed_at AS DeployedAt
            FROM d_pull_requests p
            WHERE p.repo NOT {DerivationScope.InRepos}
              AND EXISTS (SELECT 1 FROM ticket_links l WHERE l.repo = p.repo AND l.number = p.number AND l.ticket_key {InKeys})
            """, parameters).Select(p => new LinkedPull(p.Repo, p.Number, p.OwnerTeam, p.MergedAt, p.DeployedAt)).ToList();
        return new StoredTicketLinks(keys, otherLinks, otherPulls);
    }

    private sealed record StoredPull(string Repo, int Number, string? OwnerTeam, Instant MergedAt, Instant? DeployedAt);
}
