using DevEx.Analytics;
using DevEx.Analytics.Derivations;
using DevEx.Analytics.Metrics;
using DevEx.Analytics.Tickets;
using DevEx.Collectors.GitHub;
using DevEx.Collectors.Sync;
using DevEx.Server.Api;
using DevEx.Server.Audit;
using DevEx.Server.Api.Contracts;
using DevEx.Server.Dashboards;
using DevEx.Server.Derivation;
using DevEx.Server.Import;
using DevEx.Server.Reports;
using DevEx.Server.Webhooks;
using DevEx.Store;
using DevEx.Store.Queries;
using DevEx.Store.Reading;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace DevEx.Server.Hosting;

internal static class ServiceRegistration
{
    public static IServiceCollection AddDevEx(this IServiceCollection services)
    {
        services.AddOptions<DevExOptions>().BindConfiguration(DevExOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Database), "DevEx:Database must name a file")
            .Validate(o => o.DatabaseThreads >= 1, "DevEx:DatabaseThreads must be 1 or more").ValidateOnStart();
        services.AddOptions<MetricOptions>().BindConfigurationReplacingLists(MetricOptions.Section).ValidateOnStart();
        services.AddOptions<DevEx.Collectors.RepositoryFiles.RepositoryFilesOptions>()
            .BindConfigurationReplacingLists(DevEx.Collectors.RepositoryFiles.RepositoryFilesOptions.Section);
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<MetricOptions>, MetricOptionsValidation>();
        services.AddOptions<DoraLevelThresholds>().BindConfiguration(DoraLevelThresholds.Section);
        services.AddOptions<TicketOptions>().BindConfiguration(TicketOptions.Section)
            .Validate(o => o.StatusCategories.Values.SelectMany(s => s.Values).All(c => TicketStatusMapper.Categories.Contains(c.Trim().ToLowerInvariant())),
                "DevEx:Tickets:StatusCategories values must be backlog, active, wait or done")
            .ValidateOnStart();
        services.AddOptions<DevEx.Analytics.Calendar.MeetingOptions>().BindConfiguration(DevEx.Analytics.Calendar.MeetingOptions.Section)
            .Validate(o => o.FocusBlock > TimeSpan.Zero && o.MinCohort >= 1, "DevEx:Meetings:FocusBlock must be positive and MinCohort at least 1")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IClock>(sp => new TimeProviderClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DevExOptions>>().Value;
            return DuckDbDatabase.OpenAndMigrate(options.Database, options.DatabaseThreads);
        });
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DoraLevelThresholds>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TicketOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DevEx.Analytics.Calendar.MeetingOptions>>().Value);
        services.AddSingleton<QueryRunner>();
        services.AddSingleton<DerivationRunner>();
        services.AddSingleton<DevEx.Analytics.Adoption.ScorecardDeriver>();
        services.AddSingleton<Adoption.ScorecardCatalog>();
        services.AddSingleton<DevEx.Analytics.Adoption.AdoptionCoverageService>();
        services.AddSingleton<DevEx.Analytics.Adoption.ScorecardResultsService>();
        services.AddSingleton(sp => new DevEx.Analytics.Adoption.AdoptionImpactService(sp.GetRequiredService<QueryRunner>(), new DevEx.Analytics.Adoption.AdoptionImpact()));
        services.AddSingleton(sp => new DerivationSteps(sp.GetRequiredService<DerivationRunner>(), sp.GetRequiredService<DevEx.Analytics.Adoption.ScorecardDeriver>(),
            sp.GetRequiredService<Adoption.ScorecardCatalog>(), sp.GetRequiredService<NodaTime.IClock>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DevExOptions>>(),
            sp.GetRequiredService<ILogger<DerivationSteps>>()));
        services.AddSingleton<DerivationQueueService>();
        services.AddSingleton<DoraLevels>();
        services.AddSingleton<DoraMetricsService>();
        services.AddSingleton<PullRequestFlowService>();
        services.AddSingleton<CiMetricsService>();
        services.AddSingleton<TicketMetricsService>();
        services.AddSingleton<MeetingMetricsService>();
        services.AddSingleton<TeamFlowAndFocusService>();
        services.AddSingleton<TicketExplainService>();
        services.AddSingleton<TicketStatusMappingService>();
        services.AddSingleton<WaitStatesService>();
        services.AddSingleton<DataStartService>();
        services.AddSingleton<ExplainService>();
        services.AddSingleton<OpenPullRequestService>();
        services.AddSingleton<PersonalFigures>();
        services.AddSingleton<OrgService>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<ScopeCatalog>();
        services.AddSingleton<PersonDirectory>();
        services.AddSingleton<MetricRequestResolver>();
        services.AddSingleton<Access.ScopeAccess>();
        services.AddSingleton<SyncRunStore>();
        services.AddSingleton<Sync.SyncRunner>();
        services.AddSingleton<SyncStateStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddDevExAudit();
        services.AddSingleton<Auth.ApiKeyService>();
        services.AddOptions<GitHubOptions>().BindConfigurationReplacingLists(GitHubOptions.Section);
        services.AddSingleton(sp => new RawPayloadStore(sp.GetRequiredService<DuckDbDatabase>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GitHubOptions>>().Value));
        services.AddSingleton<GitHubWebhookProcessor>();
        services.AddDevExHttpClients();
        services.AddGitHubCollection();
        services.AddJiraCollection();
        services.AddBackstageCatalogCollection();
        services.AddCalendarCollection();
        services.AddDashboards();
        services.AddDevExReports();
        // Before the start-up services that derive, so they find the queue's worker running.
        services.AddHostedService(sp => sp.GetRequiredService<DerivationQueueService>());
        services.AddHostedService<DerivedTablesUpgrade>();
        services.AddHostedService<SampleSeeder>();
        services.AddHostedService<Api.ApiWarmer>();
        services.AddProblemDetails();
        services.AddExceptionHandler<DiskFullProblems>();
        services.AddExceptionHandler<Auth.ProviderUnreachableProblems>();
        services.AddOpenApi("v1", o => o.AddDevExContract());
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
            // Numbers are numbers: the web default also reads them from strings, which types every number in the OpenAPI
            // document (and so every MCP tool schema and generated client) as "integer or string".
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        return services;
    }
}
