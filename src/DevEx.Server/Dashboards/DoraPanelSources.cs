using DevEx.Server.Access;
using DevEx.Analytics.Metrics;

namespace DevEx.Server.Dashboards;

/// <summary>
/// DORA panels: the five metrics with levels and their previous period, series, per team and service (per period and
/// failed deployments: queries/panel_dora_series.sql, queries/panel_failed_deployments.sql). Lead time, recovery
/// and time to restore are wall-clock hours (DORA's definition), and their labels say so: the page's default is working hours.
/// </summary>
internal sealed class DoraPanelSources(DoraMetricsService dora, OrgService org, DataStartService dataStarts) : IPanelSourceGroup
{
    public IEnumerable<PanelSource> Sources() =>
    [
        new("dora", "The five DORA metrics with levels, and each over the previous period", Summary),
        new("dora-by-team", "DORA metrics of each team", (f, ct) => ByGroup(f, MetricGrouping.Team, ct), Shows: Surface.PerTeam),
        new("dora-by-service", "DORA metrics of each service", (f, ct) => ByGroup(f, MetricGrouping.Service, ct), Shows: Surface.PerTeam),
    ];

    private PanelData Summary(DashboardFilter filter, CancellationToken ct)
    {
        var now = dora.Get(filter.Window, filter.Scope, ct);
        // A previous period that began before the scope's first production deployment has no DORA figures: "–", no change.
        var before = dataStarts.For(filter.Scope, ct).Covers(DataKind.Deployments, filter.Previous) ? dora.Get(filter.Previous, filter.Scope, ct) : null;
        var builder = new PanelDataBuilder();
        var values = new List<object?>();
        void Add(string name, string label, string unit, Func<DoraMetrics, object?> value, bool trend = true)
        {
            builder.Column(name, label, unit);
            values.Add(value(now));
            if (trend)
            {
                builder.Column(name + PanelData.PreviousSuffix, label + " (previous period)", unit);
                values.Add(before is null ? null : value(before));
            }
        }
        void Link(string name, string href)
        {
            builder.Column(name + PanelData.LinkSuffix, "", "text");
            values.Add(href);
        }
        Add("deployments", "Deployments", "count", m => m.DeploymentFrequency.Deployments);
        Link("deployments", Links.Explain("deployments", filter));
        Add("deployments_per_week", "Deployments per week", "number", m => m.DeploymentFrequency.PerWeek);
        Link("deployments_per_week", Links.Explain("deployments", filter));
        Add("deployment_frequency_level", "Deployment frequency level", "level", m => m.DeploymentFrequency.Level, trend: false);
        Add("change_lead_time_median_hours", "Change lead time (median, wall clock)", "hours", m => m.ChangeLeadTime.MedianHours);
        Link("change_lead_time_median_hours", Links.Explain("changes", filter));
        Add("change_lead_time_sample_size", "Changes", "count", m => m.ChangeLeadTime.SampleSize, trend: false);
        Add("change_lead_time_level", "Change lead time level", "level", m => m.ChangeLeadTime.Level, trend: false);
        Add("change_fail_rate", "Change fail rate", "rate", m => m.ChangeFailRate.Rate);
        Link("change_fail_rate", Links.Explain("deployments", filter, "failed=true"));
        Add("failed_deployments", "Failed deployments", "count", m => m.ChangeFailRate.FailedDeployments, trend: false);
        Add("change_fail_rate_level", "Change fail rate level", "level", m => m.ChangeFailRate.LevelOrReason, trend: false);
        Add("recovery_median_hours", "Failed deployment recovery time (median, wall clock)", "hours", m => m.FailedDeploymentRecoveryTime.MedianHours);
        Link("recovery_median_hours", Links.Explain("deployments", filter, "failed=true"));
        Add("recovery_sample_size", "Recovered deployments", "count", m => m.FailedDeploymentRecoveryTime.SampleSize, trend: false);
        Add("recovery_level", "Recovery time level", "level", m => m.FailedDeploymentRecoveryTime.Level, trend: false);
        Add("rework_rate", "Deployment rework rate", "rate", m => m.DeploymentReworkRate.Rate);
        Link("rework_rate", Links.Explain("deployments", filter, "rework=true"));
        Add("incident_restore_median_hours", "Incident time to restore (median, wall clock)", "hours", m => m.IncidentTimeToRestore.MedianHours);
        Link("incident_restore_median_hours", Links.Explain("incidents", filter));
        return builder.Row([.. values]).Build();
    }

    private PanelData ByGroup(DashboardFilter filter, MetricGrouping grouping, CancellationToken ct)
    {
        var byGroup = dora.ByGroup(filter.Window, filter.Scope, grouping, ct);
        // By team, what no catalog team owns is a row of its own, last, so that the rows sum to the org.
        var teams = org.Teams();
        var covered = teams.AtOrBelow(filter.Scope.Team);
        var names = grouping == MetricGrouping.Team
            ? teams.Where(t => covered.Contains(t.Id)).Select(t => (t.Id, Label: t.DisplayName ?? t.Id))
            : org.Services().Where(s => (filter.Scope.Service is null || s.Id == filter.Scope.Service)
                && (filter.Scope.Team is null || (s.OwnerTeam is not null && covered.Contains(s.OwnerTeam)))).Select(s => (s.Id, Label: s.Id));
        var key = grouping == MetricGrouping.Team ? "team" : "service";
        var builder = SeriesColumns(new PanelDataBuilder().Column(key, grouping == MetricGrouping.Team ? "Team" : "Service", "text")
            .Column(key + PanelData.LinkSuffix, "", "text"))
            .Column("deployment_frequency_level", "Frequency level", "level")
            .Column("change_lead_time_level", "Lead time level", "level")
            .Column("change_fail_rate_level", "Fail rate level", "level")
            .Column("recovery_level", "Recovery level", "level");
        SeriesLinkColumns(builder);
        foreach (var (id, label) in names.OrderBy(n => n.Label, StringComparer.OrdinalIgnoreCase).ThenBy(n => n.Id, StringComparer.Ordinal))
        {
            var scoped = grouping == MetricGrouping.Team ? filter.ForTeam(id) : filter.ForService(id);
            var m = byGroup.GetValueOrDefault(id);
            builder.Row([label, $"/dashboards/dora?{scoped.ToQuery()}", .. m is null ? SeriesValues(null) : SeriesValues(m),
                m?.DeploymentFrequency.Level, m?.ChangeLeadTime.Level, m?.ChangeFailRate.LevelOrReason, m?.FailedDeploymentRecoveryTime.Level,
                .. SeriesLinks(scoped)]);
        }
        if (grouping == MetricGrouping.Team && byGroup.GetValueOrDefault(MetricScope.Unowned) is { } unowned)
        {
            // 'unowned' is no value of the team filter: the row links to the services behind it, its figures to nothing.
            builder.Row([WaitPanelSources.UnownedLabel, WaitPanelSources.UnownedLink(filter), .. SeriesValues(unowned),
                unowned.DeploymentFrequency.Level, unowned.ChangeLeadTime.Level, unowned.ChangeFailRate.Level, unowned.FailedDeploymentRecoveryTime.Level,
                null, null, null, null, null]);
        }
        return builder.Build();
    }

    /// <summary>Where each figure of a period or group comes from: its deployments, changes, failed or rework deployments.</summary>
    private static PanelDataBuilder SeriesLinkColumns(PanelDataBuilder builder)
    {
        foreach (var column in new[] { "deployments", "change_lead_time_median_hours", "change_fail_rate", "recovery_median_hours", "rework_rate" })
        {
            builder.Column(column + PanelData.LinkSuffix, "", "text");
        }
        return builder;
    }

    private static object?[] SeriesLinks(DashboardFilter scoped) =>
        [Links.Explain("deployments", scoped), Links.Explain("changes", scoped), Links.Explain("deployments", scoped, "failed=true"),
            Links.Explain("deployments", scoped, "failed=true"), Links.Explain("deployments", scoped, "rework=true")];

    private static PanelDataBuilder SeriesColumns(PanelDataBuilder builder) => builder
        .Column("deployments", "Deployments", "count")
        .Column("change_lead_time_median_hours", "Lead time (median, wall clock)", "hours")
        .Column("change_fail_rate", "Change fail rate", "rate")
        .Column("recovery_median_hours", "Recovery (median, wall clock)", "hours")
        .Column("rework_rate", "Rework rate", "rate");

    private static object?[] SeriesValues(DoraMetrics? m) =>
        [m?.DeploymentFrequency.Deployments ?? 0L, m?.ChangeLeadTime.MedianHours, m?.ChangeFailRate.Rate,
            m?.FailedDeploymentRecoveryTime.MedianHours, m?.DeploymentReworkRate.Rate];
}
