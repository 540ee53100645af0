using DevEx.Analytics.Metrics;
using DevEx.Store.Queries;

namespace DevEx.Analytics.Tests.Tickets;

// Queries: ticket_explain, ticket_metrics, wait_states.
/// <summary>Tickets linked to pull requests by branch and title, ticket lead time, and unmapped statuses in data quality.</summary>
public sealed class TicketLinkTests : IDisposable
{
    // Team core (UTC, Mon-Fri 09-17) owns service api. D0 deploys k0 Mon 08:00 (first deployment). PR #11 (branch
    // feature/web-5-login) merges as s11 Tue 12:00; PR #12 (title "WEB-6: fix search") merges as s12 Wed 10:00; D1 deploys
    // s12 Wed 14:00, so both pull requests are deployed Wed 14:00. PR #13 "UTF-8 handling" names no ticket (UTF-8 is not one).
    // PR #14 (open) has a commit "Tidy WEB-7 and UTF-8": linked to WEB-7 by commit message.
    // WEB-5 (no team: it takes core from its pull request): active Mon 09:00 -> lead time to Wed 14:00 = 53 h;
    //   working Mon 8 + Tue 8 + Wed 09-14 5 = 21 h.
    // WEB-6 (team core): active Tue 13:00 -> Wed 14:00 = 25 h; working Tue 13-17 4 + Wed 09-14 5 = 9 h.
    private readonly Scenario scenario = new Scenario()
        .Team("core")
        .Service("api", "core")
        .Commit("k0", "Mon 07:00")
        .Commit("s11", "Tue 12:00", ["k0"])
        .Commit("s12", "Wed 10:00", ["s11"])
        .Commit("s13", "Wed 11:00", ["s12"])
        .PullRequest(11, created: "Mon 10:00", merged: "Tue 12:00", mergeSha: "s11", headBranch: "feature/web-5-login", title: "Login page")
        .PullRequest(12, created: "Tue 13:00", merged: "Wed 10:00", mergeSha: "s12", headBranch: "fix-search", title: "WEB-6: fix search")
        .PullRequest(13, created: "Wed 10:30", merged: "Wed 11:00", mergeSha: "s13", headBranch: "utf", title: "UTF-8 handling")
        .Commit("c14", "Wed 12:00", ["s13"], message: "Tidy WEB-7 and UTF-8")
        .PullRequest(14, created: "Wed 12:30", merged: null, commitShas: ["c14"], headBranch: "tidy", title: "Tidy up")
        .Ticket("WEB-7", "Mon 08:00")
        .Deployment("D0", "k0", "Mon 08:00")
        .Deployment("D1", "s12", "Wed 14:00")
        .Ticket("WEB-5", "Mon 08:00")
        .Transition("WEB-5", "Mon 09:00", "To Do", "In Progress")
        .Transition("WEB-5", "Wed 15:00", "In Progress", "Done")
        .Ticket("WEB-6", "Tue 09:00", team: "core")
        .Transition("WEB-6", "Tue 13:00", "To Do", "Triage")
        .Transition("WEB-6", "Wed 16:00", "Triage", "Done")
        .Derive();

    [Fact]
    public void Links_by_branch_title_and_commit_only_to_existing_tickets()
    {
        var links = scenario.Rows<(string Key, string Repo, int Number, string Method)>(
            "SELECT ticket_key, repo, number, method FROM ticket_links ORDER BY ticket_key");
        Assert.Equal([("WEB-5", "acme/api", 11, "branch"), ("WEB-6", "acme/api", 12, "title"), ("WEB-7", "acme/api", 14, "commit")], links);
    }

    [Fact]
    public void Ticket_lead_time_runs_from_first_active_to_the_deployment_of_its_last_pull_request()
    {
        var tickets = new TicketExplainService(new QueryRunner(scenario.Database)).Tickets(Scenario.Window("2026-02-02", "2026-02-09"), MetricScope.Org);
        var web5 = tickets.Single(t => t.Key == "WEB-5");
        Assert.Equal(("core", 53.0, 21.0), (web5.Team, web5.LeadTimeHours, web5.LeadTimeWorkingHours));
        Assert.Equal("acme/api#11 (branch)", web5.LinkedPullRequests);
        var web6 = tickets.Single(t => t.Key == "WEB-6");
        Assert.Equal((25.0, 9.0), (web6.LeadTimeHours, web6.LeadTimeWorkingHours));
        var metrics = new TicketMetricsService(new QueryRunner(scenario.Database))
            .Get(Scenario.Window("2026-02-02", "2026-02-09"), new MetricScope(Team: "core"));
        Assert.Equal((2L, 39.0, 15.0), (metrics.LeadTime.SampleSize, metrics.LeadTime.MedianHours, metrics.LeadTime.MedianWorkingHours));
    }

    [Fact]
    public void A_status_no_rule_maps_is_active_and_listed_in_data_quality()
    {
        var quality = scenario.Rows<(string Kind, string Subject)>("SELECT kind, subject FROM d_data_quality WHERE kind = 'unmapped-status'");
        Assert.Equal([("unmapped-status", "WEB/Triage")], quality);
        var web6 = new TicketExplainService(new QueryRunner(scenario.Database)).Tickets(Scenario.Window("2026-02-02", "2026-02-09"), MetricScope.Org)
            .Single(t => t.Key == "WEB-6");
        Assert.Equal(25.0 + 2, web6.CycleHours); // Triage counts as active: Tue 13:00 -> Wed 16:00 = 27 h
    }

    [Fact]
    public void Wait_states_list_every_wait_with_its_sample_size()
    {
        var waits = new WaitStatesService(new QueryRunner(scenario.Database)).Get(Scenario.Window("2026-02-02", "2026-02-09"), MetricScope.Org).Waits;
        Assert.Equal(["ci-queue", "ci-run", "deploy-wait", "pr-merge-wait", "pr-pickup", "pr-review", "ticket-blocked", "ticket-wait"],
            waits.Select(w => w.Wait).Order());
        // deploy wait: #11 Tue 12:00 -> Wed 14:00 (26 h; working Tue 12-17 5 + Wed 09-14 5 = 10), #12 Wed 10 -> 14 (4 h, 4 w);
        // #13 was merged after D1 and is not deployed.
        var deploy = waits.Single(w => w.Wait == "deploy-wait");
        Assert.Equal((2L, 15.0, 7.0), (deploy.SampleSize, deploy.MedianHours, deploy.MedianWorkingHours));
        // ticket wait: both tickets were never in a wait status: 0 h each over 2 tickets
        var ticketWait = waits.Single(w => w.Wait == "ticket-wait");
        Assert.Equal((2L, 0.0), (ticketWait.SampleSize, ticketWait.MedianWorkingHours));
        var blocked = waits.Single(w => w.Wait == "ticket-blocked");
        Assert.Equal((0L, null), (blocked.SampleSize, blocked.MedianHours));
    }

    public void Dispose() => scenario.Dispose();
}
