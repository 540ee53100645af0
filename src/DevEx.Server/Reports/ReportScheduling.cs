using Hangfire;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Reports;

/// <summary>
/// One recurring report job per team (<c>report-weekly-&lt;team&gt;</c>) on <c>DevEx:Reports:Schedule</c> in the team's own
/// zone. Registered at start and refreshed hourly, so teams imported later get theirs.
/// </summary>
public sealed class ReportScheduling(WeeklyReports reports, IRecurringJobManager jobs, IOptions<ReportOptions> options, ILogger<ReportScheduling> logger)
{
    public const string RefreshJobId = "reports-schedule";

    public int Refresh()
    {
        var teams = reports.Teams();
        foreach (var team in teams)
        {
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(team.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            jobs.AddOrUpdate<WeeklyReportJob>(JobId(team.Id), job => job.RunAsync(team.Id, null, CancellationToken.None), options.Value.Schedule,
                new RecurringJobOptions { TimeZone = zone });
        }
        logger.LogInformation("Scheduled weekly reports of {Teams} teams: {Cron} in each team's zone", teams.Count, options.Value.Schedule);
        return teams.Count;
    }

    public static string JobId(string team) => $"report-weekly-{ReportFileWriter.SafeName(team)}";

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
