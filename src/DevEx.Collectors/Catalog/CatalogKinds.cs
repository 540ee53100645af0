namespace DevEx.Collectors.Catalog;

/// <summary>
/// The built-in kinds DevEx keeps, as Backstage's catalog-model defines them (its JSON schemas under
/// src/schema/kinds and its BuiltinKindsEntityProcessor): the spec fields each requires, and the spec fields that
/// reference other entities, with the kind a reference without one defaults to and the relation Backstage names.
/// </summary>
internal static class CatalogKinds
{
    /// <summary>A spec field holding one reference or a list of them.</summary>
    public sealed record ReferenceField(string Field, bool IsList, string? DefaultKind, string Relation);

    /// <summary>A kind's rules: spec fields that must be non-empty strings, lists that must be present, references.</summary>
    public sealed record Kind(string Name, IReadOnlyList<string> RequiredStrings, IReadOnlyList<string> RequiredLists, IReadOnlyList<ReferenceField> References);

    public static readonly IReadOnlyList<string> ApiVersions = ["backstage.io/v1alpha1", "backstage.io/v1beta1"];

    /// <summary>Kinds Backstage knows that DevEx does not keep: read without error, not stored.</summary>
    public static readonly IReadOnlySet<string> Ignored = new HashSet<string>(["Location", "Template"], StringComparer.Ordinal);

    private static readonly ReferenceField Owner = new("owner", false, "group", "ownedBy");
    private static readonly ReferenceField System = new("system", false, "system", "partOf");
    private static readonly ReferenceField DependsOn = new("dependsOn", true, null, "dependsOn");
    private static readonly ReferenceField DependencyOf = new("dependencyOf", true, null, "dependencyOf");

    public static readonly IReadOnlyList<Kind> All =
    [
        new("Component", ["type", "lifecycle", "owner"], [],
        [
            Owner, System, new("subcomponentOf", false, "component", "partOf"),
            new("providesApis", true, "api", "providesApi"), new("consumesApis", true, "api", "consumesApi"), DependsOn, DependencyOf,
        ]),
        new("API", ["type", "lifecycle", "owner", "definition"], [], [Owner, System]),
        new("System", ["owner"], [], [Owner, new("domain", false, "domain", "partOf")]),
        new("Domain", ["owner"], [], [Owner, new("subdomainOf", false, "domain", "partOf")]),
        new("Resource", ["type", "owner"], [], [Owner, System, DependsOn, DependencyOf]),
        new("Group", ["type"], ["children"],
        [
            new("parent", false, "group", "childOf"), new("children", true, "group", "parentOf"), new("members", true, "user", "hasMember"),
        ]),
        new("User", [], [], [new("memberOf", true, "group", "memberOf")]),
    ];

    /// <summary>The kind named <paramref name="name"/>, or null: case matters, as in Backstage's kind schemas ("Component", not "component").</summary>
    public static Kind? Find(string name) => All.FirstOrDefault(k => k.Name.Equals(name, StringComparison.Ordinal));
}
