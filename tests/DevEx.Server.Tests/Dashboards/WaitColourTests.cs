using AngleSharp.Dom;
using static DevEx.Server.Tests.Dashboards.PageHtml;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// One colour per wait in every chart that shows waits: the overview's "Hours lost per period", the pull-request page's
/// phases and the weekly report's "Where time was lost", over <see cref="FlowScenario"/> (team Alpha, W07). The colours
/// are the palette's by name, written out here: tickets waiting blue, waiting for first review orange, merged not
/// deployed bluish green, in review vermillion, tickets blocked reddish purple, approved not merged sky blue, CI running
/// black, CI queue yellow (Okabe–Ito, in WaitStateNames.ColourOrder); coding, not a wait, brown.
/// </summary>
public sealed class WaitColourTests(FlowScenarioFixture scenario) : IClassFixture<FlowScenarioFixture>
{
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["Tickets waiting"] = "#0072B2", ["Waiting for first review"] = "#E69F00", ["Merged, not deployed"] = "#009E73",
        ["In review"] = "#D55E00", ["Tickets blocked"] = "#CC79A7", ["Approved, not merged"] = "#56B4E9",
        ["CI running"] = "#000000", ["CI queue"] = "#F0E442",
    };

    /// <summary>
    /// A chart's legend: each entry's text and the fill of the swatch ScottPlot draws right after it (a rect whose first
    /// attribute is its fill, or its x when the fill is SVG's default black), clip paths left out.
    /// </summary>
    private static Dictionary<string, string> Legend(string svg)
    {
        using var document = Parse(svg);
        return Drawn(document, "text").Where(t => t.NextElementSibling is { } next && IsSwatch(next))
            .ToDictionary(t => t.TextContent, t => Fill(t.NextElementSibling!));
    }

    /// <summary>The fill of every bar or swatch, in drawing order.</summary>
    private static List<string> Bars(IElement svg) => Drawn(svg, "rect").Where(IsSwatch).Select(Fill).ToList();

    private static IEnumerable<IElement> Drawn(IParentNode root, string tag) =>
        root.QuerySelectorAll(tag).Where(e => e.Closest("clipPath") is null && e.Closest("clippath") is null);

    private static bool IsSwatch(IElement e) => e.LocalName == "rect" && e.Attributes.Length > 0
        && (e.Attributes[0]!.Name == "x" || (e.Attributes[0]!.Name == "fill" && e.Attributes.Length > 1 && e.Attributes[1]!.Name == "x"));

    /// <summary>The SVG writer leaves out a black fill (SVG's default) or names it; every other colour is #rrggbb.</summary>
    private static string Hex(string fill) => fill switch { "" or "black" => "#000000", _ => fill.ToUpperInvariant() };

    private static string Fill(IElement rect) => Hex(rect.Attributes[0]!.Name == "fill" ? rect.GetAttribute("fill")! : "");

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
        using var document = Parse(html);
        var svg = document.QuerySelectorAll("svg").FirstOrDefault(s => s.TextContent.Contains("Where time was lost", StringComparison.Ordinal));
        Assert.True(svg is not null, "no 'Where time was lost' chart");
        // Alpha's W07, most hours first: pickup 8, review 3, merge wait 2, CI run 1.5, CI queue 0.4: one bar each, in that order.
        var bars = Bars(svg).Where(Expected.ContainsValue).ToList();
        Assert.Equal(
            [Expected["Waiting for first review"], Expected["In review"], Expected["Approved, not merged"], Expected["CI running"], Expected["CI queue"]],
            bars);
    }
}
