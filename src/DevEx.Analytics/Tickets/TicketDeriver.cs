using DevEx.Analytics.Derivations;
using DevEx.Analytics.Time;
using DevEx.Store;
using DevEx.Store.Writing;
using NodaTime;

namespace DevEx.Analytics.Tickets;

/// <summary>One [Start, End) stay of a ticket in a status; End is null while it is the current status.</summary>
internal sealed record TicketInterval(string Key, string Status, string Category, bool Blocked, Instant Start, Instant? End,
    double? Hours, double? WorkingHours);

/// <summary>A ticket's flow facts (d_tickets); the span sums cover the cycle span [FirstActiveAt, DoneAt).</summary>
internal sealed record TicketFacts(
    TicketInfo Ticket, string? Team, Instant? FirstActiveAt, Instant? DoneAt, (double Hours, double WorkingHours)? Cycle,
    (double Hours, double WorkingHours)? Active, (double Hours, double WorkingHours)? Wait, (double Hours, double WorkingHours)? Blocked,
    bool Reopened, string CurrentStatus, string CurrentCategory, int LinkedPullRequests, (double Hours, double WorkingHours)? LeadTime);

/// <summary>
/// What the ticket derivation produced: the rows of ticket_status_intervals, d_tickets and ticket_links, for every
/// ticket or, when <paramref name="Keys"/> is set, for those tickets only (an incremental derivation).
/// </summary>
internal sealed record TicketDerivation(IReadOnlyList<TicketInterval> Intervals, IReadOnlyList<TicketFacts> Facts, IReadOnlyList<TicketLink> Links,
    IReadOnlyList<string>? Keys = null);

/// <summary>What a ticket reads of a linked pull request: its owner team, and when it was merged and deployed.</summary>
internal sealed record LinkedPull(string Repo, int Number, string? OwnerTeam, Instant MergedAt, Instant? DeployedAt)
{
    public static LinkedPull Of(PullRequestFlowRow row) => new(row.Repo, row.Number, row.OwnerTeam, row.MergedAt, row.DeployedAt);
}

/// <summary>
/// Derives ticket_status_intervals, d_tickets and ticket_links from the transition history (docs/metrics.md, tickets).
/// A ticket starts in its first transition's <c>from</c> status (else <c>created</c>, a backlog status) at its creation;
/// each transition starts the next interval. Cycle time runs from the first entry to an active status to the first
/// entry to done after it, so a reopened ticket's cycle ends at its first done. <see cref="Replacements"/> replaces the
/// three tables inside the derivation's one transaction, so readers see them change together with the d_* tables.
/// </summary>
internal sealed class TicketDeriver(DuckDbDatabase database, TicketOptions options, DataQualityLog quality)
{
    public const string CreatedStatus = "created";

    public TicketDerivation Derive(DerivationInput input, TeamCalendars calendars, IReadOnlyList<PullRequestFlowRow> pulls)
    {
        var tickets = TicketInput.Load(database);
        var links = TicketLinker.Link(input, tickets.Tickets.Select(t => t.Key).ToHashSet(StringComparer.Ordinal));
        return Derive(tickets, links, pulls.Select(LinkedPull.Of), calendars, keys: null);
    }

    /// <summary>
    /// An incremental derivation's tickets: those linked to a pull request of the scope's repositories, before or now.
    /// Their links to other repositories, and those pull requests' rows, are read from what the last derivation wrote
    /// (unchanged, being outside the scope). The statuses of tickets are not changed by a repository, so the
    /// "unmapped-status" entries stay as they are.
    /// </summary>
    public TicketDerivation DeriveLinkedTo(DerivationScope scope, DerivationInput input, TeamCalendars calendars, IReadOnlyList<PullRequestFlowRow> pulls)
    {
        var stored = StoredTicketLinks.Load(database, scope, input, out var fresh);
        var tickets = TicketInput.Load(database, stored.Keys);
        return Derive(tickets, [.. fresh, .. stored.OtherLinks], pulls.Select(LinkedPull.Of).Concat(stored.OtherPulls), calendars, stored.Keys);
    }

    private TicketDerivation Derive(TicketInput tickets, IReadOnlyList<TicketLink> links, IEnumerable<LinkedPull> pulls, TeamCalendars calendars,
        IReadOnlyList<string>? keys)
    {
        var mapper = new TicketStatusMapper(options, tickets.SourceCategories);
        var pullByRef = pulls.ToDictionary(p => (p.Repo, p.Number));
        var linksByTicket = links.ToLookup(l => l.TicketKey, StringComparer.Ordinal);
        var intervals = new List<TicketInterval>();
        var facts = new List<TicketFacts>();
        foreach (var ticket in tickets.Tickets)
        {
            // Ties in merge time go by repository and number, so the first owner team does not depend on load order.
            var linked = linksByTicket[ticket.Key].Select(l => pullByRef.GetValueOrDefault((l.Repo, l.Number))).OfType<LinkedPull>()
                .OrderBy(p => p.MergedAt).ThenBy(p => p.Repo, StringComparer.Ordinal).ThenBy(p => p.Number).ToList();
            var team = ticket.Team ?? linked.Select(p => p.OwnerTeam).FirstOrDefault(t => t is not null);
            var calendar = calendars.For(team);
            var own = Intervals(ticket, tickets.Transitions[ticket.Key].ToList(), mapper, calendar);
            intervals.AddRange(own);
            facts.Add(Facts(ticket, team, own, linked, linksByTicket[ticket.Key].Count(), calendar));
        }
        return new TicketDerivation(intervals, facts, links, keys);
    }

    private List<TicketInterval> Intervals(TicketInfo ticket, List<TransitionInfo> transitions, TicketStatusMapper mapper, WorkingHoursCalendar calendar)
    {
        var stays = new List<(string Status, Instant Start)> { (transitions.FirstOrDefault()?.FromStatus ?? CreatedStatus, ticket.CreatedAt) };
        stays.AddRange(transitions.Select(t => (t.ToStatus, t.At)));
        var intervals = new List<TicketInterval>();
        for (var i = 0; i < stays.Count; i++)
        {
            var (status, start) = stays[i];
            Instant? end = i + 1 < stays.Count ? stays[i + 1].Start : null;
            var category = status == CreatedStatus && i == 0 && transitions.FirstOrDefault()?.FromStatus is null ? "backlog" : Category(ticket.Project, status, mapper);
            // A transition recorded before the previous one (clock skew) makes a zero-length stay, never a negative one.
            var hours = end is { } e ? (e > start ? ((e - start).TotalHours, calendar.WorkingHours(start, e)) : (0.0, 0.0)) : ((double, double)?)null;
            intervals.Add(new TicketInterval(ticket.Key, status, category, mapper.IsBlocked(status), start, end, hours?.Item1, hours?.Item2));
        }
        return intervals;
    }

    private string Category(string project, string status, TicketStatusMapper mapper)
    {
        var mapping = mapper.Map(project, status);
        if (mapping.Unmapped)
        {
            quality.Add("unmapped-status", $"{project}/{status}", "no override, source category or name rule matched; counted as active");
        }
        return mapping.Category;
    }

    private static TicketFacts Facts(TicketInfo ticket, string? team, List<TicketInterval> intervals, List<LinkedPull> linked,
        int linkCount, WorkingHoursCalendar calendar)
    {
        var firstActive = intervals.FindIndex(i => i.Category == "active");
        var done = intervals.FindIndex(Math.Max(firstActive, 0), i => i.Category == "done");
        var firstActiveAt = firstActive >= 0 ? intervals[firstActive].Start : (Instant?)null;
        var doneAt = done >= 0 ? intervals[done].Start : (Instant?)null;
        (double, double)? cycle = null, active = null, wait = null, blocked = null;
        if (firstActive >= 0 && done > firstActive)
        {
            var span = intervals.Skip(firstActive).Take(done - firstActive).ToList();
            cycle = ((doneAt!.Value - firstActiveAt!.Value).TotalHours, calendar.WorkingHours(firstActiveAt.Value, doneAt.Value));
            active = Sum(span.Where(i => i.Category == "active"));
            wait = Sum(span.Where(i => i.Category == "wait"));
            blocked = Sum(span.Where(i => i.Blocked));
        }
        var reopened = intervals.Zip(intervals.Skip(1)).Any(p => p.First.Category == "done" && p.Second.Category != "done");
        (double, double)? lead = null;
        if (firstActiveAt is { } started && linked.LastOrDefault()?.DeployedAt is { } deployed)
        {
            lead = deployed > started ? ((deployed - started).TotalHours, calendar.WorkingHours(started, deployed)) : (0, 0);
        }
        var current = intervals[^1];
        return new TicketFacts(ticket, team, firstActiveAt, doneAt, cycle, active, wait, blocked, reopened, current.Status, current.Category,
            linkCount, lead);
    }

    private static (double, double) Sum(IEnumerable<TicketInterval> intervals)
    {
        var list = intervals.ToList();
        return (list.Sum(i => i.Hours ?? 0), list.Sum(i => i.WorkingHours ?? 0));
    }

    /// <summary>
    /// The replacement of the three ticket tables (all of them, or the re-derived tickets' rows), which the derivation
    /// applies inside its one transaction.
    /// </summary>
    public static TableReplacements Replacements(TicketDerivation derived) => new TableReplacements()
        .Replace(TicketTables.Intervals, derived.Intervals.ToList(), "key", derived.Keys)
        .Replace(TicketTables.Tickets, derived.Facts.ToList(), "key", derived.Keys)
        .Replace(TicketTables.Links, derived.Links.ToList(), "ticket_key", derived.Keys);
}
