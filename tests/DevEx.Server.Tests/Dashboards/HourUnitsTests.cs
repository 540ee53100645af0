using System.Text.Json;
using System.Text.RegularExpressions;
using static DevEx.Server.Tests.Dashboards.PageHtml;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// The pages' footer says hours are working hours unless a panel says otherwise: every panel of wall-clock hours says so,
/// and the slowest pull requests show their phases in working hours, as the medians above them do
/// (<see cref="BetaCalendarsScenario"/>: beta#3's pickup spans a night).
/// </summary>
public sealed partial class HourUnitsTests(BetaCalendarsFixture scenario) : IClassFixture<BetaCalendarsFixture>
{
    public static TheoryData<string, string> WallClockPanels => new()
    {
        // DORA defines lead time, recovery and time to restore in wall-clock time.
        { "/", "lead-time" },
        { "/dashboards/dora", "lead-time" },
        { "/dashboards/dora", "recovery" },
        { "/dashboards/dora", "incident-restore" },
        { "/dashboards/dora", "lead-time-series" },
        { "/dashboards/dora", "recovery-series" },
        { "/dashboards/dora", "by-team" },
        { "/dashboards/dora", "by-service" },
        { "/dashboards/dora", "failed-deployments" },
        // Time since ready, and CI runners, which work at night too.
        { "/dashboards/pull-requests", "ci-wait" },
        { "/dashboards/pull-requests", "waiting-for-review" },
        { "/dashboards/pull-requests", "slowest" },
        { "/dashboards/pull-requests", "workflows" },
    };

    [Theory]
    [MemberData(nameof(WallClockPanels))]
    public async Task A_panel_of_wall_clock_hours_says_so(string page, string panel)
    {
        var html = Panel(await scenario.PageAsync($"{page}?{FlowScenario.Week}"), panel);
        Assert.Matches("wall[- ]clock", html);
    }

    [Fact]
    public async Task Wall_clock_columns_are_labelled_as_such()
    {
        var dora = await scenario.PageAsync($"/dashboards/dora?{FlowScenario.Week}");
        Assert.Equal(["Team", "Deployments", "Lead time (median, wall clock)", "Change fail rate", "Recovery (median, wall clock)"],
            Headers(Panel(dora, "by-team")).Take(5));
        var pulls = await scenario.PageAsync($"/dashboards/pull-requests?{FlowScenario.Week}");
        Assert.Equal("Waiting (wall-clock hours)", Headers(Panel(pulls, "waiting-for-review"))[^1]);
        Assert.Equal(["Queue (median, wall clock)", "Run (median, wall clock)"], Headers(Panel(pulls, "workflows")).TakeLast(2));
        Assert.Equal(["Pull request", "Title", "Team", "Ready to merged (wall clock)", "Pickup (working hours)", "Review (working hours)",
            "Merge wait (working hours)"], Headers(Panel(pulls, "slowest")));
    }

    [Fact]
    public async Task The_slowest_pull_requests_phases_are_in_working_hours()
    {
        // beta#3: ready Mon 16:00, first review Tue 10:00 (18 wall-clock hours; working hours Mon 16-17 and Tue 09-10: 2 h),
        // approved 11:00 (review 1 h), merged 12:00 (merge wait 1 h); ready to merged 20 wall-clock hours.
        var slowest = Panel(await scenario.PageAsync($"/dashboards/pull-requests?{BetaCalendarsScenario.Week08}"), "slowest");
        Assert.Equal([["acme/beta#3", "Cache warm-up", "beta", "20 h", "2 h", "1 h", "1 h"]], Rows(slowest));
    }

    [Fact]
    public void Help_texts_name_the_minimum_cohort_and_the_focus_block_as_defaults()
    {
        // Both are configurable (DevEx:Meetings:MinCohort, FocusBlock): "5 people" or "2 h" alone would be wrong elsewhere.
        var texts = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "dashboards"), "*.json").SelectMany(file =>
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            return (root.TryGetProperty("description", out var d) ? [d.GetString()!] : Array.Empty<string>())
                .Concat(root.GetProperty("panels").EnumerateArray().Where(p => p.TryGetProperty("help", out _)).Select(p => p.GetProperty("help").GetString()!))
                .ToList();
        }).ToList();
        Assert.Contains(texts, t => t.Contains("minimum cohort (5 people by default)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("focus block (2 h by default)", StringComparison.Ordinal));
        Assert.Empty(texts.SelectMany(t => CohortOrBlock().Matches(t)).Where(m => !m.Value.EndsWith("by default", StringComparison.Ordinal)).Select(m => m.Value));
    }

    /// <summary>"5 people", "2 h", "2 hours", with " by default" when it follows.</summary>
    [GeneratedRegex(@"\b(5 people|2 h|2 hours)\b( by default)?")]
    private static partial Regex CohortOrBlock();
}
