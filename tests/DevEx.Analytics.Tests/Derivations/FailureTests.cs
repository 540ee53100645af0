namespace DevEx.Analytics.Tests.Derivations;

/// <summary>The four failure rules, their order, rework and recovery; each scenario computed by hand.</summary>
public sealed class FailureTests
{
    private static Scenario Line() => new Scenario()
        .Commit("k1", "Mon 08:00")
        .Commit("k2", "Mon 10:00", ["k1"])
        .Commit("k3", "Tue 10:00", ["k2"])
        .Deployment("D1", "k1", "Mon 09:00")
        .Deployment("D2", "k2", "Mon 11:00")
        .Deployment("D3", "k3", "Tue 11:00");

    private static List<(string Id, string? Method, string? Evidence)> Failed(Scenario scenario) =>
        scenario.Rows<(string, string?, string?)>("SELECT id, failure_method, failure_evidence FROM d_deployments WHERE failed ORDER BY id").ToList();

    [Fact]
    public void Incident_naming_a_sha_fails_the_deployment_that_shipped_it_explicitly()
    {
        using var scenario = Line().Incident("I1", "Tue 12:00", "Tue 13:00", causedBySha: "k2").Derive();
        // Without causedBy this incident would fail D3 by window; the explicit cause names D2 instead.
        Assert.Equal([("D2", "explicit", "I1")], Failed(scenario));
        var dora = scenario.Dora();
        Assert.Equal(1.0 / 3, dora.ChangeFailRate.Rate);
        Assert.Equal(24.0, dora.FailedDeploymentRecoveryTime.MedianHours); // D2 Mon 11:00 -> D3 Tue 11:00
        Assert.Equal("medium", dora.FailedDeploymentRecoveryTime.Level);
    }

    [Fact]
    public void Incident_naming_a_deployment_or_pr_fails_it_explicitly()
    {
        using var scenario = Line()
            .PullRequest(5, created: "Tue 09:00", merged: "Tue 10:00", mergeSha: "k3")
            .Incident("I1", "Mon 11:30", "Mon 12:00", causedByDeployment: "D2")
            .Incident("I2", "Tue 11:30", "Tue 12:00", causedByPr: "acme/api#5")
            .Derive();
        Assert.Equal([("D2", "explicit", "I1"), ("D3", "explicit", "I2")], Failed(scenario));
    }

    [Fact]
    public void Incident_without_cause_fails_the_last_deployment_within_24_hours_only()
    {
        using var scenario = Line()
            .Incident("I1", "Mon 12:00", "Mon 13:00") // 1 h after D2 -> D2 by window
            .Incident("I2", "Thu 12:00", "Thu 13:00") // 49 h after D3 -> nothing
            .Derive();
        Assert.Equal([("D2", "window", "I1")], Failed(scenario));
        Assert.Equal(2, scenario.Dora().IncidentTimeToRestore.SampleSize);
        Assert.Equal(1.0, scenario.Dora().IncidentTimeToRestore.MedianHours);
    }

    [Fact]
    public void Revert_pr_deployed_within_the_failure_window_fails_the_reverted_deployment()
    {
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Commit("s1", "Mon 10:00", ["k1"])
            .Commit("s2", "Tue 10:00", ["s1"])
            .PullRequest(1, created: "Mon 09:00", merged: "Mon 10:00", mergeSha: "s1", title: "Add search")
            .PullRequest(2, created: "Tue 09:00", merged: "Tue 10:00", mergeSha: "s2", title: "Revert \"Add search\"", headBranch: "revert-1-add-search")
            .Deployment("D1", "k1", "Mon 09:00")
            .Deployment("D2", "s1", "Mon 11:00")
            .Deployment("D3", "s2", "Tue 11:00")
            .Derive();

        Assert.Equal([("D2", "revert", "acme/api#2")], Failed(scenario));
        Assert.Equal([("D3", "revert")], scenario.Rows<(string, string)>("SELECT id, rework_reason FROM d_deployments WHERE rework"));
    }

    [Fact]
    public void Revert_deployed_after_the_failure_window_fails_nothing()
    {
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Commit("s1", "Mon 10:00", ["k1"])
            .Commit("s2", "2026-02-12T10:00:00Z", ["s1"])
            .PullRequest(1, created: "Mon 09:00", merged: "Mon 10:00", mergeSha: "s1", title: "Add search")
            .PullRequest(2, created: "2026-02-12T09:00:00Z", merged: "2026-02-12T10:00:00Z", mergeSha: "s2", title: "Revert \"Add search\"")
            .Deployment("D1", "k1", "Mon 09:00")
            .Deployment("D2", "s1", "Mon 11:00")
            .Deployment("D3", "s2", "2026-02-12T11:00:00Z") // 10 days after D2
            .Derive();

        Assert.Empty(Failed(scenario));
    }

    [Fact]
    public void Hotfix_pr_makes_its_deployment_rework()
    {
        using var scenario = Line()
            .PullRequest(9, created: "Tue 09:00", merged: "Tue 10:00", mergeSha: "k3", labels: ["hotfix"])
            .Derive();
        Assert.Equal([("D3", "hotfix")], scenario.Rows<(string, string)>("SELECT id, rework_reason FROM d_deployments WHERE rework"));
        Assert.Equal(1.0 / 3, scenario.Dora().DeploymentReworkRate.Rate);
    }

    [Fact]
    public void Recovery_skips_failed_deployments_and_unrecovered_ones_are_counted()
    {
        // D2 and D3 fail (explicit) and both recover at D4; D5 fails and has not recovered.
        using var scenario = Line()
            .Commit("k4", "Wed 10:00", ["k3"])
            .Commit("k5", "Thu 10:00", ["k4"])
            .Deployment("D4", "k4", "Wed 11:00")
            .Deployment("D5", "k5", "Thu 11:00")
            .Incident("I1", "Mon 12:00", "Mon 13:00", causedByDeployment: "D2")
            .Incident("I2", "Tue 12:00", "Tue 13:00", causedByDeployment: "D3")
            .Incident("I3", "Thu 12:00", null, causedByDeployment: "D5")
            .Derive();

        var recovered = scenario.Rows<(string Id, string? By, double? Hours)>(
            "SELECT id, recovery_deployment_id, recovery_hours FROM d_deployments WHERE failed ORDER BY id");
        Assert.Equal([("D2", "D4", 48.0), ("D3", "D4", 24.0), ("D5", null, null)], recovered);
        var dora = scenario.Dora();
        Assert.Equal(2, dora.FailedDeploymentRecoveryTime.SampleSize);
        Assert.Equal(36.0, dora.FailedDeploymentRecoveryTime.MedianHours);
        Assert.Equal(1, dora.FailedDeploymentRecoveryTime.Unrecovered);
        Assert.Equal(2, dora.IncidentTimeToRestore.SampleSize);
    }

    // Two release lines of one service, deployed in turn (npgsql's hotfix/X.Y branches): k1 is the root; the main line
    // goes k1 -> r1 -> m2, the hotfix line k1 -> h1. D2 (hotfix line) follows D1 (main line), so D3's ancestry change
    // set (m2 ^h1) walks r1 again, which D1 already shipped.
    [Fact]
    public void Revert_first_shipped_on_another_line_does_not_make_a_later_deployment_rework()
    {
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Commit("r1", "Mon 10:00", ["k1"], message: "Revert \"Add search\"")
            .Commit("h1", "Tue 08:00", ["k1"], message: "Fix typo")
            .Commit("m2", "Wed 08:00", ["r1"], message: "Add filter")
            .Deployment("D0", "k1", "Mon 09:00")
            .Deployment("D1", "r1", "Mon 11:00")
            .Deployment("D2", "h1", "Tue 09:00")
            .Deployment("D3", "m2", "Wed 09:00")
            .Derive();
        // D3's change set {m2, r1}; only m2 is attributed to it, r1 to D1. So D1 is rework (its revert), D3 is not.
        Assert.Equal([("D3", 2L, 1L)], scenario.Rows<(string, long, long)>("SELECT id, change_set_size, change_count FROM d_deployments WHERE id = 'D3'"));
        Assert.Equal([("D1", "revert")], scenario.Rows<(string, string)>("SELECT id, rework_reason FROM d_deployments WHERE rework ORDER BY id"));
        Assert.Equal(0.25, scenario.Dora().DeploymentReworkRate.Rate); // 1 of D0..D3
    }

    [Fact]
    public void Hotfix_first_shipped_on_another_line_does_not_make_a_later_deployment_rework()
    {
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Commit("f1", "Mon 10:00", ["k1"])
            .Commit("h1", "Tue 08:00", ["k1"])
            .Commit("m2", "Wed 08:00", ["f1"])
            .PullRequest(3, created: "Mon 09:30", merged: "Mon 10:00", mergeSha: "f1", headBranch: "hotfix/login")
            .Deployment("D0", "k1", "Mon 09:00")
            .Deployment("D1", "f1", "Mon 11:00")
            .Deployment("D2", "h1", "Tue 09:00")
            .Deployment("D3", "m2", "Wed 09:00")
            .Derive();
        Assert.Equal([("D1", "hotfix")], scenario.Rows<(string, string)>("SELECT id, rework_reason FROM d_deployments WHERE rework ORDER BY id"));
    }

    [Fact]
    public void Revert_rule_fails_the_deployment_the_reverted_change_is_attributed_to_not_a_later_one_that_walks_it_again()
    {
        // PR #1 (s1) ships in D1 on the main line; D2 on the hotfix line; D3 (m2 ^h1 = {m2, s1}) walks s1 again but s1
        // stays D1's; revert PR #2 ships in D4 a day later (within 7 days of D1): D1 fails by revert, D3 does not.
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Commit("s1", "Mon 10:00", ["k1"])
            .Commit("h1", "Mon 11:30", ["k1"])
            .Commit("m2", "Tue 08:00", ["s1"])
            .Commit("s2", "Wed 08:00", ["m2"])
            .PullRequest(1, created: "Mon 09:00", merged: "Mon 10:00", mergeSha: "s1", title: "Add search")
            .PullRequest(2, created: "Wed 07:00", merged: "Wed 08:00", mergeSha: "s2", title: "Revert \"Add search\"", headBranch: "revert-1-add-search")
            .Deployment("D0", "k1", "Mon 09:00")
            .Deployment("D1", "s1", "Mon 11:00")
            .Deployment("D2", "h1", "Mon 12:00")
            .Deployment("D3", "m2", "Tue 09:00")
            .Deployment("D4", "s2", "Wed 09:00")
            .Derive();
        Assert.Equal([("D1", "revert", "acme/api#2")], Failed(scenario));
        Assert.Equal([("D4", "revert")], scenario.Rows<(string, string)>("SELECT id, rework_reason FROM d_deployments WHERE rework ORDER BY id"));
    }

    [Fact]
    public void Deployment_whose_change_set_was_all_shipped_on_another_line_says_so_in_its_note()
    {
        // D3 redeploys r1 after the hotfix line's D2: change set r1 ^h1 = {r1}, which D1 shipped; no change, no rework.
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Commit("r1", "Mon 10:00", ["k1"], message: "Revert \"Add search\"")
            .Commit("h1", "Tue 08:00", ["k1"])
            .Deployment("D0", "k1", "Mon 09:00")
            .Deployment("D1", "r1", "Mon 11:00")
            .Deployment("D2", "h1", "Tue 09:00")
            .Deployment("D3", "r1", "Wed 09:00")
            .Derive();
        var d3 = new DevEx.Analytics.Metrics.ExplainService(new DevEx.Store.Queries.QueryRunner(scenario.Database))
            .Deployments(Scenario.Window("2026-02-02", "2026-02-09"), DevEx.Analytics.Metrics.MetricScope.Org).Single(d => d.Id == "D3");
        Assert.Equal((1, 0, false), (d3.ChangeSetSize, d3.ChangeCount, d3.Rework));
        Assert.Equal("its change set (1 commits) was all shipped by earlier deployments (another release line): no new changes", d3.Note);
    }
}
