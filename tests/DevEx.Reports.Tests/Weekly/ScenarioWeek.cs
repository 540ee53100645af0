using DevEx.Analytics.Adoption;
using DevEx.Analytics.Calendar;
using DevEx.Analytics.Metrics;
using DevEx.Reports.Weekly;
using DevEx.Store.Queries;
using NodaTime;
using NodaTime.Testing;

namespace DevEx.Reports.Tests.Weekly;

/// <summary>
/// Team "core" (UTC) owning service api (acme/api), in ISO week 2026-W06 (Mon 2026-02-02 .. Mon 2026-02-09) and the
/// week before. Every expected value of the report tests is worked out from these rows in the comments below.
/// </summary>
internal static class ScenarioWeek
{
    public static readonly IsoWeek Week = IsoWeek.Parse("2026-W06");

    public static TeamSummary Team(string zone = "UTC") => new("core", "Core", null, zone, "Mon-Fri 09:00-17:00", 3, ["api"]);

    public static Scenario Build() => new Scenario()
        .Team("core").Service("api", "core")
        // W05: D0 is the stream's first deployment (no lead time); D1 ships c1, authored 24 h before.
        .Commit("c0", "2026-01-26T08:00:00Z").Deployment("D0", "c0", "2026-01-26T10:00:00Z")
        .Commit("c1", "2026-01-28T09:00:00Z", ["c0"]).Deployment("D1", "c1", "2026-01-29T09:00:00Z")
        // W05's waits, from PR #9 (c1): ready Wed 01-28 10:00, approved 15:00 (pickup 5 h, review 0 h), merged 16:00 (merge
        // wait 1 h), deployed by D1 Thu 09:00 (deploy wait 17 h, 1 working hour: Wed 16:00-17:00). No CI runs, no tickets.
        .PullRequest(9, "2026-01-28T10:00:00Z", "2026-01-28T16:00:00Z", mergeSha: "c1", commitShas: ["c1"], title: "Rate limits")
        .Review(9, "rev", "APPROVED", "2026-01-28T15:00:00Z")
        // W06: four deployments on three days (Tue, Wed, Fri, Fri); lead times 24 h (c2), 30 h (c3, via PR #12), 44 h (c4), 1 h (c5).
        .Commit("c2", "Mon 09:00", ["c1"]).Deployment("D2", "c2", "Tue 09:00")
        .Commit("c3", "Tue 10:00", ["c2"]).Deployment("D3", "c3", "Wed 16:00")
        .Commit("c4", "Wed 12:00", ["c3"]).Deployment("D4", "c4", "Fri 08:00")
        .Commit("c5", "Fri 09:00", ["c4"]).Deployment("D5", "c5", "Fri 10:00")
        // D4 fails by an incident naming it (open 2 h); D5 recovers it 2 h after D4 finished (Fri 08:00 .. 10:00).
        .Incident("I1", "Fri 08:30", "Fri 10:30", causedByDeployment: "D4")
        // PR #12 (c3): ready Tue 10:30, first review (approval) Wed 12:00, merged Wed 14:00: 27.5 h ready to merged.
        .PullRequest(12, "Tue 10:30", "Wed 14:00", mergeSha: "c3", commitShas: ["c3"], title: "Search endpoint")
        .Review(12, "rev", "APPROVED", "Wed 12:00")
        // Open at the week's end (Mon 2026-02-09 00:00): #10 ready Mon 10:00 (158 h, no review), #11 ready Thu 12:00
        // (84 h, commented Fri 09:00: waiting for merge); #13 is a draft since Mon 08:00: not waiting for review.
        .PullRequest(10, "Mon 10:00", null, title: "Cache headers")
        .PullRequest(11, "Thu 12:00", null, title: "Retry budget").Review(11, "rev", "COMMENTED", "Fri 09:00")
        .PullRequest(13, "Mon 08:00", null, title: "Spike: new index", draft: true)
        // W06's waits (working hours Mon-Fri 09:00-17:00 UTC), from PR #12 and CORE-1 (the one ticket done):
        //   pr-pickup Tue 10:30 → Wed 12:00 = 25.5 h, working 6.5 + 3 = 9.5 h;  pr-review 0 h (approved at the first review);
        //   pr-merge-wait Wed 12:00 → 14:00 = 2 h (2 working);  deploy-wait Wed 14:00 → D3 16:00 = 2 h (2 working);
        //   ci-queue r2 2 min + r3 1 min = 0.05 h;  ci-run 10 + 10 min = 1/3 h (inside working hours: the same in both);
        //   ticket-wait and ticket-blocked: CORE-1 Blocked Tue 09:00 → Thu 09:00 = 48 h, working 8 + 8 = 16 h.
        // CI: ci has 3 runs (one failure, one re-run: 1/3 each; queue 1, 2, 1 min; run 10 min each); e2e has 1 run
        // (queue 30 min, run 60 min), so e2e is the slowest and ci the only flaky one.
        .PipelineRun("r1", "c2", "Mon 09:00", "Mon 09:01", "Mon 09:11")
        .PipelineRun("r2", "c3", "Tue 10:00", "Tue 10:02", "Tue 10:12", conclusion: "failure")
        .PipelineRun("r3", "c3", "Tue 10:20", "Tue 10:21", "Tue 10:31", attempt: 2)
        .PipelineRun("e1", "c4", "Wed 09:00", "Wed 09:30", "Wed 10:30", workflow: "e2e")
        // Tickets: CORE-1 blocked Tue 09:00 .. Thu 09:00 (48 h); CORE-2 blocked from Fri 12:00 to the week's end
        // (60 h, still blocked); CORE-3 was blocked only in W04, so it is not listed.
        .Ticket("CORE-1", "2026-01-26T09:00:00Z", team: "core")
        .Transition("CORE-1", "Mon 09:00", "To Do", "In Progress").Transition("CORE-1", "Tue 09:00", "In Progress", "Blocked")
        .Transition("CORE-1", "Thu 09:00", "Blocked", "In Progress").Transition("CORE-1", "Fri 09:00", "In Progress", "Done")
        .Ticket("CORE-2", "2026-01-26T09:00:00Z", team: "core")
        .Transition("CORE-2", "Thu 09:00", "To Do", "In Progress").Transition("CORE-2", "Fri 12:00", "In Progress", "Blocked")
        .Ticket("CORE-3", "2026-01-12T09:00:00Z", team: "core")
        .Transition("CORE-3", "2026-01-19T09:00:00Z", "To Do", "In Progress").Transition("CORE-3", "2026-01-20T09:00:00Z", "In Progress", "Blocked")
        .Transition("CORE-3", "2026-01-22T09:00:00Z", "Blocked", "Done")
        .Derive();

    public static WeeklyReportBuilder Builder(Scenario scenario, ScorecardSet? scorecards = null, Instant? now = null)
    {
        var queries = new QueryRunner(scenario.Database);
        return new WeeklyReportBuilder(queries, new DoraMetricsService(queries, new DoraLevels(new DoraLevelThresholds())), new WaitStatesService(queries),
            new CiMetricsService(queries), new MeetingMetricsService(queries, new MeetingOptions()), new ExplainService(queries),
            new OpenPullRequestService(queries, scenario.Options), new DataStartService(queries),
            new PlatformSectionBuilder(new AdoptionCoverageService(queries), new ScorecardResultsService(queries), () => scorecards ?? ScorecardSet.Empty),
            scenario.Options, new FakeClock(now ?? Instant.FromUtc(2026, 2, 9, 7, 0)));
    }
}
