using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Tests.Derivations;

/// <summary>An incident no change caused fails no deployment, still counts in time to restore, and the explain listing says why.</summary>
public sealed class NotCausedByChangeTests
{
    // k1 -> k2 -> k3 deployed as D1 Mon 09:00, D2 Mon 11:00, D3 Tue 11:00 (3 deployments).
    // I1 opens Mon 12:00 (1 h after D2, before D3): D2 fails by window. Restored Mon 13:00: 1 h.
    // I2 opens Tue 12:00 (1 h after D3): by the window rule D3 would fail too (2/3); marked not caused, it fails nothing.
    // Restored Tue 15:00: 3 h.
    private static Scenario ThreeDeploymentsTwoIncidents(bool? i2CausedByChange, string? i2Reason = null, string? i2Title = null) => new Scenario()
        .Commit("k1", "Mon 08:00")
        .Commit("k2", "Mon 10:00", ["k1"])
        .Commit("k3", "Tue 10:00", ["k2"])
        .Deployment("D1", "k1", "Mon 09:00")
        .Deployment("D2", "k2", "Mon 11:00")
        .Deployment("D3", "k3", "Tue 11:00")
        .Incident("I1", "Mon 12:00", "Mon 13:00", title: "Checkout errors")
        .Incident("I2", "Tue 12:00", "Tue 15:00", title: i2Title ?? "DNS provider outage", causedByChange: i2CausedByChange,
            causedByChangeReason: i2Reason);

    private static List<(string Id, string? Method, string? Evidence)> Failed(Scenario scenario) =>
        scenario.Rows<(string, string?, string?)>("SELECT id, failure_method, failure_evidence FROM d_deployments WHERE failed ORDER BY id").ToList();

    private static Dictionary<string, IncidentExplanation> Explained(Scenario scenario) =>
        new ExplainService(new QueryRunner(scenario.Database)).Incidents(Scenario.Window("2026-02-02", "2026-02-09"), MetricScope.Org)
            .ToDictionary(i => i.Id);

    [Fact]
    public void Without_a_mark_the_window_rule_fails_both_deployments()
    {
        using var scenario = ThreeDeploymentsTwoIncidents(null).Derive();
        Assert.Equal([("D2", "window", "I1"), ("D3", "window", "I2")], Failed(scenario));
        Assert.Equal(2.0 / 3, scenario.Dora().ChangeFailRate.Rate);
    }

    [Fact]
    public void An_incident_the_import_field_marks_not_caused_fails_nothing_but_counts_in_time_to_restore()
    {
        using var scenario = ThreeDeploymentsTwoIncidents(false, "import field").Derive();
        Assert.Equal([("D2", "window", "I1")], Failed(scenario));
        var dora = scenario.Dora();
        Assert.Equal((1L, 3L, 1.0 / 3), (dora.ChangeFailRate.FailedDeployments, dora.ChangeFailRate.Deployments, dora.ChangeFailRate.Rate));
        // Time to restore over both incidents: 1 h and 3 h, median (1 + 3) / 2 = 2 h.
        Assert.Equal((2L, 2.0), (dora.IncidentTimeToRestore.SampleSize, dora.IncidentTimeToRestore.MedianHours));
        // Recovery of D2: D3 (not failed now) finishes Tue 11:00, 24 h after D2's Mon 11:00.
        Assert.Equal((1L, 24.0), (dora.FailedDeploymentRecoveryTime.SampleSize, dora.FailedDeploymentRecoveryTime.MedianHours));
        var explained = Explained(scenario);
        Assert.Equal(("import field", null), (explained["I2"].NotCausedReason, explained["I2"].WindowDeploymentId));
        Assert.Equal((null, "D2"), (explained["I1"].NotCausedReason, explained["I1"].WindowDeploymentId));
    }

    [Fact]
    public void A_label_reason_from_the_collector_is_what_the_explain_listing_shows()
    {
        using var scenario = ThreeDeploymentsTwoIncidents(false, "label infrastructure").Derive();
        Assert.Equal(1.0 / 3, scenario.Dora().ChangeFailRate.Rate);
        Assert.Equal("label infrastructure", Explained(scenario)["I2"].NotCausedReason);
    }

    [Fact]
    public void A_title_matching_the_pattern_is_not_caused_unless_the_source_says_a_change_caused_it()
    {
        using var matched = ThreeDeploymentsTwoIncidents(null);
        matched.Options.NotCausedByChangePattern = "outage|dns";
        matched.Derive();
        // "DNS provider outage" matches (case-insensitive); "Checkout errors" does not: 1 of 3 failed.
        Assert.Equal([("D2", "window", "I1")], Failed(matched));
        Assert.Equal("title pattern 'outage|dns'", Explained(matched)["I2"].NotCausedReason);

        using var caused = ThreeDeploymentsTwoIncidents(true);
        caused.Options.NotCausedByChangePattern = "outage|dns";
        caused.Derive();
        // The source said a change caused I2: the pattern does not read it, so the window rule fails D3 (2 of 3).
        Assert.Equal(2.0 / 3, caused.Dora().ChangeFailRate.Rate);
        Assert.Null(Explained(caused)["I2"].NotCausedReason);
    }

    [Fact]
    public void A_named_cause_wins_over_the_title_pattern()
    {
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Commit("k2", "Mon 10:00", ["k1"])
            .Deployment("D1", "k1", "Mon 09:00")
            .Deployment("D2", "k2", "Mon 11:00")
            .Incident("I1", "Wed 12:00", "Wed 13:00", causedByDeployment: "D2", title: "Provider outage after the deploy");
        scenario.Options.NotCausedByChangePattern = "outage";
        scenario.Derive();
        Assert.Equal([("D2", "explicit", "I1")], Failed(scenario));
    }

    [Fact]
    public void An_org_whose_only_incidents_no_change_caused_has_no_failure_signal()
    {
        // Tags only (nothing else could fail a deployment) plus one incident marked not caused: still no signal.
        using var scenario = new Scenario()
            .Commit("k1", "Mon 08:00")
            .Commit("k2", "Mon 10:00", ["k1"])
            .Deployment("D1", "k1", "Mon 09:00")
            .Deployment("D2", "k2", "Mon 11:00")
            .Incident("I1", "Mon 12:00", "Mon 13:00", causedByChange: false, causedByChangeReason: "import field")
            .Derive();
        var rate = scenario.Dora().ChangeFailRate;
        Assert.Equal((0L, 2L), (rate.FailedDeployments, rate.Deployments));
        Assert.Equal(ChangeFailRate.NoFailureSignalReason, rate.NoFailureSignal);
    }
}
