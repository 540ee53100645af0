using System.Text;

namespace DevEx.SampleOrg;

/// <summary>
/// Backstage entities as plain YAML (multi-document files): one Group per team with its zone and working hours,
/// one User per engineer (aliases and zone overrides where they apply), one Component per catalogued service.
/// Outsiders and the legacy service are left out on purpose: data quality and catalog coverage should find them.
/// </summary>
internal static class CatalogWriter
{
    public static void Write(string directory, SampleOrganisation organisation)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "groups.yaml"), Groups(organisation));
        File.WriteAllText(Path.Combine(directory, "users.yaml"), Users(organisation));
        File.WriteAllText(Path.Combine(directory, "components.yaml"), Components(organisation));
    }

    private static string Groups(SampleOrganisation organisation)
    {
        var yaml = new StringBuilder();
        foreach (var team in organisation.Teams)
        {
            Header(yaml, "Group", team.Name);
            yaml.Append("  title: ").Append(Quote(team.Title)).Append('\n');
            yaml.Append("  annotations:\n");
            Annotation(yaml, "devex.dev/timezone", team.Hours.ZoneId);
            Annotation(yaml, "devex.dev/working-hours", team.Hours.Annotation);
            yaml.Append("spec:\n  type: team\n  profile:\n    displayName: ").Append(Quote(team.Title)).Append('\n');
            yaml.Append("  children: []\n");
        }
        return yaml.ToString();
    }

    private static string Users(SampleOrganisation organisation)
    {
        var yaml = new StringBuilder();
        foreach (var team in organisation.Teams)
        {
            foreach (var person in team.Members)
            {
                Header(yaml, "User", person.Login);
                yaml.Append("  annotations:\n");
                Annotation(yaml, "github.com/user-login", person.Login);
                if (person.ZoneOverride)
                {
                    Annotation(yaml, "devex.dev/timezone", person.Hours.ZoneId);
                }
                var aliases = new[] { person.AliasEmail, person.OldLogin }.OfType<string>().ToList();
                if (aliases.Count > 0)
                {
                    Annotation(yaml, "devex.dev/aliases", string.Join(", ", aliases));
                }
                yaml.Append("spec:\n  profile:\n");
                yaml.Append("    displayName: ").Append(Quote(person.Name)).Append('\n');
                yaml.Append("    email: ").Append(Quote(person.Email)).Append('\n');
                yaml.Append("  memberOf: [").Append(team.Name).Append("]\n");
            }
        }
        return yaml.ToString();
    }

    private static string Components(SampleOrganisation organisation)
    {
        var yaml = new StringBuilder();
        foreach (var team in organisation.Teams)
        {
            foreach (var repository in team.Repositories)
            {
                foreach (var service in repository.Services.Where(s => s.InCatalog))
                {
                    Header(yaml, "Component", service.Name);
                    yaml.Append("  annotations:\n");
                    Annotation(yaml, "github.com/project-slug", repository.FullName);
                    if (service.ProductionPattern is not null)
                    {
                        Annotation(yaml, "devex.dev/production-environments", service.ProductionPattern);
                    }
                    if (service.SourceTemplate is not null)
                    {
                        Annotation(yaml, "backstage.io/source-template", service.SourceTemplate);
                    }
                    yaml.Append("spec:\n  type: service\n  lifecycle: production\n");
                    yaml.Append("  owner: ").Append(team.Name).Append('\n');
                }
            }
        }
        return yaml.ToString();
    }

    private static void Header(StringBuilder yaml, string kind, string name)
    {
        yaml.Append("---\napiVersion: backstage.io/v1alpha1\nkind: ").Append(kind).Append('\n');
        yaml.Append("metadata:\n  name: ").Append(name).Append('\n');
    }

    private static void Annotation(StringBuilder yaml, string key, string value) =>
        yaml.Append("    ").Append(key).Append(": ").Append(Quote(value)).Append('\n');

    // Double-quoted scalars: safe for ':' in working hours, '$' and '|' in patterns, and anything else.
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
