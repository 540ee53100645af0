using DevEx.Server.Tests.Api;
using NodaTime;
using static DevEx.Server.Tests.Dashboards.PanelQueries;

namespace DevEx.Server.Tests.Dashboards;

// Queries: queries/panel_failed_deployments.sql and queries/panel_dora_series.sql.
/// <summary>
/// The DORA page's panel queries over the worked example of docs/metrics.md (week of 2026-02-02, <see cref="DashboardPageTests"/>):
/// D3 (Tue 02-03 14:00, api, production, commit k3) failed by rollback (D4 redeploys s7) and D4 recovered it at 15:00.
/// </summary>
public sealed class DoraPanelQueryTests : IAsyncLifetime, IDisposable
{
    private static readonly LocalDate From = new(2026, 2, 2);
    private static readonly LocalDate To = new(2026, 2, 9);
    private readonly DevExAppFactory factory = new(Instant.FromUtc(2026, 2, 11, 12, 0));

    public async Task InitializeAsync() => await WorkedExampleImport.LoadAsync(factory.CreateClient());

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => factory.Dispose();

    [Fact]
    public void The_series_has_no_figures_before_the_first_deployment_and_each_periods_figures_after()
    {
        var columns = new[] { "period", "deployments", "change_lead_time_median_hours", "change_fail_rate", "recovery_median_hours", "rework_rate" };

        // W05 (01-26) ends before D1 (Mon 02-02): no figures, not 0 deployments. W06: D1..D4; lead time median of 2, 23 and
        // 24 h = 23 h; D3 of 4 failed (25%), recovered in 1 h; D3 and D4 rework (50%).
        var weeks = Run(factory, "panel_dora_series", From.PlusWeeks(-1), To, team: "core");
        Assert.Equal([["2026-01-26", "", "", "", "", ""], ["2026-02-02", "4", "23", "0.25", "1", "0.5"]], Cells(weeks, columns));
        Assert.Equal(["/explain/deployments?from=2026-02-02&to=2026-02-09&team=core", "/explain/changes?from=2026-02-02&to=2026-02-09&team=core",
                "/explain/deployments?from=2026-02-02&to=2026-02-09&team=core&failed=true", "/explain/deployments?from=2026-02-02&to=2026-02-09&team=core&rework=true"],
            Cells(weeks, "deployments__link", "change_lead_time_median_hours__link", "recovery_median_hours__link", "rework_rate__link")[1]);

        // By month the window is cut at its ends: January from 01-26 (before the data) and February up to 02-09.
        var months = Run(factory, "panel_dora_series", From.PlusWeeks(-1), To, interval: DevEx.Analytics.Metrics.MetricInterval.Month);
        Assert.Equal([["2026-01-26", ""], ["2026-02-01", "4"]], Cells(months, "period", "deployments"));
        Assert.Equal("/explain/deployments?from=2026-02-01&to=2026-02-09", Cells(months, "deployments__link")[1][0]);
        // The week after: the data has started, no deployment that week: 0 deployments and no rate.
        Assert.Equal([["2026-02-09", "0", "", "", "", ""]], Cells(Run(factory, "panel_dora_series", To, To.PlusWeeks(1)), columns));
    }

    [Fact]
    public void Failed_deployments_newest_first_with_method_and_recovery()
    {
        var data = Run(factory, "panel_failed_deployments", From, To, team: "core");

        // One of D1..D4 failed: D3, by rollback; recovered by D4 an hour later (wall clock). Its link: the failed-deployments
        // listing of the same view, at D3's row.
        Assert.Equal([["2026-02-03T14:00:00Z", "api", "production", "k3", "rollback", "1",
            "/explain/deployments?from=2026-02-02&to=2026-02-09&team=core&failed=true#D3"]],
            Cells(data, "finished_at", "service", "environment", "sha", "failure_method", "recovery_hours", "sha__link"));
        Assert.Empty(Run(factory, "panel_failed_deployments", To, To.PlusWeeks(1)).Rows); // D3 finished the week before
    }
}
