using System.Text.Json;
using static DevEx.SampleOrg.Tests.SampleData;

namespace DevEx.SampleOrg.Tests;

/// <summary>The git and pull-request cases docs/metrics.md names, each found in the small sample.</summary>
public sealed class SampleHistoryCaseTests(SampleOrganisationFixture fixture) : IClassFixture<SampleOrganisationFixture>
{
    private SampleData Data => fixture.Data;

    private IEnumerable<JsonElement> Merged => Data.PullRequests.Where(p => OptionalStr(p, "mergedAt") is not null);

    [Fact]
    public void Merge_commits_have_two_parents_and_make_the_branch_commits_reachable()
    {
        var merges = Merged.Where(p => Strings(Data.Commit(Str(p, "repo"), Str(p, "mergeCommitSha"))!.Value, "parents").Count == 2).ToList();
        Assert.True(merges.Count >= 2, $"{merges.Count} merge commits");
        foreach (var pr in merges)
        {
            var reachable = Data.Ancestors(Str(pr, "repo"), Str(pr, "mergeCommitSha"));
            Assert.All(Strings(pr, "commits"), sha => Assert.Contains(sha, reachable));
        }
    }

    [Fact]
    public void Squash_merges_leave_their_branch_commits_unreachable_from_main()
    {
        var squashes = 0;
        foreach (var repo in Data.Repositories.Select(r => Str(r, "repo")))
        {
            var main = Data.ReachableFromMain(repo);
            foreach (var pr in Merged.Where(p => Str(p, "repo") == repo))
            {
                var merge = Data.Commit(repo, Str(pr, "mergeCommitSha"))!.Value;
                var branch = Strings(pr, "commits");
                if (Strings(merge, "parents").Count == 1 && !branch.Contains(Str(merge, "sha"))
                    && Str(merge, "message").StartsWith(Str(pr, "title"), StringComparison.Ordinal))
                {
                    squashes++;
                    Assert.All(branch, sha =>
                    {
                        Assert.NotNull(Data.Commit(repo, sha)); // written, with its own parents
                        Assert.DoesNotContain(sha, main);
                    });
                }
            }
        }
        Assert.True(squashes >= 2, $"{squashes} squash merges");
    }

    [Fact]
    public void Direct_pushes_reach_main_without_a_pull_request()
    {
        var inPullRequests = Data.PullRequests.SelectMany(p => Strings(p, "commits")
            .Append(OptionalStr(p, "mergeCommitSha") ?? "")).ToHashSet();
        var direct = Data.Repositories.Select(r => Str(r, "repo")).SelectMany(repo =>
        {
            var main = Data.ReachableFromMain(repo);
            return Data.Commits.Where(c => Str(c, "repo") == repo && main.Contains(Str(c, "sha"))
                && !inPullRequests.Contains(Str(c, "sha")) && Strings(c, "parents").Count == 1
                && Str(c, "authoredAt") == Str(c, "committedAt"));
        }).ToList();
        Assert.True(direct.Count >= 2, $"{direct.Count} direct pushes");
    }

    [Fact]
    public void Drafts_become_ready_after_they_are_created()
    {
        var drafts = Data.PullRequests.Where(p => OptionalStr(p, "readyAt") is not null).ToList();
        Assert.True(drafts.Count >= 2, $"{drafts.Count} drafts");
        Assert.All(drafts, p => Assert.True(Time(p, "readyAt") > Time(p, "createdAt")));
    }

    [Fact]
    public void Bots_open_pull_requests()
    {
        var authors = Data.PullRequests.Select(p => Str(p, "author")).ToHashSet();
        Assert.Contains("dependabot[bot]", authors);
        Assert.Contains("renovate[bot]", authors);
    }

    [Fact]
    public void Some_pull_requests_close_without_merge_and_some_stay_open()
    {
        Assert.Contains(Data.PullRequests, p => OptionalStr(p, "closedAt") is not null && OptionalStr(p, "mergedAt") is null);
        Assert.Contains(Data.PullRequests, p => OptionalStr(p, "closedAt") is null && OptionalStr(p, "mergedAt") is null);
    }

    [Fact]
    public void Reviews_come_in_every_state_after_review_requests()
    {
        var reviews = Data.PullRequests.SelectMany(p => p.GetProperty("reviews").EnumerateArray()).ToList();
        Assert.Contains(reviews, r => Str(r, "state") == "APPROVED");
        Assert.Contains(reviews, r => Str(r, "state") == "CHANGES_REQUESTED");
        Assert.Contains(reviews, r => Str(r, "state") == "COMMENTED");
        Assert.Contains(Data.PullRequests, p => p.GetProperty("reviews").EnumerateArray()
            .Count(r => Str(r, "state") == "CHANGES_REQUESTED") >= 2 || p.GetProperty("reviews").GetArrayLength() >= 3);
        Assert.True(Data.PullRequests.Count(p => p.GetProperty("reviewRequests").GetArrayLength() > 0) > Data.PullRequests.Count / 2);
    }

    [Fact]
    public void Pull_request_timelines_are_in_order()
    {
        foreach (var pr in Data.PullRequests)
        {
            var created = Time(pr, "createdAt");
            var end = OptionalStr(pr, "closedAt") is not null ? Time(pr, "closedAt") : DateTimeOffset.MaxValue;
            Assert.All(pr.GetProperty("reviews").EnumerateArray(), r =>
                Assert.InRange(Time(r, "submittedAt"), created, end));
            Assert.All(Strings(pr, "commits"), sha =>
                Assert.True(Time(Data.Commit(Str(pr, "repo"), sha)!.Value, "authoredAt") <= end));
            if (OptionalStr(pr, "mergedAt") is not null)
            {
                Assert.Equal(Time(pr, "mergedAt"), Time(pr, "closedAt"));
                Assert.NotNull(Data.Commit(Str(pr, "repo"), Str(pr, "mergeCommitSha")));
            }
        }
    }

    [Fact]
    public void Pull_requests_carry_sizes_and_labels()
    {
        Assert.Contains(Data.PullRequests, p => p.TryGetProperty("additions", out _) && p.TryGetProperty("deletions", out _));
        Assert.Contains(Data.PullRequests, p => Strings(p, "labels").Count > 0);
    }

    [Fact]
    public void A_flaky_workflow_fails_and_is_rerun()
    {
        Assert.Contains(Data.PipelineRuns, r => Str(r, "workflow") == "e2e" && r.GetProperty("attempt").GetInt32() > 1);
        Assert.Contains(Data.PipelineRuns, r => OptionalStr(r, "conclusion") == "failure");
        Assert.Contains(Data.PipelineRuns, r => Str(r, "workflow") == "deploy");
        Assert.All(Data.PipelineRuns.Where(r => OptionalStr(r, "startedAt") is not null),
            r => Assert.True(Time(r, "startedAt") >= Time(r, "createdAt")));
        // CI runs on PR heads as well as on main.
        Assert.Contains(Data.PipelineRuns, r => Str(r, "event") == "pull_request");
        Assert.Contains(Data.PipelineRuns, r => Str(r, "event") == "push" && Str(r, "workflow") == "ci");
    }
}
