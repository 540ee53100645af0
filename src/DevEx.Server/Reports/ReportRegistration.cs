using DevEx.Analytics.Adoption;
using DevEx.Server.Adoption;
using DevEx.Analytics;
using DevEx.Analytics.Metrics;
using DevEx.Reports.Weekly;
using DevEx.Store.Queries;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace DevEx.Server.Reports;

internal static class ReportRegistration
{
    /// <summary>Weekly reports: building, files and webhook delivery (section DevEx:Reports). Scheduling is <see cref="AddReportSchedule"/>.</summary>
    public static IServiceCollection AddDevExReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section)
            .Validate(o => o.Schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is 5 or 6, "DevEx:Reports:Schedule must be a cron expression (5 or 6 fields)")
            .Validate(o => o.PublicUrl is null || Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out _), "DevEx:Reports:PublicUrl must be an absolute URL")
            .Validate(o => o.Webhooks.Values.All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"),
                "DevEx:Reports:Webhooks values must be http(s) URLs")
            .Validate(o => o.DeliveryAttempts >= 1 && o.DeliveryBackoff >= TimeSpan.Zero, "DevEx:Reports:DeliveryAttempts must be at least 1")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new WeeklyReportBuilder(sp.GetRequiredService<QueryRunner>(), sp.GetRequiredService<DoraMetricsService>(),
            sp.GetRequiredService<WaitStatesService>(), sp.GetRequiredService<CiMetricsService>(), sp.GetRequiredService<MeetingMetricsService>(),
            sp.GetRequiredService<ExplainService>(), sp.GetRequiredService<OpenPullRequestService>(), sp.GetRequiredService<DataStartService>(),
            new PlatformSectionBuilder(sp.GetRequiredService<AdoptionCoverageService>(), sp.GetRequiredService<ScorecardResultsService>(),
                () => sp.GetRequiredService<ScorecardCatalog>().Current),
            sp.GetRequiredService<MetricOptions>(),
            sp.GetRequiredService<IClock>()));
        services.AddSingleton<WeeklyReports>();
        services.AddSingleton<ReportFileWriter>();
        services.AddSingleton<ReportDeliveryLog>();
        services.AddHostedService<ReportLinkCheck>();
        services.AddTransient<WeeklyReportJob>();
        return services;
    }

    /// <summary>The per-team recurring jobs (needs Hangfire).</summary>
    public static IServiceCollection AddReportSchedule(this IServiceCollection services)
    {
        services.AddTransient<ReportScheduling>();
        services.AddHostedService<ReportScheduling.AtStart>();
        return services;
    }
}
