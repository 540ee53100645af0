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

    public WeeklyReport Build(TeamSummary team, IsoWeek week, CancellationToken cancellationToken = default) =>
        builder.Build(team, week, options.Value.PublicUrl, cancellationToken);
}
