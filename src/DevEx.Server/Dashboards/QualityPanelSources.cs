using DevEx.Analytics.Metrics;
using DevEx.Collectors.Sync;
using DevEx.Server.Sync;

namespace DevEx.Server.Dashboards;

/// <summary>Data-quality panels: what could not be used and why, identities no person claims, each source's last sync.</summary>
internal sealed class QualityPanelSources(OrgService org, SyncRunner runner, SyncRunStore runs) : IPanelSourceGroup
{
    public IEnumerable<PanelSource> Sources() =>
    [
        new("data-quality", "Import rejects, clamped spans, unknown shas, unmapped statuses and the like, with an example each", Items),
        new("unmapped-identities", "Authors and reviewers no person in the catalog claims (bots apart)", Unmapped),
        new("unmapped-bots", "Bots (DevEx:Metrics:BotPattern) among the identities no person claims: left out of pull-request flow, nothing to alias", Bots),
        new("unowned-services", "Services no catalog team owns: they count in the org and in per-team tables' row 'unowned'", Unowned),
        new("last-sync", "Each source's last sync run, read at every request (a sync may be running, or may have written nothing)", LastSync, Live: true),
    ];

    private PanelData Items(DashboardFilter filter, CancellationToken ct)
    {
        var builder = new PanelDataBuilder().Column("category", "Category", "text").Column("kind", "Kind", "text")
            .Column("count", "Count", "count").Column("count" + PanelData.LinkSuffix, "", "text").Column("example", "Example", "text");
        foreach (var item in org.DataQuality().Items.OrderByDescending(i => i.Count))
        {
            builder.Row(item.Category, item.Kind, item.Count,
                Links.Explain("data-quality", filter, $"category={Uri.EscapeDataString(item.Category)}&kind={Uri.EscapeDataString(item.Kind)}"), item.Example);
        }
        return builder.Build();
    }

    private PanelData Unmapped(DashboardFilter filter, CancellationToken ct) => Identities(filter, org.DataQuality().UnmappedIdentities);

    private PanelData Bots(DashboardFilter filter, CancellationToken ct) => Identities(filter, org.DataQuality().Bots);

    private PanelData Unowned(DashboardFilter filter, CancellationToken ct)
    {
        var builder = new PanelDataBuilder().Column("service", "Service", "text").Column("service" + PanelData.LinkSuffix, "", "text")
            .Column("named_owner", "Owner named (no such team)", "text").Column("deployments", "Production deployments", "count")
            .Column("incidents", "Incidents", "count").Column("repos", "Repositories", "text");
        foreach (var service in org.DataQuality().UnownedServices)
        {
            builder.Row(service.Service, $"/dashboards/dora?{(filter with { Scope = new MetricScope(Service: service.Service) }).ToQuery()}", service.NamedOwner, service.Deployments,
                service.Incidents, string.Join(", ", service.Repos));
        }
        return builder.Build();
    }

    private static PanelData Identities(DashboardFilter filter, IReadOnlyList<UnmappedIdentity> identities)
    {
        var builder = new PanelDataBuilder().Column("identity", "Identity", "text").Column("occurrences", "Occurrences", "count")
            .Column("occurrences" + PanelData.LinkSuffix, "", "text").Column("seen_in", "Seen in", "text");
        foreach (var identity in identities.OrderByDescending(i => i.Occurrences).Take(50))
        {
            builder.Row(identity.Identity, identity.Occurrences, Links.Explain("identities", filter, $"identity={Uri.EscapeDataString(identity.Identity)}"),
                string.Join(", ", identity.SeenIn));
        }
        return builder.Build();
    }

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
