using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DevEx.Collectors.Catalog;

/// <summary>
/// Reads Backstage entity YAML (several documents per file allowed) and validates what DevEx relies on:
/// apiVersion, kind and a metadata.name that follows Backstage's naming rules. An invalid entity is reported
/// with file, line and reason; the other entities of the file are still read.
/// </summary>
internal static partial class CatalogReader
{
    public sealed record Result(IReadOnlyList<CatalogEntity> Entities, IReadOnlyList<ImportRejectInfo> Rejects);

    public sealed record ImportRejectInfo(string File, int Line, string Reason, string Content);

    [GeneratedRegex("^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$")]
    private static partial Regex NamePattern();

    public static Result Read(TextReader reader, string file)
    {
        var entities = new List<CatalogEntity>();
        var rejects = new List<ImportRejectInfo>();
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            rejects.Add(new ImportRejectInfo(file, (int)e.Start.Line, $"invalid YAML: {e.InnerException?.Message ?? e.Message}", ""));
            return new Result(entities, rejects);
        }
        foreach (var document in stream.Documents)
        {
            var line = (int)document.RootNode.Start.Line;
            if (document.RootNode is YamlScalarNode { Value: null or "" })
            {
                continue; // an empty document, e.g. a trailing "---"
            }
            if (document.RootNode is not YamlMappingNode root)
            {
                rejects.Add(new ImportRejectInfo(file, line, "entity is not a YAML mapping", ""));
                continue;
            }
            var reason = Validate(root, out var entity, file, line);
            if (reason is null)
            {
                entities.Add(entity!);
            }
            else
            {
                rejects.Add(new ImportRejectInfo(file, line, reason, Describe(root)));
            }
        }
        return new Result(entities, rejects);
    }

    private static string? Validate(YamlMappingNode root, out CatalogEntity? entity, string file, int line)
    {
        entity = null;
        var probe = new CatalogEntity(file, line, "", "", "", root);
        var apiVersion = probe.Path("apiVersion");
        var kind = probe.Path("kind");
        var name = probe.Path("metadata", "name");
        if (string.IsNullOrWhiteSpace(apiVersion))
        {
            return "apiVersion is missing";
        }
        if (string.IsNullOrWhiteSpace(kind))
        {
            return "kind is missing";
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            return "metadata.name is missing";
        }
        if (name.Length > 63 || !NamePattern().IsMatch(name))
        {
            return $"metadata.name '{name}' is not a valid entity name (letters, digits and single - _ . between them, at most 63 characters)";
        }
        entity = probe with { Kind = kind, Name = name, Namespace = probe.Path("metadata", "namespace") ?? "default" };
        return null;
    }

    private static string Describe(YamlMappingNode root)
    {
        var text = root.ToString();
        return text.Length <= 2000 ? text : text[..2000];
    }
}
