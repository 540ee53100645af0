using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DevEx.Collectors.Backstage;

/// <summary>
/// An entity of the catalog API as the YAML nodes a catalog file gives, so both are validated and mapped by one path
/// (<see cref="Catalog.CatalogReader.Collect"/>). Strings stay quoted strings; numbers, booleans and null stay plain.
/// </summary>
internal static class BackstageEntityYaml
{
    public static YamlNode ToYaml(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new YamlMappingNode(element.EnumerateObject()
            .Select(p => KeyValuePair.Create<YamlNode, YamlNode>(new YamlScalarNode(p.Name), ToYaml(p.Value)))),
        JsonValueKind.Array => new YamlSequenceNode(element.EnumerateArray().Select(ToYaml)),
        JsonValueKind.String => new YamlScalarNode(element.GetString()) { Style = ScalarStyle.DoubleQuoted },
        JsonValueKind.Null => new YamlScalarNode("null") { Style = ScalarStyle.Plain },
        _ => new YamlScalarNode(element.GetRawText()) { Style = ScalarStyle.Plain },
    };
}
