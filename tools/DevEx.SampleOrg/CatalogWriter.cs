using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace DevEx.SampleOrg;

/// <summary>
/// Backstage entities as YAML (multi-document files, through YamlDotNet): one Group per team with its zone and working
/// hours, in a tree of three levels (organisation, departments, teams; see <see cref="OrganisationHierarchy"/>), one User
/// per engineer (aliases and zone overrides where they apply), one Component per catalogued service and one for the
/// platform's CI library. Outsiders and the legacy service are left out on purpose: data quality and catalog coverage
/// should find them.
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

    private static IEnumerable<YamlMappingNode> Groups(SampleOrganisation organisation)
    {
        var departments = organisation.Teams.ToLookup(OrganisationHierarchy.DepartmentOf, t => t.Name);
        yield return Group(OrganisationHierarchy.Organisation, "Acme", "organization", null, null,
            [OrganisationHierarchy.Commerce, OrganisationHierarchy.Core]);
        yield return Group(OrganisationHierarchy.Commerce, "Commerce", "department", OrganisationHierarchy.Organisation, null,
            [.. departments[OrganisationHierarchy.Commerce]]);
        yield return Group(OrganisationHierarchy.Core, "Core", "department", OrganisationHierarchy.Organisation, null,
            [OrganisationHierarchy.PlatformTeam, .. departments[OrganisationHierarchy.Core]]);
        yield return Group(OrganisationHierarchy.PlatformTeam, "Platform", "team", OrganisationHierarchy.Core,
            new WorkingHours("Europe/Berlin", new NodaTime.LocalTime(9, 0), new NodaTime.LocalTime(17, 0)), []);
        foreach (var team in organisation.Teams)
        {
            yield return Group(team.Name, team.Title, "team", OrganisationHierarchy.DepartmentOf(team), team.Hours, []);
        }
    }

    private static YamlMappingNode Group(string name, string title, string type, string? parent, WorkingHours? hours, string[] children)
    {
        var spec = new YamlMappingNode { { "type", type }, { "profile", new YamlMappingNode { { "displayName", Quoted(title) } } } };
        if (parent is not null)
        {
            spec.Add("parent", parent);
        }
        spec.Add("children", Flow(children));
        return Entity("Group", name,
            metadata =>
            {
                metadata.Add("title", Quoted(title));
                if (hours is not null)
                {
                    metadata.Add("annotations", Annotations(
                        ("devex.dev/timezone", hours.ZoneId),
                        ("devex.dev/working-hours", hours.Annotation)));
                }
            },
            spec);
    }

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

    /// <summary>
    /// The Components of the catalogued services, numbered in team and repository order, with the gaps a scorecard
    /// should find: every 8th (from the 8th) is owned by "growth", a Group that no longer exists; every 5th (from the
    /// 4th) has no description; every 4th (from the 3rd) no TechDocs. Then the platform's own CI library.
    /// </summary>
    private static IEnumerable<YamlMappingNode> Components(SampleOrganisation organisation)
    {
        var number = 0;
        foreach (var team in organisation.Teams)
        {
            foreach (var repository in team.Repositories)
            {
                foreach (var component in ComponentsOf(team, repository, ref number))
                {
                    yield return component;
                }
            }
        }
        yield return PlatformComponent();
    }

    /// <summary>The Components a repository declares (its catalog-info.yaml holds the same), counting on from <paramref name="number"/>.</summary>
    public static List<YamlMappingNode> ComponentsOf(SampleTeam team, SampleRepository repository, ref int number)
    {
        var components = new List<YamlMappingNode>();
        foreach (var service in repository.Services.Where(s => s.InCatalog))
        {
            var n = number++;
            var owner = n % 8 == 7 ? "growth" : team.Name;
            components.Add(Entity("Component", service.Name,
                metadata =>
                {
                    if (n % 5 != 3)
                    {
                        metadata.Add("description", Quoted($"The {service.Name} service of the {team.Title} team."));
                    }
                    metadata.Add("annotations", Annotations(
                        ("github.com/project-slug", repository.FullName),
                        ("devex.dev/production-environments", service.ProductionPattern),
                        ("backstage.io/source-template", service.SourceTemplate),
                        ("backstage.io/techdocs-ref", n % 4 == 2 ? null : "dir:.")));
                },
                new YamlMappingNode { { "type", "service" }, { "lifecycle", "production" }, { "owner", owner } }));
        }
        return components;
    }

    /// <summary>The platform team's reusable CI workflow, a library: the service scorecard does not apply to it.</summary>
    public static YamlMappingNode PlatformComponent() =>
        Entity("Component", OrganisationHierarchy.PlatformRepository.Name,
            metadata =>
            {
                metadata.Add("description", Quoted("Reusable GitHub Actions workflows: build, test and publish with one line of YAML."));
                metadata.Add("annotations", Annotations(
                    ("github.com/project-slug", OrganisationHierarchy.PlatformRepository.FullName),
                    ("backstage.io/techdocs-ref", "dir:.")));
            },
            new YamlMappingNode { { "type", "library" }, { "lifecycle", "production" }, { "owner", OrganisationHierarchy.PlatformTeam } });

    /// <summary>Entities as the text of one multi-document YAML file, as the catalog files are written.</summary>
    public static string Text(IEnumerable<YamlMappingNode> entities)
    {
        using var writer = new StringWriter();
        Save(writer, entities);
        return writer.ToString();
    }

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
        Save(writer, entities);
    }

    private static void Save(TextWriter writer, IEnumerable<YamlMappingNode> entities)
    {
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
