using System.Diagnostics;
using System.Runtime.CompilerServices;
using DevEx.Analytics.Time;
using DevEx.Store;
using DevEx.Store.Writing;

namespace DevEx.Analytics.Derivations;

/// <summary>What one derivation run produced and how long it took.</summary>
public sealed record DerivationSummary(int ProductionDeployments, int Changes, int FailedDeployments, int PullRequests, int DataQualityEntries, TimeSpan Elapsed)
{
    /// <summary>Of <see cref="Elapsed"/>, the time spent holding the write lock (readers and writers wait for it).</summary>
    public TimeSpan WriteElapsed { get; init; }

    /// <summary>True when the run re-derived only the rows depending on some repositories and services.</summary>
    public bool Incremental { get; init; }
}

/// <summary>
/// Derives every derived table from the source tables: deployment streams and change sets, changes and lead time,
/// failed, rework and recovered deployments, pull-request flow, tickets and meeting weeks, all written in one
/// transaction. Runs after every import or sync; it is a pure function of the source tables (after the one source
/// write that precedes it, <see cref="UncataloguedServices"/>), so running it twice gives the same rows. Never two runs at once on one database
/// (each holds the whole org in memory): the server runs it from <c>DerivationQueueService</c>; commands and benchmarks call
/// <see cref="Run()"/> directly, and a direct call waits for a queued run in progress.
/// </summary>
public sealed class DerivationRunner(DuckDbDatabase database, MetricOptions options, Tickets.TicketOptions? ticketOptions = null,
    Calendar.MeetingOptions? meetingOptions = null)
{
    private static readonly ConditionalWeakTable<DuckDbDatabase, SemaphoreSlim> RunLocks = [];

    /// <summary>A full rebuild of every derived table.</summary>
    public DerivationSummary Run() => Run(new DerivationRequest("full"));

    /// <summary>
    /// A full rebuild, or for a request naming repositories and services an incremental one: only the rows that depend
    /// on them (<see cref="DerivationScope"/>) are derived, deleted and written again, with the full rebuild's result.
    /// </summary>
    public DerivationSummary Run(DerivationRequest request) => Run(request, CancellationToken.None);

    /// <summary>
    /// As <see cref="Run(DerivationRequest)"/>, giving up with <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> fires before its write begins: checked between the stages (they only read),
    /// never inside the one write transaction, so a stop leaves the derived tables whole, old or new.
    /// </summary>
    public DerivationSummary Run(DerivationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var runLock = RunLocks.GetValue(database, _ => new SemaphoreSlim(1, 1));
        runLock.Wait(cancellationToken);
        try
        {
            return RunAlone(request, cancellationToken);
        }
        finally
        {
            runLock.Release();
        }
    }

    private DerivationSummary RunAlone(DerivationRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        UncataloguedServices.Register(database);
        return request.IsFull ? RunFull(stopwatch, cancellationToken) : RunIncremental(DerivationScope.Resolve(database, request), stopwatch, cancellationToken);
    }

    /// <summary>
    /// How many parts a full run splits the org into (<see cref="DerivationScope.Partition"/>): each part's input is
    /// loaded, derived and written, then dropped, so a full run holds about one part of the org (plus the ticket step's
    /// pull requests) instead of all of it. 1 derives the org in one piece.
    /// </summary>
    public int FullRunParts { get; init; } = 4;

    private DerivationSummary RunIncremental(DerivationScope scope, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var quality = new DataQualityLog();
        var set = DeriveSet(scope, quality, cancellationToken);
        var ticketDeriver = new Tickets.TicketDeriver(database, ticketOptions ?? new Tickets.TicketOptions(), quality);
        var tickets = ticketDeriver.DeriveLinkedTo(scope, set.Input, set.Calendars, set.Rows.PullRequests);
        cancellationToken.ThrowIfCancellationRequested();
        var writing = Stopwatch.StartNew();
        var rows = set.Rows;
        DerivedTablesWriter.Write(database, scope, new DerivedRows(rows.Deployments, rows.Changes, rows.PullRequests, rows.Incidents, quality, tickets, null),
            cancellationToken);
        var written = writing.Elapsed;
        database.MarkDataChanged();
        return new DerivationSummary(rows.Deployments.Count, rows.Changes.Count, rows.Deployments.Count(d => d.Failed), rows.PullRequests.Count,
            quality.Entries.Count, stopwatch.Elapsed) { WriteElapsed = written, Incremental = true };
    }

    /// <summary>
    /// The whole org, part by part, inside one transaction of the derived tables (readers see the old state until it
    /// commits): each part is derived and written while the next is not yet loaded. Tickets come last, from every
    /// part's pull-request rows and the pull requests' commit messages. A stop between parts rolls the whole run back.
    /// </summary>
    private DerivationSummary RunFull(Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        // Meeting weeks read calendars and teams only, never a repository: derived first, so the calendar occurrences
        // are garbage before any part of the org is loaded.
        var teams = DerivationInput.LoadTeams(database);
        var meetingWeeks = new Calendar.MeetingWeekDeriver(database, meetingOptions ?? new Calendar.MeetingOptions())
            .Derive(new TeamCalendars(teams.Values, options));
        cancellationToken.ThrowIfCancellationRequested();
        var parts = FullRunParts == 1 ? [null] : DerivationScope.Partition(database, FullRunParts).Cast<DerivationScope?>().ToList();
        var pulls = new List<PullRequestFlowRow>();
        var (deployments, changes, failed, entries) = (0, 0, 0, 0);
        IEnumerable<DerivedSetRows> Sets()
        {
            foreach (var part in parts)
            {
                var quality = new DataQualityLog();
                var rows = DeriveSet(part, quality, cancellationToken).Rows;
                pulls.AddRange(rows.PullRequests);
                (deployments, changes, failed, entries) = (deployments + rows.Deployments.Count, changes + rows.Changes.Count,
                    failed + rows.Deployments.Count(d => d.Failed), entries + quality.Entries.Count);
                yield return rows;
            }
        }
        var ticketQuality = new DataQualityLog();
        Tickets.TicketDerivation Tickets() =>
            new Tickets.TicketDeriver(database, ticketOptions ?? new Tickets.TicketOptions(), ticketQuality)
                .Derive(DerivationInput.LoadForTicketLinks(database), new TeamCalendars(teams.Values, options), pulls);
        var writing = Stopwatch.StartNew();
        DerivedTablesWriter.WriteFull(database, Sets(), Tickets, ticketQuality, meetingWeeks, cancellationToken);
        var written = writing.Elapsed;
        database.Checkpoint(); // a full run rewrites every table
        database.MarkDataChanged();
        return new DerivationSummary(deployments, changes, failed, pulls.Count, entries + ticketQuality.Entries.Count, stopwatch.Elapsed)
        {
            WriteElapsed = written,
        };
    }

    /// <summary>One part's derivation (the whole org when <paramref name="scope"/> is null): everything but tickets and meeting weeks.</summary>
    private (DerivationInput Input, TeamCalendars Calendars, DerivedSetRows Rows) DeriveSet(DerivationScope? scope, DataQualityLog quality,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var input = DerivationInput.Load(database, scope);
        cancellationToken.ThrowIfCancellationRequested();
        var graphs = input.Commits.GroupBy(c => c.Repo)
            .ToDictionary(g => g.Key, g => new CommitGraph(g.Select(c => (c.Sha, c.Parents))), StringComparer.Ordinal);
        var deployments = new DeploymentStreamDeriver(options, quality).Derive(input, graphs);
        var changes = new ChangeDeriver(options).Derive(input, deployments);
        var incidents = new FailureDeriver(options, quality).Derive(input, deployments, changes);
        var calendars = new TeamCalendars(input.Teams.Values, options);
        var pulls = new PullRequestFlowDeriver(options, quality).Derive(input, changes, calendars, OwnerTeamByRepo(input));
        var changeRows = changes.All.Where(c => c.Deployment is not null).Select(c => ChangeRow(c, calendars, input, quality)).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        return (input, calendars, new DerivedSetRows(deployments, changeRows, pulls, incidents, quality));
    }

    private static DerivedTables.ChangeRow ChangeRow(DerivedChange change, TeamCalendars calendars, DerivationInput input, DataQualityLog quality)
    {
        var team = input.Services.GetValueOrDefault(change.Service)?.OwnerTeam;
        var deployedAt = change.Deployment!.FinishedAt;
        if (deployedAt < change.StartedAt)
        {
            quality.Add("clamped-span", change.Ref, $"change starts {(change.StartedAt - deployedAt).TotalHours:0.##} h after deployment {change.Deployment.Id} finished; lead time counted as 0");
            return new DerivedTables.ChangeRow(change, 0, 0, team);
        }
        return new DerivedTables.ChangeRow(change, DerivedTables.Hours(change.StartedAt, deployedAt),
            calendars.For(team).WorkingHours(change.StartedAt, deployedAt), team);
    }

    /// <summary>A repository belongs to the team owning its services (the first by service name when several do).</summary>
    private static Dictionary<string, string?> OwnerTeamByRepo(DerivationInput input)
    {
        var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var service in input.Services.Values.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            foreach (var repo in service.Repos)
            {
                if (!owners.TryGetValue(repo, out var owner) || owner is null)
                {
                    owners[repo] = service.OwnerTeam;
                }
            }
        }
        return owners;
    }
}
