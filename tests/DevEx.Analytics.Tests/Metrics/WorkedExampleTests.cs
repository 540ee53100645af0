using DevEx.Analytics.Metrics;

namespace DevEx.Analytics.Tests.Metrics;

// Queries: dora_deployment_frequency, dora_change_lead_time, dora_change_fail_rate,
// dora_failed_deployment_recovery_time, dora_deployment_rework_rate, incident_time_to_restore, and the levels (DoraLevels).
/// <summary>
/// The worked example of docs/metrics.md, computed by hand there: service api, production only, team zone UTC,
/// window 2026-02-02 .. 2026-02-09.
/// </summary>
public sealed class WorkedExampleTests : IDisposable
{
    private readonly Scenario scenario = new Scenario()
        .Commit("k1", "Mon 08:00")
        .Commit("k2", "Mon 10:00", ["k1"])
        .Commit("r1", "Mon 11:00", ["k2"])
        .Commit("r2", "Mon 15:00", ["r1"])
        .Commit("s7", "Tue 09:00", ["k2"])
        .Commit("k3", "Tue 12:00", ["s7"], message: "Revert \"Add search\"")
        .PullRequest(7, created: "Mon 11:30", merged: "Tue 09:00", mergeSha: "s7", commitShas: ["r1", "r2"], title: "Search endpoint")
        .Deployment("D1", "k1", "Mon 09:00")
        .Deployment("D2", "s7", "Tue 10:00")
        .Deployment("D3", "k3", "Tue 14:00")
        .Deployment("D4", "s7", "Tue 15:00")
        .Incident("I1", "Tue 14:30", "Tue 16:00")
        .Derive();

    private DoraMetrics Dora => scenario.Dora();

    [Fact]
    public void Deployment_frequency_counts_four_deployments_on_two_days()
    {
        Assert.Equal(4, Dora.DeploymentFrequency.Deployments);
        Assert.Equal(4.0, Dora.DeploymentFrequency.PerWeek);
        Assert.Equal(2.0, Dora.DeploymentFrequency.MedianDeployDaysPerWeek);
        Assert.Equal("high", Dora.DeploymentFrequency.Level);
    }

    [Fact]
    public void Lead_time_is_over_k2_pr7_and_k3()
    {
        Assert.Equal(3, Dora.ChangeLeadTime.SampleSize);
        Assert.Equal(23.0, Dora.ChangeLeadTime.MedianHours);
        Assert.Equal(23.5, Dora.ChangeLeadTime.P75Hours);
        Assert.Equal("elite", Dora.ChangeLeadTime.Level);
    }

    [Fact]
    public void Change_sets_follow_commit_ancestry()
    {
        var sets = scenario.Rows<(string Id, string Shas)>(
            "SELECT d.id, coalesce(string_agg(c.sha, ',' ORDER BY c.sha), '') FROM d_deployments d LEFT JOIN d_deployment_commits c ON c.deployment_id = d.id GROUP BY d.id ORDER BY d.id");
        Assert.Equal([("D1", ""), ("D2", "k2,s7"), ("D3", "k3"), ("D4", "")], sets);
    }

    [Fact]
    public void D3_failed_by_rollback_before_window()
    {
        var failed = scenario.Rows<(string Id, string Method, string Evidence)>(
            "SELECT id, failure_method, failure_evidence FROM d_deployments WHERE failed ORDER BY id");
        Assert.Equal([("D3", "rollback", "D4")], failed);
        Assert.Equal(0.25, Dora.ChangeFailRate.Rate);
        Assert.Equal("low", Dora.ChangeFailRate.Level);
    }

    [Fact]
    public void Recovery_from_D3_is_the_hour_until_D4()
    {
        Assert.Equal(1, Dora.FailedDeploymentRecoveryTime.SampleSize);
        Assert.Equal(1.0, Dora.FailedDeploymentRecoveryTime.MedianHours);
        Assert.Equal("high", Dora.FailedDeploymentRecoveryTime.Level);
    }

    [Fact]
    public void Rework_is_the_revert_and_the_rollback()
    {
        var rework = scenario.Rows<(string Id, string Reason)>("SELECT id, rework_reason FROM d_deployments WHERE rework ORDER BY id");
        Assert.Equal([("D3", "revert"), ("D4", "rollback")], rework);
        Assert.Equal(0.5, Dora.DeploymentReworkRate.Rate);
    }

    [Fact]
    public void Incident_time_to_restore_is_ninety_minutes()
    {
        Assert.Equal(1, Dora.IncidentTimeToRestore.SampleSize);
        Assert.Equal(1.5, Dora.IncidentTimeToRestore.MedianHours);
    }

    public void Dispose() => scenario.Dispose();
}
