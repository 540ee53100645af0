using System.Text;
using DevEx.Collectors.GitHub;
using DevEx.Server.Api.Contracts;
using DevEx.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DevEx.Server.Webhooks;

/// <summary>
/// POST /api/v1/webhooks/github: GitHub's deliveries, signed with the configured secret. Mapped events are written
/// with the same keys as the REST collector, so a webhook and a later poll of the same object end in one row.
/// A delivery that wrote rows is answered 202: its rows are stored, the derivation they call for is queued
/// (<see cref="Derivation.DerivationQueueService"/>) and runs after the answer.
/// </summary>
internal static class GitHubWebhookEndpoints
{
    public static RouteGroupBuilder MapGitHubWebhooks(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        // Processed is the last Ok and the last Accepted type: of two bodies of one status the OpenAPI document names the
        // last, and processed is the usual answer.
        webhooks.MapPost("/github", async Task<Results<Ok<WebhookDuplicate>, Ok<WebhookProcessed>, Accepted<WebhookIgnored>, Accepted<WebhookProcessed>, ProblemHttpResult>> (HttpRequest request, IOptions<GitHubOptions> options, GitHubWebhookProcessor processor, CancellationToken ct) =>
            {
                var secret = options.Value.WebhookSecret;
                if (string.IsNullOrEmpty(secret))
                {
                    return Unauthorized($"Webhooks are refused: no webhook secret is configured ({GitHubOptions.Section}:WebhookSecret).");
                }
                if (request.ContentLength > WebhookBody.MaxBytes)
                {
                    return TooLarge();
                }
                var signature = request.Headers[GitHubWebhookSignature.Header].ToString();
                if (string.IsNullOrEmpty(signature))
                {
                    return Unauthorized($"The {GitHubWebhookSignature.Header} header is missing: the delivery is not signed.");
                }
                if (!GitHubWebhookSignature.TryParse(signature, out var expected))
                {
                    return Unauthorized($"The {GitHubWebhookSignature.Header} header is not \"sha256=\" and 64 hex digits.");
                }
                var (outcome, body) = await WebhookBody.ReadVerifiedAsync(request, secret, expected, ct);
                if (outcome == WebhookBodyOutcome.TooLarge)
                {
                    return TooLarge();
                }
                if (outcome == WebhookBodyOutcome.SignatureMismatch)
                {
                    return Unauthorized($"The {GitHubWebhookSignature.Header} signature does not match the body and the configured secret.");
                }
                var eventName = request.Headers["X-GitHub-Event"].ToString();
                var delivery = request.Headers["X-GitHub-Delivery"].ToString();
                if (string.IsNullOrWhiteSpace(eventName))
                {
                    return Api.Problems.BadRequest("X-GitHub-Event", "The X-GitHub-Event header is missing: which event is this?");
                }
                if (string.IsNullOrWhiteSpace(delivery))
                {
                    return Api.Problems.BadRequest("X-GitHub-Delivery", "The X-GitHub-Delivery header is missing: deliveries are processed once by their id.");
                }
                var result = processor.Process(delivery.Trim(), eventName.Trim(), Json(request, body));
                return result.Disposition switch
                {
                    WebhookDisposition.Duplicate => TypedResults.Ok(new WebhookDuplicate(result.Delivery, Duplicate: true)),
                    WebhookDisposition.Ignored => TypedResults.Accepted((string?)null, new WebhookIgnored(result.Delivery, result.Event, "ignored")),
                    WebhookDisposition.Failed => TypedResults.Problem(result.Error, statusCode: StatusCodes.Status400BadRequest,
                        title: $"Unreadable {result.Event} payload",
                        extensions: new Dictionary<string, object?> { ["delivery"] = result.Delivery, ["event"] = result.Event }),
                    _ when result.Rows > 0 => TypedResults.Accepted((string?)null,
                        new WebhookProcessed(result.Delivery, result.Event, result.Action, "processed", result.Rows, Derivation: "queued")),
                    _ => (Results<Ok<WebhookDuplicate>, Ok<WebhookProcessed>, Accepted<WebhookIgnored>, Accepted<WebhookProcessed>, ProblemHttpResult>)TypedResults.Ok(
                        new WebhookProcessed(result.Delivery, result.Event, result.Action, "processed", result.Rows)),
                };
            })
            .DocumentsTextBody("application/json", "application/x-www-form-urlencoded")
            .ProducesBadRequest()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithBodyLimit(WebhookBody.MaxBytes)
            .WithSummary("GitHub webhook deliveries (push, pull_request, pull_request_review, workflow_run, deployment, deployment_status, issues)");
        return webhooks;
    }

    /// <summary>
    /// The payload's JSON: the body, or its <c>payload</c> field when the hook is set to send form data
    /// (application/x-www-form-urlencoded). The signature covers the body as sent, so it is checked before this.
    /// </summary>
    private static string Json(HttpRequest request, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text).TryGetValue("payload", out var payload) ? payload.ToString() : "";
        }
        return text;
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem($"A delivery's body is at most {WebhookBody.MaxBytes} bytes (GitHub's 25 MB cap).",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Webhook body too large");

    // The detail says what was wrong with the request, never anything about the secret itself.
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Webhook signature rejected");
}
