using Dapper;
using NodaTime;

namespace DevEx.Store.Reading;

/// <summary>A ticket as the ticket derivation reads it (tickets).</summary>
public sealed record StoredTicket(string Key, string Project, string Type, Instant CreatedAt, string? Title, string? Team);

/// <summary>A link the last derivation wrote (ticket_links).</summary>
public sealed record StoredTicketLink(string TicketKey, string Repo, int Number, string Method);

/// <summary>What the last derivation wrote of a pull request a ticket links to (d_pull_requests).</summary>
public sealed record StoredLinkedPull(string Repo, int Number, string? OwnerTeam, Instant MergedAt, Instant? DeployedAt);

/// <summary>
/// The ticket rows the ticket derivation reads: the source tables (tickets, transitions, source categories), and for an
/// incremental run what the last run wrote of the links it keeps. A key list parameter is split back by DuckDB with
/// <c>string_split($p, chr(10))</c>, so a list of any length is one bound value.
/// </summary>
public static class TicketReads
{
    private const string InKeys = "IN (SELECT unnest(string_split($keys, chr(10))))";
    private const string InRepos = "IN (SELECT unnest(string_split($repos, chr(10))))";

    /// <param name="database">The database.</param>
    /// <param name="keys">Only these tickets (an incremental derivation); null for all.</param>
    public static IReadOnlyList<StoredTicket> Tickets(DuckDbDatabase database, IReadOnlyCollection<string>? keys = null)
    {
        using var connection = database.Open();
        return connection.Query<StoredTicket>(
            $"SELECT key, project, type, created_at AS CreatedAt, title, team FROM tickets {Only(keys)} ORDER BY key", KeyList(keys)).AsList();
    }

    /// <summary>Transitions in ticket order, then by sequence and time; <paramref name="keys"/> as in <see cref="Tickets"/>.</summary>
    public static IReadOnlyList<Rows.TicketTransitionRow> Transitions(DuckDbDatabase database, IReadOnlyCollection<string>? keys = null)
    {
        using var connection = database.Open();
        return connection.Query<Rows.TicketTransitionRow>($"""
            SELECT key, seq, "at", from_status AS FromStatus, to_status AS ToStatus FROM ticket_transitions {Only(keys)} ORDER BY key, seq, "at"
            """, KeyList(keys)).AsList();
    }

    /// <summary>The categories the sources give their statuses, by source, project and status.</summary>
    public static IReadOnlyList<(string Project, string Status, string Category)> SourceCategories(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<(string Project, string Status, string Category)>(
            "SELECT project, status, category FROM ticket_statuses ORDER BY source, project, status").AsList();
    }

    /// <summary>The key of every stored ticket: only these can be linked.</summary>
    public static IReadOnlyList<string> AllKeys(DuckDbDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<string>("SELECT key FROM tickets").AsList();
    }

    /// <summary>The tickets the last derivation linked to a pull request of one of <paramref name="repos"/>.</summary>
    public static IReadOnlyList<string> KeysLinkedTo(DuckDbDatabase database, IReadOnlyCollection<string> repos)
    {
        using var connection = database.Open();
        return connection.Query<string>($"SELECT DISTINCT ticket_key FROM ticket_links WHERE repo {InRepos}", RepoList(repos)).AsList();
    }

    /// <summary>The stored links of tickets <paramref name="keys"/> to pull requests outside <paramref name="repos"/>.</summary>
    public static IReadOnlyList<StoredTicketLink> LinksOutside(DuckDbDatabase database, IReadOnlyCollection<string> keys, IReadOnlyCollection<string> repos)
    {
        using var connection = database.Open();
        return connection.Query<StoredTicketLink>($"""
            SELECT ticket_key AS TicketKey, repo, number, method FROM ticket_links
            WHERE ticket_key {InKeys} AND repo NOT {InRepos}
            """, new { keys = string.Join('\n', keys), repos = string.Join('\n', repos) }).AsList();
    }

    /// <summary>The derived pull requests outside <paramref name="repos"/> that tickets <paramref name="keys"/> are linked to.</summary>
    public static IReadOnlyList<StoredLinkedPull> PullsOutside(DuckDbDatabase database, IReadOnlyCollection<string> keys, IReadOnlyCollection<string> repos)
    {
        using var connection = database.Open();
        return connection.Query<StoredLinkedPull>($"""
            SELECT p.repo, p.number, p.owner_team AS OwnerTeam, p.merged_at AS MergedAt, p.deployed_at AS DeployedAt
            FROM d_pull_requests p
            WHERE p.repo NOT {InRepos}
              AND EXISTS (SELECT 1 FROM ticket_links l WHERE l.repo = p.repo AND l.number = p.number AND l.ticket_key {InKeys})
            """, new { keys = string.Join('\n', keys), repos = string.Join('\n', repos) }).AsList();
    }

    private static string Only(IReadOnlyCollection<string>? keys) => keys is null ? "" : "WHERE key " + InKeys;

    private static object KeyList(IReadOnlyCollection<string>? keys) => new { keys = string.Join('\n', keys ?? []) };

    private static object RepoList(IReadOnlyCollection<string> repos) => new { repos = string.Join('\n', repos) };
}
