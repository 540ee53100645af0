using DevEx.Analytics.Metrics;
using DevEx.Analytics.Time;
using DevEx.Reports.Weekly;
using Microsoft.Extensions.Options;
using NodaTime;

namespace DevEx.Server.Reports;

/// <summary>The one way the endpoint, the command line and the job get a team's report: team lookup, default week, build.</summary>
public sealed class WeeklyReports(OrgService org, WeeklyReportBuilder builder, IOptions<ReportOptions> options, IClock clock)
{
    public IReadOnlyList<TeamSummary> Teams() => org.Teams();

    public TeamSummary? Team(string id) => org.Team(id);

    /// <summary>The last full ISO week in the team's zone: on Monday 07:00 in Auckland, the week that just ended there.</summary>
    public IsoWeek LastFullWeek(TeamSummary team) => IsoWeek.LastFull(clock.GetCurrentInstant(), TeamZone.Resolve(team.TimeZone));

    /// <summary>
    /// Why a week cannot have a report yet: it starts after today in the team's zone (the current week, partial, can).
    /// Null when it can; the message names the week with the endpoint's word for it, 'week'.
    /// </summary>
    public string? FutureWeekProblem(TeamSummary team, IsoWeek week)
    {
        var zone = TeamZone.Resolve(team.TimeZone);
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        return week.Monday <= today ? null
            : $"'week' {week} starts on {week.Monday:yyyy-MM-dd}, after today ({today:yyyy-MM-dd} in {zone.Id}, team {team.Id}'s zone): "
              + $"there is nothing to report yet; the last full week is {LastFullWeek(team)}.";
    }

    public WeeklyReport Build(TeamSummary team, IsoWeek week, CancellationToken cancellationToken = default) =>
        builder.Build(team, week, options.Value.PublicUrl, cancellationToken);
}
