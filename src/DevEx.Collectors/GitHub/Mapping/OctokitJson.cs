using System.Text.Json;
using System.Text.Json.Nodes;
using Octokit.Internal;

namespace DevEx.Collectors.GitHub.Mapping;

/// <summary>
/// Reads GitHub JSON (REST responses and webhook payloads alike) into Octokit's models with Octokit's own serializer,
/// after tidying it: Octokit's reader throws on two things GitHub really sends, null for a non-nullable value (a
/// pending review's submitted_at) and non-string values in a deployment's free-form payload (typed string → string).
/// </summary>
public static class OctokitJson
{
    private static readonly SimpleJsonSerializer Serializer = new();

    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="FormatException">The JSON does not have the shape of <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json)
    {
        var root = JsonNode.Parse(json);
        Tidy(root);
        try
        {
            return Serializer.Deserialize<T>(root?.ToJsonString() ?? "null");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Octokit's reader throws whatever it meets (format, cast, argument errors): all mean "not this shape".
            throw new FormatException($"GitHub JSON does not have the shape of {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>Removes nulls and flattens deployment payloads, anywhere in the tree.</summary>
    public static void Tidy(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(name);
                }
                if (obj.ContainsKey("payload") && obj.ContainsKey("environment") && obj.ContainsKey("sha"))
                {
                    StringifyDeploymentPayload(obj);
                }
                foreach (var (_, value) in obj.ToList())
                {
                    Tidy(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Tidy(item);
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
            if (member is not null)
            {
                flat[name] = member is JsonValue v && v.TryGetValue<string>(out var s) ? s : member.ToJsonString();
            }
        }
        deployment["payload"] = flat;
    }
}
