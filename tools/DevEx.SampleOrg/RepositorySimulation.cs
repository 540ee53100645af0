using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// Plays one repository's weeks in time order: branches start from whatever main is then, merges land on whatever
/// main is then, and each change to main may reach staging and production. Incidents can add work on the way
/// (reverts, hotfixes), which is why this is an event queue rather than a precomputed list. Records are written as
/// they happen; only pull requests still open wait until the end.
/// </summary>
internal sealed class RepositorySimulation
{
    private readonly PriorityQueue<Action, (long Ticks, long Sequence)> queue = new();
    private readonly List<PullRequestInFlight> open = [];
    private readonly SampleOrganisation organisation;
    private long sequence;
    private int lastNumber;

    public RepositorySimulation(
        SampleOrganisation organisation, SampleTeam team, SampleRepository repository, SamplePrng rng, SampleIds ids,
        SampleOutput output, DeploymentRisk risk)
    {
        this.organisation = organisation;
        Team = team;
        Repository = repository;
        Rng = rng;
        Ids = ids;
        Output = output;
        Planner = new PullRequestPlanner(team, rng);
        Pipelines = new PipelineRunGenerator(repository, rng, ids, output, organisation.Until);
        Deployers = repository.Services.Select(service => new ServiceDeployer(this, service, risk)).ToList();
    }

    public SampleTeam Team { get; }

    public SampleRepository Repository { get; }

    public SamplePrng Rng { get; }

    public SampleIds Ids { get; }

    public SampleOutput Output { get; }

    public PullRequestPlanner Planner { get; }

    public PipelineRunGenerator Pipelines { get; }

    public IReadOnlyList<ServiceDeployer> Deployers { get; }

    public MainLine Main { get; } = new();

    public Instant Now { get; private set; }

    public Instant Start => organisation.Start;

    public Instant Until => organisation.Until;

    public LocalDate StartDate => organisation.StartDate;

    public int Weeks => organisation.Weeks;

    /// <summary>Actions at the same instant run in the order they were scheduled, so runs are reproducible.</summary>
    public void Schedule(Instant at, Action action) => queue.Enqueue(action, (at.ToUnixTimeTicks(), sequence++));

    public void Run(RepositoryWork work)
    {
        Bootstrap();
        foreach (var plan in work.PullRequests)
        {
            AddPullRequest(plan);
        }
        foreach (var push in work.DirectPushes)
        {
            AddDirectPush(push);
        }
        foreach (var deployer in Deployers)
        {
            deployer.Start();
        }
        var until = Until.ToUnixTimeTicks();
        while (queue.TryDequeue(out var action, out var key) && key.Ticks < until)
        {
            Now = Instant.FromUnixTimeTicks(key.Ticks);
            action();
        }
        foreach (var pr in open)
        {
            WritePullRequest(pr, null, null, null);
        }
        foreach (var deployer in Deployers)
        {
            deployer.Incidents.Finish();
        }
    }

    /// <summary>Schedules a pull request; <paramref name="onMerged"/> runs when it lands on main.</summary>
    public void AddPullRequest(PullRequestPlan plan, Action<MainChange>? onMerged = null)
    {
        if (plan.CreatedAt >= Until)
        {
            return;
        }
        var pr = new PullRequestInFlight(plan, onMerged);
        Schedule(plan.StartAt, () => StartBranch(pr));
    }

    public void AddDirectPush(DirectPushPlan plan, Action<MainChange>? after = null) =>
        Schedule(plan.At, () =>
        {
            var change = PushToMain(plan.Author.CommitEmailAt(Now), plan.Author.CommitOffset(Now), plan.Message);
            after?.Invoke(change);
        });

    // Existing history before the window: a root commit, a few changes, and (in the deployers) a first deployment,
    // so the first deployment inside the window already has a change set.
    private void Bootstrap()
    {
        var author = Team.Members[0];
        Now = author.Hours.AddWorking(Start - Duration.FromDays(120), Duration.FromMinutes(Rng.Next(30, 400)));
        PushToMain(author.Email, author.CommitOffset(Now), "Initial commit", notify: false);
        for (var i = 0; i < 3; i++)
        {
            Now = author.Hours.AddWorking(Now + Duration.FromDays(25), Duration.FromMinutes(Rng.Next(30, 400)));
            PushToMain(author.Email, author.CommitOffset(Now), Rng.Pick(SampleNames.DirectPushMessages), notify: false);
        }
    }

    private MainChange PushToMain(string email, Offset offset, string message, bool notify = true)
    {
        var sha = Rng.NextSha();
        var at = Now.WithOffset(offset);
        Output.Write(new CommitRecord(Repository.FullName, sha, Parents(Main), email, at, at, message));
        var change = Main.Append(sha, FirstLine(message), Now);
        Pipelines.DefaultBranchPush(sha, Now);
        if (notify)
        {
            NotifyDeployers();
        }
        return change;
    }

    private static IReadOnlyList<string> Parents(MainLine main) => main.IsEmpty ? [] : [main.Tip.Sha];

    private void StartBranch(PullRequestInFlight pr)
    {
        var plan = pr.Plan;
        var parent = Main.Tip.Sha;
        foreach (var push in plan.Pushes)
        {
            var pushed = false;
            foreach (var commit in push.Commits.Where(c => c.AuthoredAt < Until))
            {
                var sha = Rng.NextSha();
                var at = commit.AuthoredAt.WithOffset(commit.Author.CommitOffset(commit.AuthoredAt));
                Output.Write(new CommitRecord(Repository.FullName, sha, [parent], commit.Email, at, at, commit.Message));
                pr.Commits.Add(commit, sha);
                parent = sha;
                pushed = true;
            }
            if (pushed)
            {
                Pipelines.PullRequestPush(parent, plan.HeadBranch, push.At, plan.Kind == PullRequestKind.Bot);
            }
        }
        Schedule(plan.CreatedAt, () => OpenPullRequest(pr));
    }

    private void OpenPullRequest(PullRequestInFlight pr)
    {
        pr.Number = ++lastNumber;
        open.Add(pr);
        if (pr.Plan.FinishedAt is { } finished)
        {
            Schedule(finished, () => FinishPullRequest(pr));
        }
    }

    private void FinishPullRequest(PullRequestInFlight pr)
    {
        open.Remove(pr);
        if (pr.Plan.Outcome == PullRequestOutcome.Closed)
        {
            WritePullRequest(pr, null, Now, null);
            return;
        }
        var change = PullRequestMerger.Merge(this, pr);
        WritePullRequest(pr, Now, Now, change.Sha);
        Pipelines.DefaultBranchPush(change.Sha, Now);
        NotifyDeployers();
        pr.OnMerged?.Invoke(change);
    }

    private void WritePullRequest(PullRequestInFlight pr, Instant? merged, Instant? closed, string? mergeCommit)
    {
        var plan = pr.Plan;
        var until = Until;
        Output.Write(new PullRequestRecord(
            Repository.FullName, pr.Number, plan.Author.LoginAt(plan.CreatedAt), plan.CreatedAt,
            plan.ReadyAt < until ? plan.ReadyAt : null, merged, closed, mergeCommit, plan.HeadBranch,
            Repository.DefaultBranch, plan.Title, plan.Labels, pr.Commits.Shas, plan.Additions, plan.Deletions,
            plan.Requests.Where(r => r.RequestedAt < until).ToList(),
            plan.Reviews.Where(r => r.SubmittedAt < until).ToList(),
            Draft: merged is null && closed is null && plan.ReadyAt is { } ready && ready >= until));
    }

    private void NotifyDeployers()
    {
        foreach (var deployer in Deployers)
        {
            deployer.OnMainChanged();
        }
    }

    public static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}

/// <summary>A pull request between its first commit and its merge or close.</summary>
internal sealed class PullRequestInFlight(PullRequestPlan plan, Action<MainChange>? onMerged)
{
    public PullRequestPlan Plan { get; } = plan;

    public Action<MainChange>? OnMerged { get; } = onMerged;

    public int Number { get; set; }

    public BranchCommits Commits { get; } = new();
}

/// <summary>The commits written for a PR branch, in order, with their shas.</summary>
internal sealed class BranchCommits
{
    private readonly List<string> shas = [];
    private readonly List<PlannedCommit> commits = [];

    public IReadOnlyList<string> Shas => shas;

    public IReadOnlyList<PlannedCommit> Planned => commits;

    public string Head => shas[^1];

    public void Add(PlannedCommit commit, string sha)
    {
        commits.Add(commit);
        shas.Add(sha);
    }
}
