using DevEx.Analytics.Metrics;

namespace DevEx.Reports.Weekly;

/// <summary>The week's figures, named as the API's fields flattened to camelCase (deploymentFrequency.deployments → deployments).</summary>
public static class ReportFigures
{
    /// <summary>
    /// The week's DORA figures; <paramref name="before"/> is null when the previous week has no figures (before the data),
    /// and so is a week of <paramref name="trend"/> that ended before the data started ("–" in the trend, not 0).
    /// </summary>
    public static IEnumerable<ReportFigure> Dora(DoraMetrics now, DoraMetrics? before, IReadOnlyList<DoraMetrics?> trend)
    {
        ReportFigure Figure(string metric, string label, string unit, Func<DoraMetrics, double?> value, string? level, bool headline) =>
            new(metric, label, unit, value(now), before is null ? null : value(before), level, headline,
                trend.Select(week => week is null ? null : value(week)).ToList());

        yield return Figure("deployments", "Deployments", "count", d => d.DeploymentFrequency.Deployments, now.DeploymentFrequency.Level, true);
        yield return Figure("deployDays", "Days with a deployment", "days", d => d.DeploymentFrequency.DeployDays, null, false);
        yield return Figure("changeLeadTimeMedianHours", "Change lead time (median, wall clock)", "hours", d => d.ChangeLeadTime.MedianHours,
            now.ChangeLeadTime.Level, true);
        yield return Figure("changeLeadTimeMedianWorkingHours", "Change lead time (median, working hours)", "hours",
            d => d.ChangeLeadTime.MedianWorkingHours, null, false);
        yield return Figure("changeFailRate", "Change fail rate", "ratio", d => d.ChangeFailRate.Rate, now.ChangeFailRate.LevelOrReason, true);
        yield return Figure("failedDeploymentRecoveryTimeMedianHours", "Failed deployment recovery time (median, wall clock)", "hours",
            d => d.FailedDeploymentRecoveryTime.MedianHours, now.FailedDeploymentRecoveryTime.Level, true);
        yield return Figure("deploymentReworkRate", "Deployment rework rate", "ratio", d => d.DeploymentReworkRate.Rate, null, true);
        yield return Figure("incidentTimeToRestoreMedianHours", "Incident time to restore (median, wall clock)", "hours",
            d => d.IncidentTimeToRestore.MedianHours, null, false);
    }

    /// <summary>CI wait per change (queue + run summed per pull request, median over pull requests), wall clock and working hours.</summary>
    public static IEnumerable<ReportFigure> CiWaitPerChange(CiWaitPerChange now, CiWaitPerChange? before)
    {
        yield return new ReportFigure("ciWaitPerChangeMedianHours", "CI wait per change (median, wall clock)", "hours",
            now.MedianHours, before?.MedianHours, null, false, []);
        yield return new ReportFigure("ciWaitPerChangeMedianWorkingHours", "CI wait per change (median, working hours)", "hours",
            now.MedianWorkingHours, before?.MedianWorkingHours, null, false, []);
    }

    /// <summary>
    /// Each wait with samples this week as the working hours it accounts for (in the team's zone), against the previous
    /// week: <c>pr-pickup</c> → <c>prPickupHours</c>.
    /// </summary>
    public static IEnumerable<ReportFigure> Waits(IReadOnlyList<WaitState> now, IReadOnlyList<WaitState> before) =>
        now.Select(w => new ReportFigure(WaitMetric(w.Wait), WaitStateNames.Label(w.Wait), "hours", w.HoursAccountedFor,
            before.FirstOrDefault(b => b.Wait == w.Wait && b.SampleSize > 0)?.HoursAccountedFor, null, false, []));

    public static string WaitMetric(string wait) =>
        string.Concat(wait.Split('-').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..])) + "Hours";

    public static IEnumerable<ReportFigure> Meetings(MeetingMetrics now, MeetingMetrics? before)
    {
        yield return new ReportFigure("medianMeetingHoursPerWeek", "Meeting hours per person (median, in working hours)", "hours",
            now.MedianMeetingHoursPerWeek, before?.MedianMeetingHoursPerWeek, null, false, []);
        yield return new ReportFigure("medianFocusHoursPerWeek", "Focus hours per person (median, in working hours)", "hours",
            now.MedianFocusHoursPerWeek, before?.MedianFocusHoursPerWeek, null, false, []);
    }
}
