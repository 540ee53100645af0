using DevEx.Store;
using DevEx.Store.Reading;
using NodaTime;

namespace DevEx.Analytics.Tickets;

internal sealed record TicketInfo(string Key, string Project, string Type, Instant CreatedAt, string? Title, string? Team);

internal sealed record TransitionInfo(string Key, int Seq, Instant At, string? FromStatus, string ToStatus);

/// <summary>The ticket source rows the ticket derivation reads (pull requests and commits come from DerivationInput).</summary>
internal sealed record TicketInput(
    IReadOnlyList<TicketInfo> Tickets, ILookup<string, TransitionInfo> Transitions,
    IReadOnlyList<(string Project, string Status, string Category)> SourceCategories)
{
    /// <param name="database">The database the rows are read from (through Store's <see cref="TicketReads"/>).</param>
    /// <param name="keys">Only these tickets (an incremental derivation); null for all.</param>
    public static TicketInput Load(DuckDbDatabase database, IReadOnlyList<string>? keys = null)
    {
        var pool = new Derivations.StringPool();
        var tickets = TicketReads.Tickets(database, keys)
            .Select(t => new TicketInfo(pool.Get(t.Key), pool.Get(t.Project), pool.Get(t.Type), t.CreatedAt, t.Title, pool.GetOrNull(t.Team)))
            .ToList();
        var transitions = TicketReads.Transitions(database, keys)
            .Select(t => new TransitionInfo(pool.Get(t.Key), t.Seq, t.At, pool.GetOrNull(t.FromStatus), pool.Get(t.ToStatus)))
            .ToLookup(t => t.Key, StringComparer.Ordinal);
        return new TicketInput(tickets, transitions, TicketReads.SourceCategories(database));
    }
}
