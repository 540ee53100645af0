using DevEx.Store.Rows;
using NodaTime;
using YamlDotNet.RepresentationModel;

namespace DevEx.Collectors.Catalog;

/// <summary>
/// A validated entity → its catalog_entities row (references completed and lower-cased, metadata and spec as JSON)
/// and the catalog_relations its spec states (<see cref="CatalogKinds"/> names each field's relation).
/// </summary>
internal static class CatalogEntityMapper
{
    public static CatalogEntityRow Row(CatalogEntity entity, Instant firstSeen, Instant now)
    {
        var metadata = Node(entity.Root, "metadata") as YamlMappingNode;
        var spec = Node(entity.Root, "spec") as YamlMappingNode;
        return new CatalogEntityRow(entity.Ref, entity.Kind, entity.Namespace, entity.Name,
            entity.Path("metadata", "title"), entity.Path("metadata", "description"), entity.Spec("lifecycle"),
            Reference(entity, "owner", "group"), Reference(entity, "system", "system"),
            entity.Kind == "System" ? Reference(entity, "domain", "domain") : null,
            entity.Kind == "Group" ? Reference(entity, "parent", "group") : null,
            entity.Spec("type"),
            YamlJson.Text(metadata is null ? null : Node(metadata, "annotations"), "{}"),
            YamlJson.Text(metadata is null ? null : Node(metadata, "labels"), "{}"),
            YamlJson.Text(metadata is null ? null : Node(metadata, "tags"), "[]"),
            YamlJson.Text(spec, "{}"), entity.File, entity.Line, firstSeen, now);
    }

    /// <summary>The relations of the entity's spec, each once, in the order the kind's fields are listed.</summary>
    public static IReadOnlyList<CatalogRelationRow> Relations(CatalogEntity entity)
    {
        if (CatalogKinds.Find(entity.Kind) is not { } kind)
        {
            return [];
        }
        var relations = new List<CatalogRelationRow>();
        foreach (var field in kind.References)
        {
            var values = field.IsList ? entity.SpecList(field.Field) : entity.Spec(field.Field) is { } one ? [one] : [];
            foreach (var value in values)
            {
                if (EntityReference.Parse(value, field.DefaultKind, entity.Namespace, out _) is { } target)
                {
                    relations.Add(new CatalogRelationRow(entity.Ref, field.Relation, target.Key));
                }
            }
        }
        return relations.Distinct().ToList();
    }

    private static string? Reference(CatalogEntity entity, string field, string defaultKind) =>
        entity.Spec(field) is { } text && EntityReference.Parse(text, defaultKind, entity.Namespace, out _) is { } reference
            ? reference.Key
            : null;

    private static YamlNode? Node(YamlMappingNode mapping, string key) => CatalogValidator.Child(mapping, key);
}
