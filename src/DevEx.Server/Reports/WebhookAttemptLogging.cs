namespace DevEx.Server.Reports;

/// <summary>Which delivery a webhook request is an attempt of (set on the request's Options), and how many attempts so far.</summary>
public sealed class WebhookAttempt(string team, string week, string target)
{
    public string Team { get; } = team;

    public string Week { get; } = week;

    /// <summary>The redacted target (<see cref="ReportDeliveryLog.WebhookTarget"/>), never the URL.</summary>
    public string Target { get; } = target;

    public int Attempts { get; set; }
}

/// <summary>
/// Under the "report-webhooks" client's retry pipeline: records every attempt of a delivery in report_deliveries, so the
/// log counts the attempts the pipeline made, and logs each failure with the redacted target. It retries nothing.
/// </summary>
public sealed class WebhookAttemptLogging(ReportDeliveryLog log, ILogger<WebhookAttemptLogging> logger) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<WebhookAttempt> Key = new("devex.webhook-attempt");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(Key, out var attempt))
        {
            return await base.SendAsync(request, cancellationToken);
        }
        attempt.Attempts++;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var delivered = response.IsSuccessStatusCode;
            var error = delivered ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            Record(attempt, delivered, (int)response.StatusCode, error);
            return response;
        }
        catch (HttpRequestException exception)
        {
            Record(attempt, false, null, exception.Message);
            throw;
        }
        catch (OperationCanceledException)
        {
            // The attempt timeout of the pipeline (or the run's own cancellation).
            Record(attempt, false, null, "timed out");
            throw;
        }
    }

    private void Record(WebhookAttempt attempt, bool delivered, int? statusCode, string? error)
    {
        log.RecordAttempt(attempt.Team, attempt.Week, attempt.Target, delivered, statusCode, error);
        if (!delivered)
        {
            logger.LogWarning("Report {Team} {Week}: delivery attempt {Attempt} to {Target} failed: {Error}",
                attempt.Team, attempt.Week, attempt.Attempts, attempt.Target, error);
        }
    }
}
