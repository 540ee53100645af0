using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DevEx.Collectors.Catalog;

/// <summary>
/// YAML nodes as JSON, for the JSON columns of catalog_entities: mappings become objects, sequences arrays; a plain
/// scalar that reads as true, false, null or a number keeps that type (as Backstage's YAML parser gives it), any other
/// scalar is a string.
/// </summary>
internal static class YamlJson
{
    public static JsonNode? ToJson(YamlNode? node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create((pair.Key as YamlScalarNode)?.Value ?? pair.Key.ToString(), ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    /// <summary>The node as JSON text; <paramref name="empty"/> when it is absent.</summary>
    public static string Text(YamlNode? node, string empty) => ToJson(node)?.ToJsonString() ?? empty;

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }
        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real) => JsonValue.Create(real),
            _ => JsonValue.Create(value),
        };
    }
}
