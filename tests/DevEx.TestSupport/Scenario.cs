using DevEx.Analytics;
using DevEx.Analytics.Derivations;
using DevEx.Analytics.Metrics;
using DevEx.Store;
using DevEx.Store.Queries;
using DevEx.Store.Rows;
using DevEx.Store.Writing;
using NodaTime;
using NodaTime.Text;

namespace DevEx.TestSupport;

/// <summary>
/// A small hand-written scenario in a throw-away DuckDB file: rows are added with terse helpers, then
/// <see cref="Derive"/> runs the real derivations and the metric services read the real queries.
/// Times are ISO instants with offsets, or "Mon 08:00" style times in the week of Monday 2026-02-02 (UTC).
/// </summary>
internal sealed class Scenario : IDisposable
{
    private const string Source = "test";
    private static readonly LocalDate WeekStart = new(2026, 2, 2);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "devex-tests", Guid.NewGuid().ToString("N"));
    private readonly List<CommitRow> commits = [];
    private readonly List<PullRequestRow> pulls = [];
    private readonly List<PullRequestCommitRow> pullCommits = [];
    private readonly List<ReviewRow> reviews = [];
    private readonly List<PipelineRunRow> runs = [];
    private readonly List<DeploymentRow> deployments = [];
    private readonly List<IncidentRow> incidents = [];
    private readonly List<TeamRow> teams = [];
    private readonly List<ServiceRow> services = [];
    private readonly List<ServiceRepositoryRow> serviceRepos = [];
    private readonly List<PersonRow> people = [];
    private readonly List<IdentityRow> identities = [];
    private readonly List<TicketRow> tickets = [];
    private readonly List<TicketTransitionRow> transitions = [];
    private readonly List<TicketStatusRow> ticketStatuses = [];

    public Scenario()
    {
        Directory.CreateDirectory(directory);
        Database = MigratedTemplate.OpenCopy(Path.Combine(directory, "test.duckdb"));
    }

    public DuckDbDatabase Database { get; }

    public MetricOptions Options { get; } = new();

    public DevEx.Analytics.Tickets.TicketOptions TicketOptions { get; } = new();

    public DerivationSummary? Summary { get; private set; }

    public static Instant At(string text)
    {
        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value.ToInstant();
        }
        var parts = text.Split(' ');
        var day = Array.IndexOf(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], parts[0]);
        var time = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(parts[1]).GetValueOrThrow();
        return WeekStart.PlusDays(day).At(time).InUtc().ToInstant();
    }

    public Scenario Commit(string sha, string at, string[]? parents = null, string author = "dev@example.com", string? message = null, string repo = "acme/api")
    {
        commits.Add(new CommitRow(repo, sha, parents ?? [], author, At(at), null, message ?? $"commit {sha}", Source));
        return this;
    }

    public Scenario PullRequest(int number, string created, string? merged, string? mergeSha = null, string[]? commitShas = null,
        string? ready = null, string author = "dev", string? title = null, string? headBranch = null, string[]? labels = null,
        int? additions = null, int? deletions = null, string repo = "acme/api", bool draft = false)
    {
        pulls.Add(new PullRequestRow(repo, number, author, At(created), ready is null ? null : At(ready), merged is null ? null : At(merged),
            merged is null ? null : At(merged), mergeSha, headBranch ?? $"feature-{number}", "main", title ?? $"Change {number}",
            labels ?? [], additions, deletions, null, Source, draft));
        pullCommits.AddRange((commitShas ?? []).Select(s => new PullRequestCommitRow(repo, number, s)));
        return this;
    }

    public Scenario Review(int number, string reviewer, string state, string at, string repo = "acme/api")
    {
        reviews.Add(new ReviewRow(repo, number, reviewer, state, At(at)));
        return this;
    }

    public Scenario PipelineRun(string id, string sha, string created, string? started, string? completed, string? conclusion = "success",
        int attempt = 1, string workflow = "ci", string repo = "acme/api")
    {
        runs.Add(new PipelineRunRow(repo, id, workflow, sha, null, "pull_request", At(created), started is null ? null : At(started),
            completed is null ? null : At(completed), conclusion, attempt, Source));
        return this;
    }

    public Scenario Deployment(string id, string sha, string finished, string environment = "production", string status = "success",
        string service = "api", string? repo = "acme/api")
    {
        deployments.Add(new DeploymentRow(id, service, repo, environment, sha, null, At(finished), status, Source));
        return this;
    }

    public Scenario Incident(string id, string opened, string? resolved, string service = "api", string? causedByDeployment = null,
        string? causedBySha = null, string? causedByPr = null, string? title = null, bool? causedByChange = null, string? causedByChangeReason = null)
    {
        incidents.Add(new IncidentRow(id, service, At(opened), resolved is null ? null : At(resolved), title, null,
            causedByDeployment, causedBySha, causedByPr, Source, causedByChange, causedByChangeReason));
        return this;
    }

    public Scenario Team(string id, string zone = "UTC", string hours = "Mon-Fri 09:00-17:00", string? parent = null)
    {
        teams.Add(new TeamRow(id, null, parent, zone, hours));
        return this;
    }

    public Scenario Service(string id, string? owner, string repo = "acme/api", string? productionEnvironments = null)
    {
        services.Add(new ServiceRow(id, owner, productionEnvironments, null, true));
        serviceRepos.Add(new ServiceRepositoryRow(id, repo));
        return this;
    }

    public Scenario Person(string id, params string[] identityNames)
    {
        people.Add(new PersonRow(id, null, null, null, true));
        identities.AddRange(identityNames.Select(i => new IdentityRow(i.ToLowerInvariant(), id, "login")));
        return this;
    }

    /// <summary>A ticket; its project is the key's prefix unless given.</summary>
    public Scenario Ticket(string key, string created, string? team = null, string? project = null, string type = "story")
    {
        tickets.Add(new TicketRow(key, project ?? key[..key.IndexOf('-')], type, At(created), null, $"Ticket {key}", null, team, [], Source));
        return this;
    }

    /// <summary>A status change of a ticket, numbered in the order added.</summary>
    public Scenario Transition(string key, string at, string? from, string to)
    {
        transitions.Add(new TicketTransitionRow(key, transitions.Count(t => t.Key == key), At(at), from, to));
        return this;
    }

    /// <summary>The category the source itself gives a status (Jira: new | indeterminate | done).</summary>
    public Scenario TicketStatus(string project, string status, string category)
    {
        ticketStatuses.Add(new TicketStatusRow(Source, project, status, category));
        return this;
    }

    public Scenario Derive()
    {
        using (var connection = Database.Open())
        {
            TableWriter.Upsert(connection, Tables.Commits, commits);
            TableWriter.Upsert(connection, Tables.PullRequests, pulls);
            TableWriter.Upsert(connection, Tables.PullRequestCommits, pullCommits);
            TableWriter.Upsert(connection, Tables.Reviews, reviews);
            TableWriter.Upsert(connection, Tables.PipelineRuns, runs);
            TableWriter.Upsert(connection, Tables.Deployments, deployments);
            TableWriter.Upsert(connection, Tables.Incidents, incidents);
            TableWriter.Upsert(connection, Tables.Teams, teams);
            TableWriter.Upsert(connection, Tables.Services, services);
            TableWriter.Upsert(connection, Tables.ServiceRepositories, serviceRepos);
            TableWriter.Upsert(connection, Tables.People, people);
            TableWriter.Upsert(connection, Tables.Identities, identities);
            TableWriter.Upsert(connection, Tables.Tickets, tickets);
            TableWriter.Upsert(connection, Tables.TicketTransitions, transitions);
            TableWriter.Upsert(connection, Tables.TicketStatuses, ticketStatuses);
        }
        Summary = new DerivationRunner(Database, Options, TicketOptions).Run();
        return this;
    }

    public static MetricWindow Window(string from, string to, string zone = "UTC") =>
        new(LocalDatePattern.Iso.Parse(from).GetValueOrThrow(), LocalDatePattern.Iso.Parse(to).GetValueOrThrow(),
            DateTimeZoneProviders.Tzdb[zone]);

    public DoraMetrics Dora(string from = "2026-02-02", string to = "2026-02-09", MetricScope? scope = null) =>
        new DoraMetricsService(new QueryRunner(Database), new DoraLevels(new DoraLevelThresholds())).Get(Window(from, to), scope ?? MetricScope.Org);

    public IReadOnlyList<T> Rows<T>(string sql) => new QueryRunner(Database).RunSql<T>(sql, new { });

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by DuckDB on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
