using System.Text.Json;
using System.Text.Json.Nodes;
using Octokit;
using Octokit.Internal;

namespace DevEx.Server.Webhooks;

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
internal sealed class WebhookPayloadException(string message) : Exception(message);

/// <summary>
/// Reads a webhook body into Octokit's models with Octokit's own serializer. The JSON is tidied first, because
/// Octokit's reader throws on two things GitHub really sends: null for a non-nullable value (a review's
/// submitted_at) and non-string values in a deployment's free-form payload (Octokit types it string → string).
/// </summary>
internal static class WebhookPayloadReader
{
    private static readonly SimpleJsonSerializer Serializer = new();

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
        if (payload["deployment"] is JsonObject deployment)
        {
            StringifyDeploymentPayload(deployment);
        }
        RemoveNulls(payload);
        try
        {
            return Serializer.Deserialize<T>(payload.ToJsonString());
        }
        catch (Exception e)
        {
            // Octokit's reader throws what it meets (format, cast, argument, serialization errors): all mean the
            // payload does not have the shape of the event.
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

    private static void RemoveNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(name);
                }
                foreach (var (_, value) in obj)
                {
                    RemoveNulls(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RemoveNulls(item);
                }
                break;
        }
    }

    /// <summary>
    /// A deployment's payload as string → string: a payload sent as a JSON string is parsed, and non-string values
    /// become their JSON text. Only <c>payload.service</c> is read; the rest is kept in raw_payloads.
    /// </summary>
    private static void StringifyDeploymentPayload(JsonObject deployment)
    {
        var payload = deployment["payload"];
        if (payload is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                payload = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                payload = null;
            }
        }
        if (payload is not JsonObject members)
        {
            deployment.Remove("payload");
            return;
        }
        var flat = new JsonObject();
        foreach (var (name, member) in members)
        {
            if (member is null)
            {
                continue;
            }
            flat[name] = member is JsonValue v && v.TryGetValue<string>(out var s) ? s : member.ToJsonString();
        }
        deployment["payload"] = flat;
    }
}
