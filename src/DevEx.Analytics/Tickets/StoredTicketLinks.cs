using DevEx.Analytics.Derivations;
using DevEx.Store;
using DevEx.Store.Reading;

namespace DevEx.Analytics.Tickets;

/// <summary>
/// For an incremental derivation: the tickets it re-derives (linked to a pull request of the scope's repositories by the
/// last derivation or by this one), and what the last derivation wrote of their links to other repositories.
/// </summary>
internal sealed record StoredTicketLinks(IReadOnlyList<string> Keys, IReadOnlyList<TicketLink> OtherLinks, IReadOnlyList<LinkedPull> OtherPulls)
{
    public static StoredTicketLinks Load(DuckDbDatabase database, DerivationScope scope, DerivationInput input, out IReadOnlyList<TicketLink> fresh)
    {
        fresh = TicketLinker.Link(input, TicketReads.AllKeys(database).ToHashSet(StringComparer.Ordinal));
        var before = TicketReads.KeysLinkedTo(database, scope.Repos);
        var keys = fresh.Select(l => l.TicketKey).Concat(before).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var otherLinks = TicketReads.LinksOutside(database, keys, scope.Repos)
            .Select(l => new TicketLink(l.TicketKey, l.Repo, l.Number, l.Method)).ToList();
        var otherPulls = TicketReads.PullsOutside(database, keys, scope.Repos)
            .Select(p => new LinkedPull(p.Repo, p.Number, p.OwnerTeam, p.MergedAt, p.DeployedAt)).ToList();
        return new StoredTicketLinks(keys, otherLinks, otherPulls);
    }
}
