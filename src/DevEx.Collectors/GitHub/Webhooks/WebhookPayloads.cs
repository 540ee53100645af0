using DevEx.Collectors.GitHub.Mapping;
using System.Text.Json;
using System.Text.Json.Nodes;
using Octokit;
using Octokit.Internal;

namespace DevEx.Collectors.GitHub.Webhooks;

// Webhook envelopes: the event's objects as Octokit's models (the REST collector maps the same models), for events
// Octokit has no payload class for, or whose class drops a field we need (requested_reviewer, workflow.name).

internal sealed class PullRequestWebhook
{
    public string? Action { get; set; }
    public PullRequest? PullRequest { get; set; }
    public Repository? Repository { get; set; }
    public User? RequestedReviewer { get; set; }
}

internal sealed class WorkflowRunWebhook
{
    public string? Action { get; set; }
    public WorkflowRun? WorkflowRun { get; set; }
    public Workflow? Workflow { get; set; }
    public Repository? Repository { get; set; }
}

internal sealed class DeploymentWebhook
{
    public string? Action { get; set; }
    public Deployment? Deployment { get; set; }
    public DeploymentStatus? DeploymentStatus { get; set; }
    public Repository? Repository { get; set; }
}

/// <summary>A payload that cannot be read or lacks a field the mapping needs; the message names what was wrong.</summary>
public sealed class WebhookPayloadException(string message) : Exception(message);

/// <summary>
/// Reads a webhook body into Octokit's models through <see cref="OctokitJson"/>, the same reader as the REST collector.
/// </summary>
internal static class WebhookPayloadReader
{
    public static T Read<T>(string eventName, string body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            throw new WebhookPayloadException($"The {eventName} body is not valid JSON: {e.Message}");
        }
        if (root is not JsonObject payload)
        {
            throw new WebhookPayloadException($"The {eventName} body is not a JSON object.");
        }
        try
        {
            return OctokitJson.Deserialize<T>(payload.ToJsonString());
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            // InvalidOperationException: System.Text.Json refuses a string holding a lone surrogate escape ("\ud800")
            // only when a value is read, not when the JSON is parsed.
            throw new WebhookPayloadException($"The {eventName} payload could not be read: {e.Message}");
        }
    }

    /// <summary>The repository ("owner/name") every mapped event carries.</summary>
    public static string Repo(Repository? repository)
    {
        var name = repository?.FullName;
        var slash = name?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (name is null || slash <= 0 || slash == name.Length - 1)
        {
            throw new WebhookPayloadException("Field 'repository.full_name' is missing or not \"owner/name\".");
        }
        return name;
    }

    public static T Required<T>(T? value, string field) where T : class =>
        value ?? throw new WebhookPayloadException($"Field '{field}' is missing.");
}
