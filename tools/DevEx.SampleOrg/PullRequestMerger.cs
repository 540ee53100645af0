using System.Text;
using NodaTime;

namespace DevEx.SampleOrg;

/// <summary>
/// Lands a pull request on main the way GitHub does for each merge method:
/// merge commit (parents: main, PR head, so the branch commits become reachable), squash (one new commit on main;
/// the branch commits stay unreachable) and rebase (each branch commit re-created on main with a new sha and the
/// merge time as commit time; the PR's own shas stay unreachable).
/// </summary>
internal static class PullRequestMerger
{
    public static MainChange Merge(RepositorySimulation sim, PullRequestInFlight pr)
    {
        var plan = pr.Plan;
        var repo = sim.Repository.FullName;
        var now = sim.Now;
        var utc = now.WithOffset(Offset.Zero);
        var parent = sim.Main.Tip.Sha;
        string sha;
        string message;
        switch (plan.Method)
        {
            case MergeMethod.Merge:
                sha = sim.Rng.NextSha();
                message = $"Merge pull request #{pr.Number} from {SampleNames.Owner}/{plan.HeadBranch}\n\n{plan.Title}";
                sim.Output.Write(new CommitRecord(repo, sha, [parent, pr.Commits.Head], plan.Merger.Email, utc, utc, message));
                break;
            case MergeMethod.Rebase:
                sha = parent;
                message = plan.Title;
                foreach (var commit in pr.Commits.Planned)
                {
                    var rebased = sim.Rng.NextSha();
                    var authored = commit.AuthoredAt.WithOffset(commit.Author.CommitOffset(commit.AuthoredAt));
                    sim.Output.Write(new CommitRecord(repo, rebased, [sha], commit.Email, authored, utc, commit.Message));
                    sha = rebased;
                    message = commit.Message;
                }
                break;
            default:
                sha = sim.Rng.NextSha();
                message = SquashMessage(plan, pr);
                sim.Output.Write(new CommitRecord(repo, sha, [parent], plan.Author.Email, utc, utc, message));
                break;
        }
        return sim.Main.Append(sha, RepositorySimulation.FirstLine(message), now, pr.Number, plan.Title, plan.HeadBranch, plan.Kind);
    }

    // GitHub's default squash message: the title with the PR number, then the branch's commit messages.
    private static string SquashMessage(PullRequestPlan plan, PullRequestInFlight pr)
    {
        var title = $"{plan.Title} (#{pr.Number})";
        if (pr.Commits.Planned.Count < 2)
        {
            return title;
        }
        var message = new StringBuilder(title).Append('\n');
        foreach (var commit in pr.Commits.Planned)
        {
            message.Append("\n* ").Append(RepositorySimulation.FirstLine(commit.Message));
        }
        return message.ToString();
    }
}
