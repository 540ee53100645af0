using DevEx.Analytics.Metrics;
using DevEx.Reports.Charts;
using DevEx.Server.Dashboards;
using NodaTime;

namespace DevEx.Server.Tests.Dashboards;

/// <summary>
/// A wait keeps its colour from view to view: the overview's "Hours lost per period" stacks waits largest first, and
/// the largest differs between the org and a team, but each wait's colour is its place in the list of waits
/// (WaitStateNames.ColourOrder: tickets waiting, pickup, deploy wait, review, blocked, merge wait, CI run, CI queue).
/// </summary>
public sealed class ChartColourTests
{
    private static readonly PanelDefinition Trend = new()
    {
        Id = "waits-trend", Title = "Hours lost per period", Kind = PanelKind.StackedBar, Source = "wait-states-series", Series = "wait", Value = "hours",
    };

    private static readonly DashboardFilter Week = new(new MetricWindow(new LocalDate(2026, 2, 9), new LocalDate(2026, 2, 16), DateTimeZone.Utc),
        MetricScope.Org, MetricInterval.Week);

    private static PanelData Waits(params (string Wait, double Hours)[] waits)
    {
        var builder = new PanelDataBuilder().Column("period", "Period", "date").Column("wait", "Wait", "text").Column("hours", "Hours", "hours");
        foreach (var (wait, hours) in waits)
        {
            builder.Row(new LocalDate(2026, 2, 9), WaitStateNames.Label(wait), hours);
        }
        return builder.Build() with { SeriesColours = WaitColours.ByLabel };
    }

    [Fact]
    public void A_wait_has_the_same_colour_in_the_org_view_and_a_teams_though_the_order_differs()
    {
        // Org: pickup 9 h stacks before tickets waiting 6 h; the team: tickets waiting 6 h before pickup 1 h and blocked 2 h.
        var org = ChartPanel.Build(Trend, Waits(("pr-pickup", 9), ("ticket-wait", 6), ("pr-review", 4)), Week).Spec;
        var team = ChartPanel.Build(Trend, Waits(("ticket-wait", 6), ("ticket-blocked", 2), ("pr-pickup", 1)), Week).Spec;
        Assert.Equal(["Waiting for first review", "Tickets waiting", "In review"], org.Series.Select(s => s.Name));
        Assert.Equal(["Tickets waiting", "Tickets blocked", "Waiting for first review"], team.Series.Select(s => s.Name));

        string Colour(ChartSpec spec, string wait) => spec.Series.Single(s => s.Name == WaitStateNames.Label(wait)).Colour!;
        Assert.Equal(ChartPalette.ForSeries(1), Colour(org, "pr-pickup"));
        Assert.Equal(ChartPalette.ForSeries(1), Colour(team, "pr-pickup"));
        Assert.Equal(ChartPalette.ForSeries(0), Colour(org, "ticket-wait"));
        Assert.Equal(ChartPalette.ForSeries(0), Colour(team, "ticket-wait"));
        Assert.Equal(ChartPalette.ForSeries(3), Colour(org, "pr-review"));
        Assert.Equal(ChartPalette.ForSeries(4), Colour(team, "ticket-blocked"));
    }
}
