using static DevEx.SampleOrg.Tests.SampleData;

namespace DevEx.SampleOrg.Tests;

/// <summary>The deployment and incident cases of docs/metrics.md (failure methods, rework), found in the small sample.</summary>
public sealed class SampleDeliveryCaseTests(SampleOrganisationFixture fixture) : IClassFixture<SampleOrganisationFixture>
{
    private SampleData Data => fixture.Data;

    [Fact]
    public void Deployments_go_to_staging_and_production_and_some_fail_or_are_cancelled()
    {
        Assert.Contains(Data.Deployments, d => Str(d, "environment") == "staging");
        Assert.Contains(Data.Deployments, d => Data.IsProduction(d) && Str(d, "status") == "success");
        Assert.Contains(Data.Deployments, d => Data.IsProduction(d) && Str(d, "status") == "failure");
        Assert.Contains(Data.Deployments, d => Str(d, "environment") == "staging" && Str(d, "status") == "failure");
        Assert.Contains(Data.Deployments, d => Str(d, "status") == "cancelled");
        // Every environment is either staging or production by the default pattern or the component's annotation.
        Assert.All(Data.Deployments, d => Assert.True(Str(d, "environment") == "staging" || Data.IsProduction(d)));
        Assert.Contains(Data.Deployments, d => Str(d, "environment") == "prod-eu");
    }

    [Fact]
    public void Production_rollouts_of_a_service_do_not_overlap()
    {
        foreach (var history in Data.ProductionHistories())
        {
            foreach (var (before, after) in history.Zip(history.Skip(1)))
            {
                Assert.True(Time(after, "createdAt") >= Time(before, "finishedAt"), $"{Str(before, "id")} overlaps {Str(after, "id")}");
            }
        }
    }

    [Fact]
    public void A_service_is_redeployed_with_the_same_sha()
    {
        Assert.Contains(Data.ProductionHistories(), history =>
            history.Zip(history.Skip(1)).Any(pair => Str(pair.First, "sha") == Str(pair.Second, "sha")));
    }

    [Fact]
    public void A_rollback_deploys_a_strict_ancestor_of_the_previous_production_sha_soon_after()
    {
        var rollbacks = Data.ProductionHistories().SelectMany(history => history.Zip(history.Skip(1)))
            .Where(pair => Str(pair.First, "sha") != Str(pair.Second, "sha")
                && Data.Ancestors(Str(pair.First, "repo"), Str(pair.First, "sha")).Contains(Str(pair.Second, "sha")))
            .ToList();
        Assert.NotEmpty(rollbacks);
        Assert.Contains(rollbacks, pair => Time(pair.Second, "finishedAt") - Time(pair.First, "finishedAt") < TimeSpan.FromHours(4));
    }

    [Fact]
    public void Revert_pull_requests_name_the_original_title_and_branch()
    {
        var reverts = Data.PullRequests.Where(p => Str(p, "title").StartsWith("Revert \"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reverts);
        foreach (var revert in reverts)
        {
            var original = Data.PullRequests.Single(p => Str(p, "repo") == Str(revert, "repo")
                && Str(revert, "headBranch") == $"revert-{p.GetProperty("number").GetInt32()}-{Str(p, "headBranch")}");
            Assert.Equal($"Revert \"{Str(original, "title")}\"", Str(revert, "title"));
            Assert.NotNull(OptionalStr(original, "mergedAt"));
        }
    }

    [Fact]
    public void Revert_commits_pushed_to_main_name_the_reverted_commit()
    {
        var reverts = Data.Commits.Where(c => Str(c, "message").StartsWith("Revert \"", StringComparison.Ordinal)
            && Str(c, "message").Contains("\n\nThis reverts commit ", StringComparison.Ordinal)
            && !Data.PullRequests.Any(p => Strings(p, "commits").Contains(Str(c, "sha")))).ToList();
        Assert.NotEmpty(reverts);
        foreach (var revert in reverts)
        {
            var reverted = Str(revert, "message").Split("This reverts commit ")[1].TrimEnd('.');
            Assert.Contains(reverted, Data.Ancestors(Str(revert, "repo"), Strings(revert, "parents")[0]));
        }
    }

    [Fact]
    public void Hotfix_pull_requests_carry_the_label_or_the_branch_prefix()
    {
        var hotfixes = Data.PullRequests.Where(p => Strings(p, "labels").Contains("hotfix")
            || Str(p, "headBranch").StartsWith("hotfix/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(hotfixes);
        Assert.All(hotfixes, p => Assert.NotNull(OptionalStr(p, "mergedAt")));
    }

    [Fact]
    public void Incidents_name_a_deployment_a_sha_or_a_pull_request()
    {
        var deployments = Data.Deployments.Where(d => Str(d, "status") == "success" && Data.IsProduction(d))
            .Select(d => Str(d, "id")).ToHashSet();
        var caused = Data.Incidents.Where(i => i.TryGetProperty("causedBy", out _)).Select(i => i.GetProperty("causedBy")).ToList();
        Assert.Contains(caused, c => c.TryGetProperty("deployment", out var id) && deployments.Contains(id.GetString()!));
        Assert.Contains(caused, c => c.TryGetProperty("sha", out var sha)
            && Data.Commits.Any(commit => Str(commit, "sha") == sha.GetString()));
        Assert.Contains(caused, c => c.TryGetProperty("pr", out var pr) && Data.PullRequests.Any(p =>
            $"{Str(p, "repo")}#{p.GetProperty("number").GetInt32()}" == pr.GetString()));
    }

    [Fact]
    public void Some_incidents_without_a_cause_open_within_hours_of_a_production_deployment()
    {
        var production = Data.Deployments.Where(d => Str(d, "status") == "success" && Data.IsProduction(d)).ToList();
        Assert.Contains(Data.Incidents.Where(i => !i.TryGetProperty("causedBy", out _)), incident => production.Any(d =>
            Str(d, "service") == Str(incident, "service")
            && Time(incident, "openedAt") > Time(d, "finishedAt")
            && Time(incident, "openedAt") - Time(d, "finishedAt") < TimeSpan.FromHours(12)));
    }

    [Fact]
    public void Some_incidents_are_still_open_and_the_rest_resolve_after_they_open()
    {
        Assert.Contains(Data.Incidents, i => !i.TryGetProperty("resolvedAt", out _));
        Assert.All(Data.Incidents.Where(i => i.TryGetProperty("resolvedAt", out _)),
            i => Assert.True(Time(i, "resolvedAt") > Time(i, "openedAt")));
    }

    [Fact]
    public void Deployment_frequency_differs_between_the_two_teams()
    {
        // Team 0 deploys on merge, team 1 twice a day at fixed times.
        var perService = Data.Deployments.Where(d => Str(d, "status") == "success" && Data.IsProduction(d))
            .GroupBy(d => Str(d, "service")).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(perService["payments-api"] > perService["checkout"], string.Join(", ", perService));
    }

    [Fact]
    public void Deployed_shas_are_commits_on_the_default_branch()
    {
        foreach (var deployment in Data.Deployments)
        {
            var commit = Data.Commit(Str(deployment, "repo"), Str(deployment, "sha"));
            Assert.NotNull(commit);
        }
        Assert.All(Data.Deployments, d => Assert.True(Time(d, "finishedAt") >= Time(d, "createdAt")));
        Assert.Contains(Data.Deployments, d => !Str(d, "finishedAt").EndsWith('Z')); // a deploy tool logging local time
    }
}
