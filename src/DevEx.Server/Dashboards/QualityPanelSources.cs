using DevEx.Server.Access;
using DevEx.Collectors.Sync;
using DevEx.Server.Sync;

namespace DevEx.Server.Dashboards;

/// <summary>
/// The data-quality page's one built-in source: each source's last sync run, live (a sync may be running, or may have
/// written nothing, which changes no data a cache could key on). The page's other tables are queries/panel_*.sql.
/// </summary>
internal sealed class QualityPanelSources(SyncRunner runner, SyncRunStore runs) : IPanelSourceGroup
{
    public IEnumerable<PanelSource> Sources() =>
    [
        new("last-sync", "Each source's last sync run, read at every request (a sync may be running, or may have written nothing)", LastSync, Live: true, Shows: Surface.OrgRows),
    ];

    private PanelData LastSync(DashboardFilter filter, CancellationToken ct)
    {
        var latest = runs.Latest();
        var builder = new PanelDataBuilder().Column("source", "Source", "text").Column("configured", "Configured", "text")
            .Column("status", "Last run", "text").Column("finished_at", "Finished", "instant").Column("rows_written", "Rows written", "count")
            .Column("error", "Error", "text");
        foreach (var source in runner.Sources)
        {
            var run = latest.FirstOrDefault(r => r.Source == source.Name);
            builder.Row(source.Name, source.IsConfigured ? "yes" : "no", run?.Status ?? "never", run?.FinishedAt, run?.RowsWritten, run?.Error);
        }
        return builder.Build("Imported files (devex import, the bundled sample) are not sync runs; their rejects are counted above.");
    }
}
