using DevEx.Server.Tests.Api;
using NodaTime;
using static DevEx.Server.Tests.Dashboards.PanelQueries;

namespace DevEx.Server.Tests.Dashboards;

// Queries: queries/panel_failed_deployments.sql.
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
