using YamlDotNet.RepresentationModel;

namespace DevEx.Collectors.Catalog;

/// <summary>One Backstage entity document, with the file and line it came from for error messages.</summary>
internal sealed record CatalogEntity(string File, int Line, string Kind, string Name, string Namespace, YamlMappingNode Root)
{
    public const string DefaultNamespace = "default";

    /// <summary>The entity's reference, kind:namespace/name, lower-cased as Backstage compares references.</summary>
    public string Ref => EntityReference.KeyOf(Kind, Namespace, Name);

    public string? Annotation(string key) => Path("metadata", "annotations", key);

    public string? Spec(string key) => Path("spec", key);

    public string? Path(params string[] keys)
    {
        YamlNode? node = Root;
        foreach (var key in keys)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }
        return (node as YamlScalarNode)?.Value;
    }

    public IReadOnlyList<string> SpecList(string key)
    {
        if (Root.Children.TryGetValue(new YamlScalarNode("spec"), out var spec) && spec is YamlMappingNode mapping
            && mapping.Children.TryGetValue(new YamlScalarNode(key), out var list) && list is YamlSequenceNode sequence)
        {
            return sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(v => v.Length > 0).ToList();
        }
        return [];
    }

    /// <summary>An entity reference such as "group:default/team-a", "default/team-a" or "team-a" → "team-a".</summary>
    public static string ReferenceName(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        var withoutKind = colon >= 0 ? reference[(colon + 1)..] : reference;
        var slash = withoutKind.LastIndexOf('/');
        return slash >= 0 ? withoutKind[(slash + 1)..] : withoutKind;
    }
}
