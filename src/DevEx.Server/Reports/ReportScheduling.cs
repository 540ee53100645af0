using DevEx.Analytics.Metrics;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Reports;

/// <summary>
/// One recurring report job per team (<c>report-weekly-&lt;team&gt;</c>) on <c>DevEx:Reports:Schedule</c> in the team's own
/// zone. Registered at start and refreshed hourly, so teams imported later get theirs; each refresh warns of webhook keys
/// that name no team.
/// </summary>
public sealed class ReportScheduling(WeeklyReports reports, IRecurringJobManager jobs, JobStorage storage, IOptions<ReportOptions> options,
    ILogger<ReportScheduling> logger)
{
    public const string RefreshJobId = "reports-schedule";
    private const string JobPrefix = "report-weekly-";

    public int Refresh()
    {
        var teams = reports.Teams();
        foreach (var team in teams)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(team.TimeZone, out var zone))
            {
                logger.LogWarning("Team {Team}: time zone {Zone} is unknown to the scheduler; its report runs in UTC", team.Id, team.TimeZone);
                zone = TimeZoneInfo.Utc;
            }
            jobs.AddOrUpdate<WeeklyReportJob>(JobId(team.Id), job => job.RunAsync(team.Id, null, CancellationToken.None), options.Value.Schedule,
                new RecurringJobOptions { TimeZone = zone });
        }
        RemoveJobsOfGoneTeams(teams.Select(t => JobId(t.Id)).ToHashSet(StringComparer.Ordinal));
        WarnOfWebhooksNamingNoTeam(teams);
        logger.LogInformation("Scheduled weekly reports of {Teams} teams: {Cron} in each team's zone", teams.Count, options.Value.Schedule);
        return teams.Count;
    }

    /// <summary>A webhook whose key is no team id (a typo, a team renamed) would silently never be posted to; its URL is a secret, its key is not.</summary>
    private void WarnOfWebhooksNamingNoTeam(IReadOnlyList<TeamSummary> teams)
    {
        var ids = teams.Select(t => t.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in options.Value.Webhooks.Keys.Where(k => !ids.Contains(k)).Order(StringComparer.Ordinal))
        {
            logger.LogWarning("{Section}:Webhooks:{Key} names no team: no report is posted to it until a team with that id exists (GET /api/v1/teams lists them)",
                ReportOptions.Section, key);
        }
    }

    public static string JobId(string team) => JobPrefix + ReportFileWriter.SafeName(team);

    private void RemoveJobsOfGoneTeams(HashSet<string> current)
    {
        using var connection = storage.GetConnection();
        foreach (var id in connection.GetRecurringJobs().Select(j => j.Id).Where(id => id.StartsWith(JobPrefix, StringComparison.Ordinal) && !current.Contains(id)))
        {
            jobs.RemoveIfExists(id);
        }
    }

    /// <summary>Registers the team jobs and the hourly refresh at start.</summary>
    internal sealed class AtStart(ReportScheduling scheduling, IRecurringJobManager jobs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            scheduling.Refresh();
            jobs.AddOrUpdate<ReportScheduling>(RefreshJobId, s => s.Refresh(), Cron.Hourly());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
