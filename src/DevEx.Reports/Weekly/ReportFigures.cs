using DevEx.Analytics.Adoption;
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

    /// <summary>
    /// Platform adoption: the scope's coverage shares, then per scorecard the Components at each level or higher
    /// (<c>scorecard.ID.level.NAME</c>) and each check's pass share (<c>scorecard.ID.CHECK</c>), against the week before.
    /// </summary>
    public static IEnumerable<ReportFigure> Platform(PlatformSection platform)
    {
        ReportFigure Coverage(string metric, string label, Func<CoverageWeek, double?> share) =>
            new(metric, label, "ratio", platform.Coverage is { } now ? share(now) : null,
                platform.PreviousCoverage is { } before ? share(before) : null, null, false, []);

        yield return Coverage("catalogCoverage", "Catalog coverage (active repositories with a Component)", w => w.CatalogCoverage);
        yield return Coverage("ownerCoverage", "Owner coverage (Components owned by a staffed team)", w => w.OwnerCoverage);
        yield return Coverage("metadataCompleteShare", "Metadata complete (description, lifecycle, system, TechDocs)", w => w.CompleteShare);
        foreach (var card in platform.Scorecards)
        {
            var before = platform.PreviousScorecards.FirstOrDefault(p => p.Id == card.Id);
            foreach (var level in card.Levels)
            {
                yield return new ReportFigure($"scorecard.{card.Id}.level.{level.Name}", $"{card.Title}: Components at {level.Name} or higher", "count",
                    level.Components, before?.Levels.FirstOrDefault(l => l.Name == level.Name)?.Components, null, false, []);
            }
            foreach (var check in card.Checks)
            {
                yield return new ReportFigure($"scorecard.{card.Id}.{check.Id}", $"{card.Title}: {check.Title}", "ratio", check.PassShare,
                    before?.Checks.FirstOrDefault(c => c.Id == check.Id)?.PassShare, null, false, []);
            }
        }
    }
}
