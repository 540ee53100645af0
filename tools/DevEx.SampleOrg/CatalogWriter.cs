using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace DevEx.SampleOrg;

/// <summary>
/// Backstage entities as YAML (multi-document files, through YamlDotNet): one Group per team with its zone and working
/// hours, one User per engineer (aliases and zone overrides where they apply), one Component per catalogued service.
/// Outsiders and the legacy service are left out on purpose: data quality and catalog coverage should find them.
/// </summary>
internal static class CatalogWriter
{
    // "\n" on every platform (the files are byte-identical everywhere) and no line folding of long values.
    private static readonly EmitterSettings Settings = new EmitterSettings().WithNewLine("\n").WithBestWidth(int.MaxValue);

    public static void Write(string directory, SampleOrganisation organisation)
    {
        Directory.CreateDirectory(directory);
        Save(Path.Combine(directory, "groups.yaml"), Groups(organisation));
        Save(Path.Combine(directory, "users.yaml"), Users(organisation));
        Save(Path.Combine(directory, "components.yaml"), Components(organisation));
    }

    private static IEnumerable<YamlMappingNode> Groups(SampleOrganisation organisation) =>
        organisation.Teams.Select(team => Entity("Group", team.Name,
            metadata =>
            {
                metadata.Add("title", Quoted(team.Title));
                metadata.Add("annotations", Annotations(
                    ("devex.dev/timezone", team.Hours.ZoneId),
                    ("devex.dev/working-hours", team.Hours.Annotation)));
            },
            new YamlMappingNode
            {
                { "type", "team" },
                { "profile", new YamlMappingNode { { "displayName", Quoted(team.Title) } } },
                { "children", Flow() },
            }));

    private static IEnumerable<YamlMappingNode> Users(SampleOrganisation organisation) =>
        from team in organisation.Teams
        from person in team.Members
        let aliases = new[] { person.AliasEmail, person.OldLogin }.OfType<string>().ToList()
        select Entity("User", person.Login,
            metadata => metadata.Add("annotations", Annotations(
                ("github.com/user-login", person.Login),
                ("devex.dev/timezone", person.ZoneOverride ? person.Hours.ZoneId : null),
                ("devex.dev/aliases", aliases.Count > 0 ? string.Join(", ", aliases) : null))),
            new YamlMappingNode
            {
                { "profile", new YamlMappingNode { { "displayName", Quoted(person.Name) }, { "email", Quoted(person.Email) } } },
                { "memberOf", Flow(team.Name) },
            });

    private static IEnumerable<YamlMappingNode> Components(SampleOrganisation organisation) =>
        from team in organisation.Teams
        from repository in team.Repositories
        from service in repository.Services
        where service.InCatalog
        select Entity("Component", service.Name,
            metadata => metadata.Add("annotations", Annotations(
                ("github.com/project-slug", repository.FullName),
                ("devex.dev/production-environments", service.ProductionPattern),
                ("backstage.io/source-template", service.SourceTemplate))),
            new YamlMappingNode { { "type", "service" }, { "lifecycle", "production" }, { "owner", team.Name } });

    private static YamlMappingNode Entity(string kind, string name, Action<YamlMappingNode> metadata, YamlMappingNode spec)
    {
        var meta = new YamlMappingNode { { "name", name } };
        metadata(meta);
        return new YamlMappingNode
        {
            { "apiVersion", "backstage.io/v1alpha1" },
            { "kind", kind },
            { "metadata", meta },
            { "spec", spec },
        };
    }

    /// <summary>The annotations that have a value, in the order given.</summary>
    private static YamlMappingNode Annotations(params (string Key, string? Value)[] annotations)
    {
        var node = new YamlMappingNode();
        foreach (var (key, value) in annotations.Where(a => a.Value is not null))
        {
            node.Add(key, Quoted(value!));
        }
        return node;
    }

    // Double-quoted scalars: safe for ':' in working hours, '$' and '|' in patterns, and anything else.
    private static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    private static YamlSequenceNode Flow(params string[] items) =>
        new(items.Select(i => new YamlScalarNode(i))) { Style = SequenceStyle.Flow };

    private static void Save(string path, IEnumerable<YamlMappingNode> entities)
    {
        using var writer = new StreamWriter(path);
        var stream = new YamlStream(entities.Select(e => new YamlDocument(e)));
        stream.Save(new EveryDocumentMarked(new Emitter(writer, Settings)), assignAnchors: false);
    }

    /// <summary>Starts every document with "---" and ends none with "...", as Backstage catalog files are written by hand.</summary>
    private sealed class EveryDocumentMarked(IEmitter inner) : IEmitter
    {
        public void Emit(ParsingEvent @event) => inner.Emit(@event switch
        {
            DocumentStart => new DocumentStart(null, null, isImplicit: false),
            DocumentEnd => new DocumentEnd(isImplicit: true),
            _ => @event,
        });
    }
}
