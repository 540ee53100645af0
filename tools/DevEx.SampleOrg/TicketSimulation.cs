using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>One ticket of tickets.ndjson; <paramref name="Transitions"/> are in time order.</summary>
internal sealed record TicketRecord(
    string Key, string Project, string Type, Instant CreatedAt, Instant? ResolvedAt, string Title, string Assignee,
    string Team, IReadOnlyList<string> Labels, IReadOnlyList<TicketTransitionRecord> Transitions);

internal sealed record TicketTransitionRecord(Instant At, string From, string To);

/// <summary>The status names of a Jira-like workflow; <see cref="Qa"/> and <see cref="Blocked"/> may be absent.</summary>
internal sealed record TicketWorkflow(
    string Backlog, string? Selected, string Active, string Review, string? ReadyForQa, string? Qa, string? Blocked, string Done)
{
    public static readonly TicketWorkflow Standard =
        new("To Do", null, "In Progress", "In Review", "Ready for QA", "In QA", "Blocked", "Done");

    /// <summary>One team's Jira runs the older "simplified" scheme: no QA, no blocked status.</summary>
    public static readonly TicketWorkflow Kanban =
        new("Backlog", "Selected for Development", "Doing", "Code Review", null, null, null, "Closed");
}

/// <summary>
/// A team's tickets: each engineer creates a few a week in the team's project (key prefix from the team name, e.g.
/// PAY-123). Every wait and every stretch of work is a log-normal duration in the team's working hours, so the
/// history has what real boards have: backlog waits, blocked periods, review and QA queues, changes requested
/// (review → in progress → review), QA failures, reopened tickets (done → in progress), tickets closed straight
/// from the backlog, and tickets still open when the window ends (later transitions are simply not written).
/// </summary>
internal sealed class TicketSimulation(SampleOrganisation organisation, SampleTeam team, string project, SamplePrng rng)
{
    private static readonly string[] Labels = ["backend", "frontend", "tech-debt", "customer", "security", "performance", "ops"];

    private readonly TicketWorkflow workflow = team.Index == 1 ? TicketWorkflow.Kanban : TicketWorkflow.Standard;
    private readonly List<TicketTransitionRecord> transitions = [];
    private int number;
    private double scale = 1.0;

    /// <summary>Writes the team's tickets and notes on <paramref name="board"/> when each went active; returns the number of transitions written.</summary>
    public int Run(SampleOutput output, TicketBoard board)
    {
        var written = 0;
        var engineers = team.Members.Where(m => m.InCatalog).ToList();
        var planned = new List<(Instant Created, SamplePerson Assignee, int Forced)>();
        for (var week = 0; week < organisation.Weeks; week++)
        {
            var monday = organisation.StartDate.PlusWeeks(week);
            planned.Clear();
            foreach (var member in engineers.Where(m => !m.OnVacation(week)))
            {
                // The first week has a ticket per engineer and three for the first, so even tiny samples show every case.
                var atLeast = week > 0 ? 0 : member == engineers[0] ? 3 : 1;
                for (var i = Math.Max(atLeast, rng.Poisson(1.2)); i > 0; i--)
                {
                    var created = team.Hours.RandomMomentOn(monday.PlusDays(rng.Next(5)), rng);
                    var forced = week == 0 && member == engineers[0] && planned.Count < 3 ? planned.Count : -1;
                    planned.Add((created, member, forced));
                }
            }
            // Keys are numbered in creation order, as a tracker numbers them (OrderBy is stable).
            foreach (var (created, assignee, forced) in planned.OrderBy(p => p.Created))
            {
                if (created < organisation.Until)
                {
                    var ticket = Ticket(assignee, created, forced);
                    output.Write(ticket);
                    if (ticket.Transitions.FirstOrDefault(t => t.To == workflow.Active) is { } active)
                    {
                        board.Add(ticket.Assignee, active.At, ticket.Key);
                    }
                    written += ticket.Transitions.Count;
                }
            }
        }
        return written;
    }

    // forced (the first engineer's first three tickets of the first week): 0 straight to done, 1 blocked, 2 reopened;
    // -1 for every other ticket, whose cases are drawn.
    private TicketRecord Ticket(SamplePerson assignee, Instant created, int forced)
    {
        var key = $"{project}-{++number}";
        var roll = rng.NextDouble();
        var type = roll < 0.55 ? "Story" : roll < 0.85 ? "Bug" : "Task";
        var topic = rng.Pick(SampleNames.Topics);
        var title = type == "Bug" ? $"Fix {topic}" : $"{rng.Pick(SampleNames.Verbs)} {topic}";
        IReadOnlyList<string> labels = rng.Next(3) switch
        {
            0 => [],
            1 => [rng.Pick(Labels)],
            _ => [rng.Pick(Labels), "q" + (((created.InUtc().Month - 1) / 3) + 1)],
        };
        transitions.Clear();
        scale = forced >= 0 ? 0.25 : 1.0; // the forced cases finish quickly, inside even a one-week sample
        var state = new Cursor(workflow.Backlog, created);
        var straightToDone = forced == 0 || (forced < 0 && rng.Chance(0.06));
        if (straightToDone)
        {
            // Duplicates and won't-dos: closed from the backlog, never active.
            Move(ref state, workflow.Done, Work(20, 1.2));
        }
        else
        {
            if (workflow.Selected is { } selected)
            {
                Move(ref state, selected, Work(12, 1.0));
            }
            Move(ref state, workflow.Active, Work(workflow.Selected is null ? 24 : 8, 1.1));
            var blocked = forced == 1 || (forced < 0 && rng.Chance(0.15));
            var reopened = forced == 2 || (forced < 0 && rng.Chance(0.06));
            Develop(ref state, type, blocked);
            if (reopened)
            {
                Move(ref state, workflow.Active, Work(30, 1.0));
                Develop(ref state, type, blocked: false);
            }
        }
        var done = state.Status == workflow.Done && transitions.Count > 0 ? transitions[^1].At : (Instant?)null;
        return new TicketRecord(key, project, type, created, done, title, assignee.Email, team.Name, labels, [.. transitions]);
    }

    // In progress → (blocked → in progress) → review (↔ in progress) → QA (→ in progress on a failure) → done.
    private void Develop(ref Cursor state, string type, bool blocked)
    {
        if (blocked && workflow.Blocked is { } blockedStatus)
        {
            Move(ref state, blockedStatus, Work(4, 0.8));
            Move(ref state, workflow.Active, Work(10, 1.0));
        }
        var review = type != "Task" || rng.Chance(0.5);
        if (review)
        {
            Move(ref state, workflow.Review, Work(8, 0.9));
            while (rng.Chance(0.2))
            {
                Move(ref state, workflow.Active, Work(4, 0.9)); // changes requested
                Move(ref state, workflow.Review, Work(3, 0.9));
            }
        }
        if (workflow.ReadyForQa is { } ready && workflow.Qa is { } qa && type != "Task" && rng.Chance(0.7))
        {
            Move(ref state, ready, review ? Work(3, 0.9) : Work(8, 0.9));
            Move(ref state, qa, Work(6, 1.0));
            if (rng.Chance(0.12))
            {
                Move(ref state, workflow.Active, Work(2, 0.8)); // failed QA
                Move(ref state, ready, Work(4, 0.9));
                Move(ref state, qa, Work(4, 1.0));
            }
            Move(ref state, workflow.Done, Work(2, 0.8));
        }
        else
        {
            Move(ref state, workflow.Done, review ? Work(3, 0.9) : Work(8, 1.0));
        }
    }

    private Duration Work(double medianHours, double sigma) =>
        rng.LogNormalDuration(Duration.FromHours(medianHours * scale), sigma, Duration.FromHours(400));

    // The time spent in the current status is counted in the team's working hours; a move after the window's
    // end is never written, which leaves the ticket open in the status it has then.
    private void Move(ref Cursor state, string to, Duration inCurrent)
    {
        if (state.At >= organisation.Until)
        {
            return;
        }
        var at = team.Hours.AddWorking(state.At, inCurrent);
        if (at >= organisation.Until)
        {
            state = new Cursor(state.Status, organisation.Until);
            return;
        }
        transitions.Add(new TicketTransitionRecord(at, state.Status, to));
        state = new Cursor(to, at);
    }

    private readonly record struct Cursor(string Status, Instant At);

    /// <summary>Project keys: the team name's first letters, longer when another team already has them.</summary>
    public static IReadOnlyList<string> ProjectKeys(IReadOnlyList<SampleTeam> teams)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var keys = new List<string>(teams.Count);
        foreach (var team in teams)
        {
            var letters = new string(team.Name.Where(char.IsAsciiLetter).Select(char.ToUpperInvariant).ToArray());
            var key = Enumerable.Range(3, Math.Max(0, letters.Length - 2)).Select(n => letters[..n]).FirstOrDefault(used.Add);
            if (key is null)
            {
                var stem = letters.Length >= 3 ? letters[..3] : letters + "X";
                var suffix = 2;
                while (!used.Add(key = $"{stem}{suffix}"))
                {
                    suffix++;
                }
            }
            keys.Add(key);
        }
        return keys;
    }
}

/// <summary>
/// The tickets engineers were working on, so that feature pull requests can name them the way people do: a branch
/// <c>PAY-123-add-search</c>, a title <c>[PAY-123] Add search</c>, or both. Uses its own random stream, so linking
/// changes no other draw of the generator.
/// </summary>
internal sealed class TicketBoard(SamplePrng rng)
{
    private static readonly Duration LookBack = Duration.FromDays(10);
    private static readonly Duration LookAhead = Duration.FromHours(8);

    private readonly Dictionary<string, List<(Instant ActiveAt, string Key)>> byAssignee = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public void Add(string assignee, Instant activeAt, string key)
    {
        if (!byAssignee.TryGetValue(assignee, out var list))
        {
            byAssignee[assignee] = list = [];
        }
        list.Add((activeAt, key));
        Count++;
    }

    /// <summary>
    /// The ticket a pull request started at <paramref name="start"/> names, if any: the author's ticket that went
    /// active most recently (up to 10 days before, or a few hours after, the work started), for about two thirds
    /// of the pull requests that have one. Returns the title and, when the branch names the key, the branch.
    /// </summary>
    public (string Title, string? Branch)? Link(SamplePerson author, Instant start, string title)
    {
        if (!byAssignee.TryGetValue(author.Email, out var list))
        {
            return null;
        }
        string? key = null;
        var best = Instant.MinValue;
        foreach (var (activeAt, candidate) in list)
        {
            if (activeAt >= start - LookBack && activeAt <= start + LookAhead && activeAt > best)
            {
                (best, key) = (activeAt, candidate);
            }
        }
        if (key is null || !rng.Chance(0.65))
        {
            return null;
        }
        var branch = $"{key}-{SampleNames.Slug(title)}";
        return rng.NextDouble() switch
        {
            < 0.6 => (title, branch),
            < 0.85 => ($"[{key}] {title}", null),
            _ => ($"{key} {title}", branch),
        };
    }
}
