using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dapper;
using DevEx.Analytics.Time;
using DevEx.Store;
using DevEx.Store.Writing;

namespace DevEx.Analytics.Derivations;

/// <summary>What one derivation run produced and how long it took.</summary>
public sealed record DerivationSummary(int ProductionDeployments, int Changes, int FailedDeployments, int PullRequests, int DataQualityEntries, TimeSpan Elapsed);

/// <summary>
/// Rebuilds every derived table from the source tables: deployment streams and change sets, changes and lead time,
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

    public DerivationSummary Run(DerivationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var runLock = RunLocks.GetValue(database, _ => new SemaphoreSlim(1, 1));
        runLock.Wait();
        try
        {
            return RunAlone();
        }
        finally
        {
            runLock.Release();
        }
    }

    private DerivationSummary RunAlone()
    {
        var stopwatch = Stopwatch.StartNew();
        UncataloguedServices.Register(database);
        var input = DerivationInput.Load(database);
        var quality = new DataQualityLog();
        var graphs = input.Commits.GroupBy(c => c.Repo)
            .ToDictionary(g => g.Key, g => new CommitGraph(g.Select(c => (c.Sha, c.Parents))), StringComparer.Ordinal);
        var deployments = new DeploymentStreamDeriver(options, quality).Derive(input, graphs);
        var changes = new ChangeDeriver(options).Derive(input, deployments);
        var incidents = new FailureDeriver(options, quality).Derive(input, deployments, changes);
        var calendars = new TeamCalendars(input.Teams.Values, options);
        var ownerTeamByRepo = OwnerTeamByRepo(input);
        var pulls = new PullRequestFlowDeriver(options, quality).Derive(input, changes, calendars, ownerTeamByRepo);
        var tickets = new Tickets.TicketDeriver(database, ticketOptions ?? new Tickets.TicketOptions(), quality).Derive(input, calendars, pulls);
        var meetingWeeks = new Calendar.MeetingWeekDeriver(database, meetingOptions ?? new Calendar.MeetingOptions()).Derive(calendars);
        var changeRows = changes.All.Where(c => c.Deployment is not null).Select(c => ChangeRow(c, calendars, input, quality)).ToList();
        Write(deployments, changeRows, pulls, incidents, quality, tickets, meetingWeeks);
        database.Checkpoint();
        database.MarkDataChanged();
        return new DerivationSummary(deployments.Count, changeRows.Count, deployments.Count(d => d.Failed), pulls.Count,
            quality.Entries.Count, stopwatch.Elapsed);
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

    /// <summary>
    /// Every derived table changes in this one transaction (the d_* tables, the ticket tables, d_person_weeks), so a
    /// reader sees the old state or the new, never a mix.
    /// </summary>
    private void Write(IReadOnlyList<DerivedDeployment> deployments, List<DerivedTables.ChangeRow> changes,
        IReadOnlyList<PullRequestFlowRow> pulls, IReadOnlyList<IncidentReading> incidents, DataQualityLog quality,
        Tickets.TicketDerivation tickets, IReadOnlyList<Calendar.PersonWeek> meetingWeeks)
    {
        var commits = deployments.Where(d => d.Repo is not null)
            .SelectMany(d => d.ChangeSet.Select(sha => new DerivedTables.DeploymentCommitRow(d.Id, d.Repo!, sha))).ToList();
        var qualityRows = quality.Entries.Select(e => new DerivedTables.QualityRow(e.Kind, e.Subject, e.Detail)).Distinct().ToList();
        database.WriteLock.Wait();
        try
        {
            using var connection = database.Open();
            using var transaction = connection.BeginTransaction();
            foreach (var table in new[] { "d_deployments", "d_deployment_commits", "d_changes", "d_pull_requests", "d_incidents", "d_data_quality" })
            {
                connection.Execute($"DELETE FROM {table}");
            }
            TableWriter.Upsert(connection, DerivedTables.Deployments, deployments.ToList());
            TableWriter.Upsert(connection, DerivedTables.DeploymentCommits, commits);
            TableWriter.Upsert(connection, DerivedTables.Changes, changes);
            TableWriter.Upsert(connection, DerivedTables.PullRequests, pulls.ToList());
            TableWriter.Upsert(connection, DerivedTables.Incidents, incidents.ToList());
            TableWriter.Upsert(connection, DerivedTables.Quality, qualityRows);
            Tickets.TicketDeriver.Write(connection, tickets);
            Calendar.MeetingWeekDeriver.Write(connection, meetingWeeks);
            FailureSignalDeriver.Derive(connection, transaction);
            transaction.Commit();
        }
        finally
        {
            database.WriteLock.Release();
        }
    }
}
