using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// Turns "someone starts work at t" into a pull request timeline. Human waits (coding, pickup, fixes, merge) are
/// log-normal and counted in the actor's working hours; incident work (reverts, hotfixes) runs on the wall clock.
/// Feature pull requests may name a ticket (from <paramref name="tickets"/>) in their branch or title.
/// </summary>
internal sealed class PullRequestPlanner(SampleTeam team, SamplePrng rng, TicketBoard? tickets = null)
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    public PullRequestPlan Feature(
        SamplePerson author, Instant start, SampleRepository repository, PullRequestOutcome? forced = null)
    {
        var plainTitle = $"{rng.Pick(SampleNames.Verbs)} {rng.Pick(SampleNames.Topics)}";
        var link = tickets?.Link(author, start, plainTitle);
        var title = link?.Title ?? plainTitle;
        var commits = new List<PlannedCommit> { Commit(author, start, title) };
        var time = start;
        for (var i = rng.Poisson(1.2); i > 0; i--)
        {
            time = author.Hours.AddWorking(time, rng.LogNormalDuration(Duration.FromMinutes(70), 0.9));
            commits.Add(Commit(author, time, rng.Pick(SampleNames.FollowUpMessages)));
        }

        // Drafts open early to share work in progress and leave draft when the last commit is in.
        var pushes = new List<PlannedPush>();
        Instant created;
        Instant? ready = null;
        if (rng.Chance(0.15))
        {
            created = start + rng.LogNormalDuration(Duration.FromMinutes(3), 0.5, Duration.FromMinutes(20));
            pushes.Add(new PlannedPush(created, commits.Where(c => c.AuthoredAt <= created).ToList()));
            var rest = commits.Where(c => c.AuthoredAt > created).ToList();
            var lastPush = created;
            if (rest.Count > 0)
            {
                lastPush = rest[^1].AuthoredAt + Minute;
                pushes.Add(new PlannedPush(lastPush, rest));
            }
            ready = author.Hours.AddWorking(lastPush,
                rng.LogNormalDuration(Duration.FromMinutes(rest.Count > 0 ? 15 : 150), 0.8));
        }
        else
        {
            created = commits[^1].AuthoredAt + rng.LogNormalDuration(Duration.FromMinutes(8), 0.6);
            pushes.Add(new PlannedPush(created, commits));
        }
        var readyMoment = ready ?? created;

        var reviewers = PickReviewers(author, rng.Chance(0.35) ? 2 : 1);
        var requests = reviewers.Select(r => new ReviewRequestRecord(r.LoginAt(readyMoment), readyMoment)).ToList();
        var reviews = new List<ReviewRecord>();
        var pickupHours = team.Profile.PickupMedianHours;
        var lead = reviewers[0];
        var at = lead.Hours.AddWorking(readyMoment, rng.LogNormalDuration(Duration.FromHours(pickupHours), 1.0));
        if (rng.Chance(0.15))
        {
            reviews.Add(Review(lead, "COMMENTED", at));
            at = lead.Hours.AddWorking(at, rng.LogNormalDuration(Duration.FromMinutes(50), 0.8));
        }
        for (var round = 0; round < 3 && rng.Chance(round == 0 ? 0.22 : 0.12); round++)
        {
            reviews.Add(Review(lead, "CHANGES_REQUESTED", at));
            var fix = author.Hours.AddWorking(at, rng.LogNormalDuration(Duration.FromMinutes(90), 0.8));
            var fixes = new List<PlannedCommit>();
            for (var i = 1 + rng.Poisson(0.4); i > 0; i--)
            {
                fixes.Add(Commit(author, fix, rng.Pick(SampleNames.FollowUpMessages)));
                fix = author.Hours.AddWorking(fix, rng.LogNormalDuration(Duration.FromMinutes(20), 0.6));
            }
            var pushed = fixes[^1].AuthoredAt + Minute;
            pushes.Add(new PlannedPush(pushed, fixes));
            at = lead.Hours.AddWorking(pushed, rng.LogNormalDuration(Duration.FromHours(pickupHours * 0.5), 0.9));
        }
        reviews.Add(Review(lead, "APPROVED", at));
        var approval = at;
        if (reviewers.Count > 1)
        {
            var second = reviewers[1];
            var secondAt = second.Hours.AddWorking(readyMoment, rng.LogNormalDuration(Duration.FromHours(pickupHours), 1.0));
            reviews.Add(Review(second, rng.Chance(0.5) ? "APPROVED" : "COMMENTED", secondAt));
        }

        var roll = rng.NextDouble();
        var outcome = forced
            ?? (roll < 0.05 ? PullRequestOutcome.Closed : roll < 0.07 ? PullRequestOutcome.Open : PullRequestOutcome.Merged);
        Instant? finished = outcome switch
        {
            PullRequestOutcome.Merged => author.Hours.AddWorking(approval, rng.LogNormalDuration(Duration.FromMinutes(25), 1.0)),
            PullRequestOutcome.Closed => author.Hours.AddWorking(reviews[0].SubmittedAt, rng.LogNormalDuration(Duration.FromHours(8), 0.8)),
            _ => null,
        };

        var additions = 1 + (int)Math.Min(4000, rng.LogNormal(45, 1.1));
        var known = rng.Chance(0.98);
        return Finish(new PullRequestPlan(
            PullRequestKind.Feature, author, title, Branch(FeatureBranch(author, plainTitle), link), Labels(), known ? additions : null,
            known ? (int)(additions * rng.LogNormal(0.3, 0.9)) : null, start, created, ready, pushes, requests,
            reviews, outcome, finished, MethodFor(repository), author));
    }

    /// <summary>A dependency bump: opened by the bot before anyone is at work, approved by whoever picks it up.</summary>
    public PullRequestPlan Bot(SamplePerson bot, Instant created, SampleRepository repository)
    {
        var dependency = rng.Pick(SampleNames.Dependencies);
        var major = rng.Next(1, 9);
        var minor = rng.Next(0, 30);
        var from = $"{major}.{minor}.{rng.Next(0, 12)}";
        var to = rng.Chance(0.7) ? $"{major}.{minor}.{rng.Next(12, 20)}" : $"{major}.{minor + 1}.0";
        var renovate = bot.Login.StartsWith("renovate", StringComparison.Ordinal);
        var title = renovate ? $"Update dependency {dependency} to v{to}" : $"Bump {dependency} from {from} to {to}";
        var branch = renovate
            ? $"renovate/{SampleNames.Slug(dependency)}-{major}.x"
            : $"dependabot/npm_and_yarn/{SampleNames.Slug(dependency)}-{to}";
        var commit = new PlannedCommit(bot, bot.Email, created - Duration.FromSeconds(40), title);
        var reviewer = team.Members[rng.Next(team.Members.Count)];
        var approval = reviewer.Hours.AddWorking(created,
            rng.LogNormalDuration(Duration.FromHours(team.Profile.PickupMedianHours * 1.5), 1.0));
        var roll = rng.NextDouble();
        var outcome = roll < 0.2 ? PullRequestOutcome.Closed : roll < 0.28 ? PullRequestOutcome.Open : PullRequestOutcome.Merged;
        Instant? finished = outcome switch
        {
            PullRequestOutcome.Merged => reviewer.Hours.AddWorking(approval, rng.LogNormalDuration(Duration.FromMinutes(15), 0.8)),
            // Superseded by a newer bump a few days later.
            PullRequestOutcome.Closed => created + rng.UniformDuration(Duration.FromDays(2), Duration.FromDays(9)),
            _ => null,
        };
        IReadOnlyList<ReviewRecord> reviews = outcome == PullRequestOutcome.Closed ? [] : [Review(reviewer, "APPROVED", approval)];
        var additions = rng.Next(2, 60);
        return Finish(new PullRequestPlan(
            PullRequestKind.Bot, bot, title, branch, ["dependencies"], additions, additions - 1, commit.AuthoredAt,
            created, null, [new PlannedPush(created, [commit])], [new ReviewRequestRecord(reviewer.LoginAt(created), created)],
            reviews, outcome, finished, MethodFor(repository), reviewer));
    }

    /// <summary>GitHub's "Revert" button: title <c>Revert "…"</c>, branch <c>revert-&lt;n&gt;-&lt;branch&gt;</c>.</summary>
    public PullRequestPlan Revert(SamplePerson author, Instant start, MainChange target, SampleRepository repository)
    {
        var title = $"Revert \"{target.Title}\"";
        var message = $"{title}\n\nThis reverts commit {target.Sha}.";
        return Urgent(PullRequestKind.Revert, author, start, title, $"revert-{target.PullRequest}-{target.Branch}", [],
            message, 0.95, repository);
    }

    /// <summary>A quick fix forward, marked by the <c>hotfix</c> label, a <c>hotfix/</c> branch, or both.</summary>
    public PullRequestPlan Hotfix(SamplePerson author, Instant start, MainChange target, SampleRepository repository)
    {
        var topic = rng.Pick(SampleNames.Topics);
        var title = $"Fix {topic} regression";
        var hotfixBranch = rng.Chance(0.7);
        var branch = hotfixBranch ? $"hotfix/{SampleNames.Slug(topic)}" : $"fix/{SampleNames.Slug(topic)}-regression";
        IReadOnlyList<string> labels = !hotfixBranch || rng.Chance(0.6) ? ["hotfix"] : [];
        var message = target.PullRequest is { } number ? $"{title}\n\nFollow-up to #{number}." : title;
        return Urgent(PullRequestKind.Hotfix, author, start, title, branch, labels, message, 0.8, repository);
    }

    private PullRequestPlan Urgent(
        PullRequestKind kind, SamplePerson author, Instant start, string title, string branch,
        IReadOnlyList<string> labels, string message, double reviewed, SampleRepository repository)
    {
        var commit = Commit(author, start + rng.LogNormalDuration(Duration.FromMinutes(8), 0.6), message);
        var created = commit.AuthoredAt + rng.LogNormalDuration(Duration.FromMinutes(2), 0.5);
        var reviewer = PickReviewers(author, 1)[0];
        var approval = created + rng.LogNormalDuration(Duration.FromMinutes(15), 0.7);
        IReadOnlyList<ReviewRecord> reviews = rng.Chance(reviewed) ? [Review(reviewer, "APPROVED", approval)] : [];
        var merged = approval + rng.LogNormalDuration(Duration.FromMinutes(6), 0.6);
        var additions = rng.Next(1, 80);
        return new PullRequestPlan(
            kind, author, title, branch, labels, additions, rng.Next(1, 80), commit.AuthoredAt, created, null,
            [new PlannedPush(created, [commit])], [new ReviewRequestRecord(reviewer.LoginAt(created), created)], reviews,
            PullRequestOutcome.Merged, merged, MethodFor(repository), author);
    }

    private static PullRequestPlan Finish(PullRequestPlan plan)
    {
        // Nothing happens on a closed PR after it closes; reviews are listed in time order.
        if (plan.FinishedAt is not { } end)
        {
            return plan with { Reviews = plan.Reviews.OrderBy(r => r.SubmittedAt).ToList() };
        }
        return plan with
        {
            Reviews = plan.Reviews.Where(r => r.SubmittedAt <= end).OrderBy(r => r.SubmittedAt).ToList(),
            Pushes = plan.Pushes.Where(p => p.At <= end).ToList(),
        };
    }

    private PlannedCommit Commit(SamplePerson author, Instant at, string message)
    {
        return new PlannedCommit(author, author.CommitEmailAt(at), at, message);
    }

    private ReviewRecord Review(SamplePerson reviewer, string state, Instant at) => new(reviewer.LoginAt(at), state, at);

    private List<SamplePerson> PickReviewers(SamplePerson author, int count)
    {
        var chosen = new List<SamplePerson>(count);
        if (team.Outsiders is { } outsiders && rng.Chance(0.08))
        {
            chosen.Add(outsiders.Reviewer);
        }
        var available = team.Members.Count(m => m != author);
        while (chosen.Count < count && chosen.Count(c => c.InCatalog) < available)
        {
            var candidate = team.Members[rng.Next(team.Members.Count)];
            if (candidate != author && !chosen.Contains(candidate))
            {
                chosen.Add(candidate);
            }
        }
        return chosen;
    }

    // The usual branch is always drawn, so that linking a ticket changes no later draw.
    private static string Branch(string usual, (string Title, string? Branch)? link) => link?.Branch ?? usual;

    private string FeatureBranch(SamplePerson author, string title) => rng.Next(3) switch
    {
        0 => $"{author.Login}/{SampleNames.Slug(title)}",
        1 => $"feature/{SampleNames.Slug(title)}",
        _ => $"{(title.StartsWith("Fix", StringComparison.Ordinal) ? "fix" : "feat")}/{SampleNames.Slug(title)}",
    };

    private List<string> Labels()
    {
        var labels = new List<string>(2);
        if (rng.Chance(0.5))
        {
            labels.Add(rng.Pick(SampleNames.Labels));
            if (rng.Chance(0.1) && rng.Pick(SampleNames.Labels) is var second && !labels.Contains(second))
            {
                labels.Add(second);
            }
        }
        return labels;
    }

    private MergeMethod MethodFor(SampleRepository repository) => repository.Policy switch
    {
        MergePolicy.Squash => MergeMethod.Squash,
        MergePolicy.MergeCommit => MergeMethod.Merge,
        _ => rng.NextDouble() switch { < 0.5 => MergeMethod.Squash, < 0.9 => MergeMethod.Merge, _ => MergeMethod.Rebase },
    };
}
