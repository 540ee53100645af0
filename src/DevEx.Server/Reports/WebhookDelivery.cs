using System.Net.Http.Json;
using DevEx.Reports.Weekly;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Reports;

/// <summary>
/// Posts a report's summary to the team's webhook (Slack-compatible JSON: <c>text</c>, plus the link), once per team,
/// week and target: a delivery the log already holds is skipped. One send per run: the typed client's resilience
/// pipeline (<see cref="Hosting.HttpClientRegistration"/>) makes up to <c>DeliveryAttempts</c> attempts with doubling
/// <c>DeliveryBackoff</c> (or the receiver's Retry-After), <see cref="WebhookAttemptLogging"/> records each. Hangfire does
/// not retry the job; a delivery still owed is made by the next run (<see cref="OwedWeeks"/>).
/// </summary>
public sealed class WebhookDelivery(HttpClient http, ReportDeliveryLog log, IOptions<ReportOptions> options,
    ILogger<WebhookDelivery> logger)
{
    /// <summary>
    /// The weeks before <paramref name="week"/> (at most <c>OwedWeeks</c> back) whose delivery to the team's webhook
    /// failed in every run and was never made: oldest first.
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
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(ChatMessage.For(report)) };
        request.Options.Set(WebhookAttemptLogging.Key, new WebhookAttempt(report.Team, report.Week, target));
        var error = await SendAsync(request, cancellationToken);
        if (error is null)
        {
            return DeliveryOutcome.Delivered;
        }
        logger.LogWarning("Report {Team} {Week}: delivery to {Target} failed after every attempt: {Error}", report.Team, report.Week, target, error);
        return DeliveryOutcome.Failed;
    }

    /// <summary>Null when delivered, else what the last attempt ended with (never the URL: it is the secret).</summary>
    private async Task<string?> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException exception)
        {
            return exception.Message;
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            return "timed out";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timed out";
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
