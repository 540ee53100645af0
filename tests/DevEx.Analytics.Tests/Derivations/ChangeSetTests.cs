namespace DevEx.Analytics.Tests.Derivations;

/// <summary>Change sets by ancestry and changes by pull request, for the commit shapes docs/metrics.md names.</summary>
public sealed class ChangeSetTests
{
    [Fact]
    public void Merge_commit_pr_is_one_change_started_by_its_first_branch_commit()
    {
        // m0 on main; branch b1 -> b2; merge commit m1 (parents m0, b2). D0 deploys m0, D1 deploys m1.
        using var scenario = new Scenario()
            .Commit("m0", "Mon 08:00")
            .Commit("b1", "Mon 09:00", ["m0"])
            .Commit("b2", "Mon 11:00", ["b1"])
            .Commit("m1", "Mon 14:00", ["m0", "b2"])
            .PullRequest(1, created: "Mon 09:30", merged: "Mon 14:00", mergeSha: "m1", commitShas: ["b1", "b2"])
            .Deployment("D0", "m0", "Mon 08:30")
            .Deployment("D1", "m1", "Mon 15:00")
            .Derive();

        var changes = scenario.Rows<(string Kind, string Ref, string Deployment, double Hours)>(
            "SELECT kind, ref, deployment_id, lead_time_hours FROM d_changes");
        Assert.Equal([("pr", "acme/api#1", "D1", 6.0)], changes); // b1 09:00 -> D1 15:00
        Assert.Equal(3, scenario.Rows<long>("SELECT change_set_size FROM d_deployments WHERE id = 'D1'")[0]);
    }

    [Fact]
    public void Redeploy_of_the_same_sha_counts_as_a_deployment_with_no_changes()
    {
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Commit("k2", "Mon 10:00", ["k1"])
            .Deployment("D1", "k1", "Mon 09:00")
            .Deployment("D2", "k2", "Mon 12:00")
            .Deployment("D3", "k2", "Mon 13:00")
            .Derive();

        var dora = scenario.Dora();
        Assert.Equal(3, dora.DeploymentFrequency.Deployments);
        Assert.Equal(1, dora.ChangeLeadTime.SampleSize); // k2 only: D1 is first, D3 is a redeploy
        Assert.Equal(2.0, dora.ChangeLeadTime.MedianHours);
        var d3 = scenario.Rows<(long Size, bool Rollback)>("SELECT change_set_size, is_rollback FROM d_deployments WHERE id = 'D3'")[0];
        Assert.Equal((0L, false), d3);
    }

    [Fact]
    public void Failed_and_staging_deployments_are_not_deployments_and_not_previous()
    {
        // The staging and failed deployments of k2 must not become D2's "previous": D2's change set is {k2, k3}.
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Commit("k2", "Mon 10:00", ["k1"])
            .Commit("k3", "Mon 11:00", ["k2"])
            .Deployment("D1", "k1", "Mon 09:00")
            .Deployment("S1", "k2", "Mon 10:30", environment: "staging")
            .Deployment("F1", "k2", "Mon 10:45", status: "failure")
            .Deployment("C1", "k2", "Mon 10:50", status: "cancelled")
            .Deployment("D2", "k3", "Mon 12:00", environment: "Production")
            .Derive();

        var dora = scenario.Dora();
        Assert.Equal(2, dora.DeploymentFrequency.Deployments);
        Assert.Equal(2, dora.ChangeLeadTime.SampleSize);
        Assert.Equal(1.5, dora.ChangeLeadTime.MedianHours); // k2 2 h, k3 1 h
        Assert.Equal(["D1", "D2"], scenario.Rows<string>("SELECT id FROM d_deployments ORDER BY id"));
    }

    [Fact]
    public void A_service_production_pattern_overrides_the_default()
    {
        using var scenario = new Scenario()
            .Team("payments")
            .Service("api", "payments", productionEnvironments: "^prod-(eu|us)$")
            .Commit("k1", "Mon 08:00")
            .Deployment("D1", "k1", "Mon 09:00", environment: "prod-eu")
            .Deployment("D2", "k1", "Mon 09:30", environment: "production")
            .Derive();

        Assert.Equal(["D1"], scenario.Rows<string>("SELECT id FROM d_deployments"));
    }

    [Fact]
    public void First_deployment_has_no_change_set_and_says_why()
    {
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Deployment("D1", "k1", "Mon 09:00")
            .Derive();

        var dora = scenario.Dora();
        Assert.Equal(1, dora.DeploymentFrequency.Deployments);
        Assert.Equal(0, dora.ChangeLeadTime.SampleSize);
        Assert.Null(dora.ChangeLeadTime.MedianHours);
        Assert.Null(dora.ChangeLeadTime.Level);
        var explained = new Analytics.Metrics.ExplainService(new Store.Queries.QueryRunner(scenario.Database))
            .Deployments(Scenario.Window("2026-02-02", "2026-02-09"), Analytics.Metrics.MetricScope.Org);
        Assert.StartsWith("first deployment", explained[0].Note);
    }

    [Fact]
    public void Unknown_deployment_sha_is_listed_in_data_quality()
    {
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Deployment("D1", "k1", "Mon 09:00")
            .Deployment("D2", "zz", "Mon 10:00")
            .Derive();

        Assert.Equal([("deployment-sha-unknown", "D2")], scenario.Rows<(string, string)>("SELECT kind, subject FROM d_data_quality"));
    }

    [Fact]
    public void Commit_claimed_by_two_merged_prs_belongs_to_the_first_merged()
    {
        using var scenario = new Scenario()
            .Commit("k0", "Mon 08:00")
            .Commit("c1", "Mon 09:00", ["k0"])
            .Commit("m2", "Mon 12:00", ["k0", "c1"])
            .PullRequest(1, created: "Mon 09:00", merged: "Mon 11:00", commitShas: ["c1"])
            .PullRequest(2, created: "Mon 09:30", merged: "Mon 12:00", mergeSha: "m2", commitShas: ["c1"])
            .Deployment("D0", "k0", "Mon 08:30")
            .Deployment("D1", "m2", "Mon 13:00")
            .Derive();

        Assert.Equal(["acme/api#1", "acme/api#2"], scenario.Rows<string>("SELECT ref FROM d_changes ORDER BY ref"));
    }
}
