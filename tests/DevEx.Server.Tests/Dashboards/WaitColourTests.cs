using System.Text.RegularExpressions;
using static DevEx.Server.Tests.Dashboards.PageHtml;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// One colour per wait in every chart that shows waits: the overview's "Hours lost per period", the pull-request page's
/// phases and the weekly report's "Where time was lost", over <see cref="FlowScenario"/> (team Alpha, W07). The colours
/// are the palette's by name, written out here: tickets waiting blue, waiting for first review orange, merged not
/// deployed bluish green, in review vermillion, tickets blocked reddish purple, approved not merged sky blue, CI running
/// black, CI queue yellow (Okabe–Ito, in WaitStateNames.ColourOrder); coding, not a wait, brown.
/// </summary>
public sealed partial class WaitColourTests(FlowScenarioFixture scenario) : IClassFixture<FlowScenarioFixture>
{
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["Tickets waiting"] = "#0072B2", ["Waiting for first review"] = "#E69F00", ["Merged, not deployed"] = "#009E73",
        ["In review"] = "#D55E00", ["Tickets blocked"] = "#CC79A7", ["Approved, not merged"] = "#56B4E9",
        ["CI running"] = "#000000", ["CI queue"] = "#F0E442",
    };

    /// <summary>A chart's legend: each entry's text and the fill of the swatch ScottPlot draws after it.</summary>
    private static Dictionary<string, string> Legend(string svg) =>
        LegendEntry().Matches(ClipPath().Replace(svg, "")).ToDictionary(m => m.Groups[1].Value, m => Hex(m.Groups[2].Value));

    /// <summary>The SVG writer leaves out a black fill (SVG's default) or names it; every other colour is #rrggbb.</summary>
    private static string Hex(string fill) => fill switch { "" or "black" => "#000000", _ => fill.ToUpperInvariant() };

    [Fact]
    public async Task The_overview_colours_each_wait_by_its_name()
    {
        var legend = Legend(Panel(await scenario.PageAsync($"/?{FlowScenario.Week}"), "waits-trend"));
        // Org W07: pickup 9, tickets waiting 6, review 4, merge wait 3, blocked 2, CI run 1.7, CI queue 0.5 (no deployments).
        // Deploy wait is in the series at 0 h (merged pull requests, none deployed), so it is in the legend too.
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), legend.Keys.Order(StringComparer.Ordinal));
        Assert.All(legend, e => Assert.Equal(Expected[e.Key], e.Value));
    }

    [Fact]
    public async Task The_pull_request_phases_take_the_colours_of_their_waits()
    {
        var legend = Legend(Panel(await scenario.PageAsync($"/dashboards/pull-requests?{FlowScenario.Week}"), "phases"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Coding"] = "#8C564B", ["Pickup"] = Expected["Waiting for first review"], ["Review"] = Expected["In review"],
                ["Merge wait"] = Expected["Approved, not merged"],
            }, legend); // no deployments in the scenario: deploy wait has no value, so no bar and no legend entry
    }

    [Fact]
    public async Task The_weekly_reports_bars_take_the_colours_of_their_waits()
    {
        var html = await scenario.PageAsync("/api/v1/reports/weekly?team=alpha&week=2026-W07&format=html");
        var start = html.IndexOf("Where time was lost", StringComparison.Ordinal);
        Assert.True(start >= 0, "no 'Where time was lost' chart");
        var svg = html[html.LastIndexOf("<svg", start, StringComparison.Ordinal)..html.IndexOf("</svg>", start, StringComparison.Ordinal)];
        // Alpha's W07, most hours first: pickup 8, review 3, merge wait 2, CI run 1.5, CI queue 0.4: one bar each, in that order.
        var bars = BarFill().Matches(ClipPath().Replace(svg, "")).Select(m => Hex(m.Groups[1].Value)).Where(Expected.ContainsValue).ToList();
        Assert.Equal(
            [Expected["Waiting for first review"], Expected["In review"], Expected["Approved, not merged"], Expected["CI running"], Expected["CI queue"]],
            bars);
    }

    [GeneratedRegex(@">([^<>]+)</text>\s*<rect (?:fill=""(#[0-9A-Fa-f]{6}|black)"" )?x=")]
    private static partial Regex LegendEntry();

    [GeneratedRegex(@"<rect (?:fill=""(#[0-9A-Fa-f]{6}|black)"" )?x=")]
    private static partial Regex BarFill();

    [GeneratedRegex(@"<clipPath.*?</clipPath>", RegexOptions.Singleline)]
    private static partial Regex ClipPath();
}
