using System.Net.Http.Json;
using DevEx.Reports.Weekly;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Reports;

/// <summary>
/// Posts a report's summary to the team's webhook (Slack-compatible JSON: <c>text</c>, plus the link), once per team,
/// week and target: a delivery the log already holds is skipped; failed attempts are retried with doubling backoff
/// and every attempt is recorded. Returns false when the delivery is still owed after this run.
/// </summary>
public sealed class WebhookDelivery(HttpClient http, ReportDeliveryLog log, IOptions<ReportOptions> options, TimeProvider time,
    ILogger<WebhookDelivery> logger)
{
    /// <summary>
    /// The weeks before <paramref name="week"/> (at most <c>OwedWeeks</c> back) whose delivery to the team's webhook
    /// failed in every run, Hangfire's retries included, and was never made: oldest first.
    /// </summary>
    public IReadOnlyList<IsoWeek> OwedWeeks(string team, IsoWeek week)
    {
        if (!options.Value.Webhooks.TryGetValue(team, out var url) || string.IsNullOrWhiteSpace(url) || options.Value.OwedWeeks < 1)
        {
            return [];
        }
        var from = IsoWeek.Containing(week.Monday.PlusWeeks(-options.Value.OwedWeeks));
        return log.Owed(team, ReportDeliveryLog.WebhookTarget(url), from.ToString(), week.ToString()).Select(IsoWeek.Parse).ToList();
    }

    public async Task<DeliveryOutcome> DeliverAsync(WeeklyReport report, CancellationToken cancellationToken)
    {
        if (!options.Value.Webhooks.TryGetValue(report.Team, out var url) || string.IsNullOrWhiteSpace(url))
        {
            return DeliveryOutcome.NotConfigured;
        }
        if (report.InProgress)
        {
            // A week not over yet (a run asked for the current week) would post partial figures as the week's: its files are
            // written, its message waits for a run after the week's end.
            return DeliveryOutcome.WeekInProgress;
        }
        var target = ReportDeliveryLog.WebhookTarget(url);
        if (log.IsDelivered(report.Team, report.Week, target))
        {
            return DeliveryOutcome.AlreadyDelivered;
        }
        var delay = options.Value.DeliveryBackoff;
        for (var attempt = 1; attempt <= Math.Max(1, options.Value.DeliveryAttempts); attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
            var (delivered, code, error) = await PostAsync(url, ChatMessage.For(report), cancellationToken);
            log.RecordAttempt(report.Team, report.Week, target, delivered, code, error);
            if (delivered)
            {
                return DeliveryOutcome.Delivered;
            }
            logger.LogWarning("Report {Team} {Week}: delivery attempt {Attempt} to {Target} failed: {Error}", report.Team, report.Week, attempt, target, error);
        }
        return DeliveryOutcome.Failed;
    }

    private async Task<(bool Delivered, int? Code, string? Error)> PostAsync(string url, ChatMessage message, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(url, message, cancellationToken);
            return response.IsSuccessStatusCode
                ? (true, (int)response.StatusCode, null)
                : (false, (int)response.StatusCode, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (HttpRequestException exception)
        {
            return (false, null, exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, null, "timed out");
        }
    }
}

public enum DeliveryOutcome
{
    NotConfigured,
    AlreadyDelivered,
    Delivered,
    Failed,
    WeekInProgress,
}
