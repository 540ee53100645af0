using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DevEx.Collectors.Catalog;

/// <summary>
/// Validates an entity as Backstage's catalog-model does (KubernetesValidatorFunctions, CommonValidatorFunctions, the
/// kind schemas and the reference parsing of BuiltinKindsEntityProcessor), read from its rules, not its code. The first
/// rule broken is the reason, naming the field: "spec.owner is missing", "metadata.labels key 'a b' is not valid".
/// </summary>
internal static partial class CatalogValidator
{
    /// <summary>Entity names, label and annotation key names: 1-63 characters, [A-Za-z0-9] at both ends, - _ . inside.</summary>
    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex ObjectNamePattern();

    /// <summary>Namespaces and the parts of a DNS subdomain (RFC 1123 labels): lower case, digits, single dashes inside.</summary>
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex("^[a-zA-Z][a-z0-9A-Z]*$")]
    private static partial Regex KindPattern();

    [GeneratedRegex("^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$")]
    private static partial Regex TagPattern();

    /// <summary>Annotations whose value is a location reference (type:target), parsed as Backstage's parseLocationRef does.</summary>
    private static readonly string[] LocationAnnotations =
        ["backstage.io/source-location", "backstage.io/managed-by-location", "backstage.io/managed-by-origin-location"];

    public static bool IsValidName(string value) => value.Length is >= 1 and <= 63 && ObjectNamePattern().IsMatch(value);

    public static bool IsValidNamespace(string value) => value.Length is >= 1 and <= 63 && DnsLabelPattern().IsMatch(value);

    /// <summary>[prefix/]name with a DNS-subdomain prefix (at most 253 characters) and an object-name name.</summary>
    public static bool IsValidKey(string value)
    {
        var parts = value.Split('/');
        return parts.Length switch
        {
            1 => IsValidName(parts[0]),
            2 => parts[0].Length is >= 1 and <= 253 && parts[0].Split('.').All(IsValidNamespace) && IsValidName(parts[1]),
            _ => false,
        };
    }

    public static bool IsValidTag(string value) => value.Length is >= 1 and <= 63 && TagPattern().IsMatch(value);

    /// <summary>Null when the entity is valid; else the first reason it is not.</summary>
    public static string? Validate(YamlMappingNode root)
    {
        if (Scalar(root, "apiVersion") is not { Length: > 0 } apiVersion)
        {
            return "apiVersion is missing";
        }
        if (Scalar(root, "kind") is not { Length: > 0 } kind)
        {
            return "kind is missing";
        }
        if (kind.Length > 63 || !KindPattern().IsMatch(kind))
        {
            return $"kind '{kind}' is not a valid kind (a letter, then letters and digits, at most 63 characters)";
        }
        if (CatalogKinds.Ignored.Contains(kind))
        {
            return null;
        }
        if (CatalogKinds.Find(kind) is not { } rules)
        {
            return $"kind '{kind}' is not one of {string.Join(", ", CatalogKinds.All.Select(k => k.Name))} (kinds are case-sensitive)";
        }
        if (!CatalogKinds.ApiVersions.Contains(apiVersion, StringComparer.Ordinal))
        {
            return $"apiVersion '{apiVersion}' is not {string.Join(" or ", CatalogKinds.ApiVersions)}";
        }
        return Metadata(root) ?? Spec(root, rules);
    }

    private static string? Metadata(YamlMappingNode root)
    {
        if (Child(root, "metadata") is not YamlMappingNode metadata)
        {
            return "metadata is missing";
        }
        if (Scalar(metadata, "name") is not { Length: > 0 } name)
        {
            return "metadata.name is missing";
        }
        if (!IsValidName(name))
        {
            return $"metadata.name '{name}' is not a valid entity name (letters, digits and - _ . between them, at most 63 characters)";
        }
        if (Child(metadata, "namespace") is { } ns && (ns is not YamlScalarNode { Value: { } nsText } || !IsValidNamespace(nsText)))
        {
            return $"metadata.namespace '{ns}' is not a valid namespace (lower-case letters, digits and single - between them, at most 63 characters)";
        }
        foreach (var field in new[] { "title", "description" })
        {
            if (Child(metadata, field) is { } value and not YamlScalarNode)
            {
                return $"metadata.{field} is not a string";
            }
        }
        return Pairs(metadata, "labels", value => value.Length == 0 || IsValidName(value), "a valid label value (empty, or an entity-name-like value)")
            ?? Pairs(metadata, "annotations", _ => true, "a string")
            ?? Tags(metadata)
            ?? LocationAnnotation(metadata);
    }

    private static string? Pairs(YamlMappingNode metadata, string field, Func<string, bool> isValidValue, string valueRule)
    {
        if (Child(metadata, field) is not { } node)
        {
            return null;
        }
        if (node is not YamlMappingNode pairs)
        {
            return $"metadata.{field} is not a mapping";
        }
        foreach (var (key, value) in pairs.Children)
        {
            var keyText = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!IsValidKey(keyText))
            {
                return $"metadata.{field} key '{keyText}' is not valid ([prefix/]name: a DNS subdomain prefix, a name of letters, digits and - _ . between them)";
            }
            if (value is not YamlScalarNode { Value: var valueText } || !isValidValue(valueText ?? ""))
            {
                return $"metadata.{field}.{keyText} '{value}' is not {valueRule}";
            }
        }
        return null;
    }

    private static string? Tags(YamlMappingNode metadata)
    {
        if (Child(metadata, "tags") is not { } node)
        {
            return null;
        }
        if (node is not YamlSequenceNode tags)
        {
            return "metadata.tags is not a list";
        }
        var bad = tags.Children.FirstOrDefault(t => t is not YamlScalarNode { Value: { } text } || !IsValidTag(text));
        return bad is null ? null
            : $"metadata.tags '{bad}' is not a valid tag (lower-case letters, digits, : + # and single - between them, at most 63 characters)";
    }

    /// <summary>A location is type:target; Backstage refuses a bare http(s) URL, asking for the url: prefix.</summary>
    private static string? LocationAnnotation(YamlMappingNode metadata)
    {
        foreach (var key in LocationAnnotations)
        {
            if (Child(metadata, "annotations") is not YamlMappingNode annotations || Scalar(annotations, key) is not { } value)
            {
                continue;
            }
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == value.Length - 1)
            {
                return $"metadata.annotations.{key} '{value}' is not a location of the form type:target (e.g. url:https://...)";
            }
            var type = value[..colon];
            if (type is "http" or "https")
            {
                return $"metadata.annotations.{key} '{value}' is a bare URL; write it as url:{value}";
            }
        }
        return null;
    }

    private static string? Spec(YamlMappingNode root, CatalogKinds.Kind rules)
    {
        if (Child(root, "spec") is not YamlMappingNode spec)
        {
            return "spec is missing";
        }
        foreach (var field in rules.RequiredStrings)
        {
            if (Child(spec, field) is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
            {
                return Child(spec, field) is null ? $"spec.{field} is missing" : $"spec.{field} is not a non-empty string";
            }
        }
        foreach (var field in rules.RequiredLists)
        {
            if (Child(spec, field) is null)
            {
                return $"spec.{field} is missing";
            }
        }
        var @namespace = Scalar((YamlMappingNode)Child(root, "metadata")!, "namespace") ?? "default";
        foreach (var reference in rules.References)
        {
            if (References(spec, reference, @namespace) is { } error)
            {
                return error;
            }
        }
        return null;
    }

    private static string? References(YamlMappingNode spec, CatalogKinds.ReferenceField field, string @namespace)
    {
        if (Child(spec, field.Field) is not { } node)
        {
            return null;
        }
        if (field.IsList && node is not YamlSequenceNode)
        {
            return $"spec.{field.Field} is not a list";
        }
        var values = node is YamlSequenceNode list ? list.Children : [node];
        for (var i = 0; i < values.Count; i++)
        {
            var at = field.IsList ? $"spec.{field.Field}[{i}]" : $"spec.{field.Field}";
            if (values[i] is not YamlScalarNode { Value: { Length: > 0 } text })
            {
                return $"{at} is not a non-empty string";
            }
            if (EntityReference.Parse(text, field.DefaultKind, @namespace, out var error) is null)
            {
                return $"{at}: {error}";
            }
        }
        return null;
    }

    public static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode mapping, string key) => (Child(mapping, key) as YamlScalarNode)?.Value;
}
