using DevEx.Reports.Weekly;
using Hangfire;

namespace DevEx.Server.Reports;

/// <summary>
/// The Hangfire job of a team's weekly report: builds the week (the last full week in the team's zone unless given),
/// writes its files and delivers to the team's webhook at most once. It first delivers the weeks still owed (a
/// delivery whose every attempt failed, within <c>OwedWeeks</c>), oldest first. A delivery still owed fails the job
/// (visible in Hangfire), which Hangfire does not retry: the HTTP attempts are the webhook client's resilience
/// pipeline's alone (one mechanism), and the next run delivers what is owed (the delivery log keeps it to one message).
/// </summary>
public sealed class WeeklyReportJob(WeeklyReports reports, ReportFileWriter files, WebhookDelivery delivery, ILogger<WeeklyReportJob> logger)
{
    /// <summary>
    /// The lock a run holds, per team ({0} is the team argument): runs of one team never overlap, while one team's slow
    /// webhook does not hold up another team's 07:00 run.
    /// </summary>
    public const string LockResource = "report-weekly:{0}";

    [DisableConcurrentExecution(LockResource, 60)]
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Weekly report {0} {1}")]
    public async Task<DeliveryOutcome> RunAsync(string team, string? week, CancellationToken cancellationToken)
    {
        var summary = reports.Team(team) ?? throw new InvalidOperationException($"No team '{team}'.");
        var isoWeek = week is null ? reports.LastFullWeek(summary) : IsoWeek.Parse(week);
        var report = reports.Build(summary, isoWeek, cancellationToken);
        var written = files.Write(report);
        var failed = new List<string>();
        foreach (var owed in delivery.OwedWeeks(team, isoWeek))
        {
            var owedOutcome = await delivery.DeliverAsync(reports.Build(summary, owed, cancellationToken), cancellationToken);
            logger.LogInformation("Weekly report {Team} {Week} (owed): delivery {Outcome}", team, owed, owedOutcome);
            if (owedOutcome == DeliveryOutcome.Failed)
            {
                failed.Add(owed.ToString());
            }
        }
        var outcome = await delivery.DeliverAsync(report, cancellationToken);
        logger.LogInformation("Weekly report {Team} {Week}: {Files} files, delivery {Outcome}", team, report.Week, written.Count, outcome);
        if (outcome == DeliveryOutcome.Failed)
        {
            failed.Add(report.Week);
        }
        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"Weekly report {team}: webhook delivery of {string.Join(", ", failed)} failed; see report_deliveries.");
        }
        return outcome;
    }
}
