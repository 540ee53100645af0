using Dapper;
using DevEx.Store;
using NodaTime;

namespace DevEx.Analytics.Tickets;

internal sealed record TicketInfo(string Key, string Project, string Type, Instant CreatedAt, string? Title, string? Team);

internal sealed record TransitionInfo(string Key, int Seq, Instant At, string? FromStatus, string ToStatus);

/// <summary>The ticket source rows the ticket derivation reads (pull requests and commits come from DerivationInput).</summary>
internal sealed record TicketInput(
    IReadOnlyList<TicketInfo> Tickets, ILookup<string, TransitionInfo> Transitions,
    IReadOnlyList<(string Project, string Status, string Category)> SourceCategories)
{
    /// <param name="keys">Only these tickets (an incremental derivation); null for all.</param>
    public static TicketInput Load(DuckDbDatabase database, IReadOnlyList<string>? keys = null)
    {
        using var connection = database.Open();
        var pool = new Derivations.StringPool();
        var only = keys is null ? "" : "WHERE key " + StoredTicketLinks.InKeys;
        var parameters = new { keys = string.Join('\n', keys ?? []) };
        var tickets = connection.Query<TicketInfo>($"SELECT key, project, type, created_at AS CreatedAt, title, team FROM tickets {only} ORDER BY key", parameters)
            .Select(t => t with { Key = pool.Get(t.Key), Project = pool.Get(t.Project), Type = pool.Get(t.Type), Team = pool.GetOrNull(t.Team) })
            .ToList();
        var transitions = connection.Query<TransitionInfo>($"""
            SELECT key, seq, "at", from_status AS FromStatus, to_status AS ToStatus FROM ticket_transitions {only} ORDER BY key, seq, "at"
            """, parameters).Select(t => t with { Key = pool.Get(t.Key), FromStatus = pool.GetOrNull(t.FromStatus), ToStatus = pool.Get(t.ToStatus) })
            .ToLookup(t => t.Key, StringComparer.Ordinal);
        var categories = connection.Query<(string Project, string Status, string Category)>(
            "SELECT project, status, category FROM ticket_statuses ORDER BY source, project, status").ToList();
        return new TicketInput(tickets, transitions, categories);
    }
}
