using DevEx.Server.Caching;
namespace DevEx.Server.Dashboards;

internal static class DashboardRegistration
{
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddSingleton<IPanelSourceGroup, DoraPanelSources>();
        services.AddSingleton<IPanelSourceGroup, WaitPanelSources>();
        services.AddSingleton<IPanelSourceGroup, FlowPanelSources>();
        services.AddSingleton<IPanelSourceGroup, TicketPanelSources>();
        services.AddSingleton<IPanelSourceGroup, MeetingPanelSources>();
        services.AddSingleton<IPanelSourceGroup, FlowAndFocusPanelSources>();
        services.AddSingleton<IPanelSourceGroup, QualityPanelSources>();
        services.AddSingleton<IPanelSourceGroup, AdoptionPanelSources>();
        services.AddSingleton<PanelSourceRegistry>();
        services.AddSingleton<QueryFiles>();
        services.AddSingleton<DashboardReader>();
        services.AddSingleton<DashboardCatalog>();
        services.AddSingleton<ResultCache>();
        services.AddSingleton<MeetingTotals>();
        services.AddSingleton<PanelLoader>();
        services.AddSingleton<PanelRenderer>();
        services.AddOptions<PanelConcurrencyOptions>().BindConfiguration(PanelConcurrencyOptions.Section)
            .Validate(o => o.Concurrency >= 1, "DevEx:DashboardPanels:Concurrency must be at least 1")
            .ValidateOnStart();
        services.AddSingleton<PanelGate>();
        services.AddSingleton<SourceLinks>();
        services.AddSingleton<DashboardPages>();
        services.AddSingleton<ExplainPages>();
        services.AddHostedService<DashboardStartupCheck>();
        services.AddHostedService<DashboardWarmer>();
        return services;
    }
}

/// <summary>Reads the dashboard definitions once at start, so a broken file is reported in the log right away.</summary>
internal sealed class DashboardStartupCheck(DashboardCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = catalog.Current;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
